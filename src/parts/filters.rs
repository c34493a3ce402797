//! The filters: an amount range and one group of checkboxes per facet, each
//! value with the number of records it would show given every other filter.
//! On a phone (and beside the reader) the panel folds away behind "Filters".

use super::{follow as follow_effect, keep_html};
use crate::dom;
use crate::page::{bit, Page};
use funding_core::html;
use funding_core::money::{parse_typed, typed};
use funding_core::page::{self, Place};
use funding_core::view::Facet;
use leptos::prelude::*;
use std::sync::Arc;

pub fn follow(page: Page) {
    for (n, facet) in Facet::ALL.into_iter().enumerate() {
        // The checkboxes: written in one step when the values shown change;
        // when only their counts or ticks do (most changes), those are set
        // in place, which spares the browser building and laying out the
        // whole list again.
        let mut shown: Vec<(Arc<str>, usize, bool)> = Vec::new();
        let mut written = false;
        follow_effect(move || {
            let all = bit(page.all_values.get(), n);
            page.results.with(|e| {
                let now = page::shown_facet_values(facet, e.facet_values(facet), all);
                let id = page::facet_values_id(facet);
                let same_values = written
                    && shown.len() == now.len()
                    && shown.iter().zip(&now).all(|(s, v)| s.0 == v.code);
                if same_values {
                    let Some(list) = dom::element(&id) else {
                        return;
                    };
                    for (i, (s, v)) in shown.iter().zip(&now).enumerate() {
                        if s.1 != v.count || s.2 != v.selected {
                            dom::set_facet_value(&list, i, v.count, v.selected);
                        }
                    }
                } else {
                    dom::write_html(&id, &html::facet_options(facet, now.iter().copied()));
                    written = true;
                }
                shown = now
                    .iter()
                    .map(|v| (v.code.clone(), v.count, v.selected))
                    .collect();
            });
        });
        if page::is_long(facet) {
            keep_html(page::facet_more_id(facet), move || {
                let all = bit(page.all_values.get(), n);
                let total = page.results.with(|e| e.facet_values(facet).len());
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
