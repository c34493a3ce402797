//! The explorer: the link's notices, the toolbar, and the layout of the
//! filters, the records and the reader. It provides the page's state to
//! every component in it, and follows back and forward.

use super::filters::FilterPanel;
use super::notices::LinkNotices;
use super::reader::ReaderPlace;
use super::records::Records;
use super::toolbar::Toolbar;
use crate::browser_url;
use crate::follow;
use crate::page::{History, Page};
use funding_core::url_state;
use gloo::events::EventListener;
use leptos::prelude::*;

#[component]
pub fn Explorer(page: Page) -> impl IntoView {
    provide_context(page);
    // Back and forward: read the address bar again, without pushing. A link
    // to a place in the reader's text (#evidence-…) is a step in history
    // too, with the same view: nothing to show, and notices dismissed stay
    // dismissed.
    EventListener::new(&window(), "popstate", move |_| {
        let (view, notices) = url_state::decode(&browser_url::current_query(), page.core);
        if page.view.with_untracked(|v| *v != view) {
            page.show(view, History::Keep);
            page.notices.set(notices);
        }
    })
    .forget();
    let has_reader = move || page.view.with(|v| v.open.is_some() || v.about.is_some());
    view! {
        <LinkNotices />
        <Toolbar />
        <main class="layout" class:has-reader=follow::flag(has_reader) id="layout">
            <FilterPanel />
            <Records />
            <ReaderPlace />
        </main>
    }
}
