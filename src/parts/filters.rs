//! The filters: an amount range and one group of checkboxes per facet, each
//! value with the number of records it would show given every other filter.
//! On a phone (and beside the reader) the panel folds away behind "Filters".

use super::{follow as follow_effect, keep_html};
use crate::dom;
use crate::page::{bit, Page};
use funding_core::money::{parse_typed, typed};
use funding_core::page::{self, Place};
use funding_core::view::Facet;
use leptos::prelude::*;

pub fn follow(page: Page) {
    for (n, facet) in Facet::ALL.into_iter().enumerate() {
        // The checkboxes, written in one step when anything in them changes.
        keep_html(page::facet_values_id(facet), move || {
            let all = bit(page.all_values.get(), n);
            page.results.with(|e| {
                e.facets
                    .iter()
                    .find(|(f, _)| *f == facet)
                    .map(|(_, values)| page::facet_values(facet, values, all))
                    .unwrap_or_default()
            })
        });
        if page::is_long(facet) {
            keep_html(page::facet_more_id(facet), move || {
                let all = bit(page.all_values.get(), n);
                let total = page.results.with(|e| {
                    e.facets
                        .iter()
                        .find(|(f, _)| *f == facet)
                        .map_or(0, |(_, values)| values.len())
                });
                page::facet_more(facet, all, total)
            });
        }
    }
    // The amounts follow the view when it changes; what was typed and could
    // not be read stays until then, with the error beside it.
    let mut last = None;
    follow_effect(move || {
        let now = page.view.with(|v| (v.min_amount, v.max_amount));
        if last != Some(now) {
            dom::set_field_value(Place::AmountMin, &now.0.map(typed).unwrap_or_default());
            dom::set_field_value(Place::AmountMax, &now.1.map(typed).unwrap_or_default());
            last = Some(now);
        }
    });
    keep_html(Place::AmountError.id().into(), move || {
        page.amount_error.get()
    });
}

/// A checkbox of `facet` ticked or unticked.
pub fn toggled(page: Page, facet: Facet, code: &str) {
    page.change(|v| v.toggle(facet, code));
}

/// "Show all …" or "Show the 10 …" of a long facet.
pub fn more_values(page: Page, facet: Facet) {
    if let Some(n) = Facet::ALL.iter().position(|f| *f == facet) {
        page.all_values.update(|bits| *bits ^= 1 << n);
    }
}

/// An amount field changed: typed the way people write money (4.5m, 450k).
pub fn amount_changed(page: Page, place: Place, text: &str) {
    let amount = if text.trim().is_empty() {
        Some(None)
    } else {
        parse_typed(text).map(Some)
    };
    match amount {
        Some(amount) => {
            page.amount_error.set(String::new());
            page.change(|v| {
                if place == Place::AmountMin {
                    v.min_amount = amount;
                } else {
                    v.max_amount = amount;
                }
            });
        }
        None => page.amount_error.set(page::amount_error(text)),
    }
}
