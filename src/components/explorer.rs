//! The explorer: the link's notices, the toolbar, and the layout of the
//! filters, the records and the reader. It provides the page's state to
//! every component in it, and follows back and forward.

use super::filters::FilterPanel;
use super::notices::LinkNotices;
use super::reader::ReaderPlace;
use super::records::Records;
use super::toolbar::Toolbar;
use crate::browser_url;
use crate::focus::{focus_after_render, focus_row_after_render};
use crate::follow;
use crate::page::{History, Page};
use funding_core::url_state;
use leptos::prelude::*;

/// Links past the controls, after the page's own "Skip to search": to the
/// first result, and to the filters (opening them on a phone).
#[component]
fn SkipLinks() -> impl IntoView {
    let page = crate::page::use_page();
    let to_results = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_after_render(&[".record-title a", "#result-count"]);
    };
    let to_filters = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        page.filters_open.set(true);
        focus_after_render(&["#amount-min"]);
    };
    view! {
        <nav class="skip-links" aria-label="Skip links">
            <a class="skip-link" href="#record-list" on:click=to_results>"Skip to the results"</a>
            <a class="skip-link" href="#filter-panel" on:click=to_filters>"Skip to the filters"</a>
        </nav>
    }
}

#[component]
pub fn Explorer(page: Page) -> impl IntoView {
    provide_context(page);
    // Back and forward: read the address bar again, without pushing. A link
    // to a place in the reader's text (#evidence-…) is a step in history
    // too, with the same view: nothing to show, and notices dismissed stay
    // dismissed.
    crate::listen::on_window("popstate", move |_| {
        let (view, notices) = url_state::decode(&browser_url::current_query(), page.core);
        if page.view.with_untracked(|v| *v != view) {
            // A reader closed by Back leaves the focus on its record's row.
            let closed = page
                .view
                .with_untracked(|v| v.open.clone())
                .filter(|_| view.open.is_none() && view.about.is_none());
            page.show(view, History::Keep);
            page.notices.set(notices);
            if let Some(record) = closed {
                focus_row_after_render(record);
            }
        }
    });
    let has_reader = move || page.view.with(|v| v.open.is_some() || v.about.is_some());
    view! {
        <SkipLinks />
        <section class="controls" aria-label="Search, sort and share">
            <LinkNotices />
            <Toolbar />
        </section>
        <main class="layout" class:has-reader=follow::flag(has_reader) id="layout">
            <FilterPanel />
            <Records />
            <ReaderPlace />
        </main>
    }
}
