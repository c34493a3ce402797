//! The reader: one record in full. For an announcement held in full, its
//! text with every figure marked, each mark linked to its figure and back,
//! and how it splits its money; for a reported figure, its caveats and a
//! link to the page that states it. With no record open, an organisation's
//! page (`?about=`): every figure held for it, year by year and source by
//! source. The core writes it whole (`page::reader`,
//! `page::recipient_reader`); opening either moves focus to its heading, so
//! keyboard and screen-reader users land on it.

use super::{follow as follow_effect, keep_html_then};
use crate::dom;
use crate::page::{bit, Page};
use funding_core::charts::breakdown;
use funding_core::page::{self, Place};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// The reader's place in `page::CHARTS`.
const BREAKDOWN: usize = 3;

pub fn follow(page: Page) {
    follow_effect(move || {
        let open = page.view.with(|v| v.open.is_some() || v.about.is_some());
        dom::set_class(Place::Layout, "has-reader", open);
    });
    // The search words are marked in the title and text: the reader follows
    // the query, not every change of the results.
    let query = Memo::new(move |_| page.results.with(|e| e.query.clone()));
    let open = Memo::new(move |_| page.view.with(|v| v.open.clone()));
    let about = Memo::new(move |_| page.view.with(|v| v.about.clone()));
    // What the reader shows, for the focus to follow: a record, or a page.
    let shown = move || {
        open.get_untracked()
            .or_else(|| about.get_untracked().map(|a| format!("about:{a}")))
    };
    let focused: Rc<RefCell<Option<String>>> = Rc::default();
    keep_html_then(
        Place::Reader.id().into(),
        Box::new(move || {
            let Some(record) = open.with(|id| id.as_deref().and_then(|id| page.dataset.record(id)))
            else {
                return about.with(|id| {
                    id.as_deref()
                        .and_then(|id| funding_core::recipient::recipient_page(page.core, id))
                        .map(|p| {
                            page.view
                                .with_untracked(|v| page::recipient_reader(page.dataset, &p, v))
                        })
                        .unwrap_or_default()
                });
            };
            let size = page.chart_size.get();
            let as_table = bit(page.as_table.get(), BREAKDOWN);
            let chart = breakdown::chart(record, size);
            let figure = chart.as_ref().map(|c| page::chart_figure(c, as_table));
            page.drawn.update_value(|d| d[BREAKDOWN] = chart);
            query.with(|q| page::reader(page.dataset, record, q, figure.as_deref()))
        }),
        Box::new(move || {
            let now = shown();
            if now.is_some() && *focused.borrow() != now {
                dom::focus(Place::ReaderHeading.id());
            }
            *focused.borrow_mut() = now;
        }),
    );
}

/// "Close": a record opened from an organisation's page goes back to the
/// page; the page closes.
pub fn close(page: Page) {
    page.change(|v| {
        if v.open.is_some() {
            v.open = None;
        } else {
            v.about = None;
        }
    });
}

/// A link to an organisation's page.
pub fn open_about(page: Page, id: String) {
    page.change(|v| {
        v.open = None;
        v.about = Some(id);
    });
}
