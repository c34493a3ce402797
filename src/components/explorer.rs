//! The explorer screen: the summary, the list of funding records and the reader,
//! with the view kept in the URL so any view can be shared as a link.

use super::notices::LinkNotices;
use super::reader::RecordReader;
use super::record_list::RecordList;
use super::summary::Summary;
use crate::browser_url;
use funding_core::explore::Explorer as CoreExplorer;
use funding_core::url_state::{self, Notice};
use funding_core::view::ViewState;
use funding_core::Dataset;
use leptos::prelude::*;

/// The view the page shows; children change it through [`ViewSignal::show`].
#[derive(Clone, Copy)]
pub struct ViewSignal(pub RwSignal<ViewState>);

impl ViewSignal {
    /// Shows `view` and records it in the address bar as a new history entry.
    pub fn show(self, view: ViewState) {
        browser_url::push_query(&url_state::encode(&view));
        self.0.set(view);
    }
}

#[component]
pub fn Explorer(dataset: &'static Dataset) -> impl IntoView {
    let core: &'static CoreExplorer<'static> = Box::leak(Box::new(CoreExplorer::new(dataset)));
    let (first_view, first_notices) = url_state::decode(&browser_url::current_query(), core);
    let view_state = ViewSignal(RwSignal::new(first_view));
    let notices: RwSignal<Vec<Notice>> = RwSignal::new(first_notices);
    provide_context(view_state);

    // Back and forward: read the address bar again, without pushing.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let (view, link_notices) = url_state::decode(&browser_url::current_query(), core);
        view_state.0.set(view);
        notices.set(link_notices);
    });

    let reader_open = move || view_state.0.with(|v| v.open.is_some());

    view! {
        <a class="skip-link" href="#records-heading">"Skip to the funding records"</a>
        <Summary dataset=dataset />
        <LinkNotices notices=notices />
        <main class="layout" class:has-reader=reader_open>
            <RecordList dataset=dataset />
            {move || {
                view_state
                    .0
                    .with(|v| v.open.clone())
                    .and_then(|id| dataset.record(&id))
                    .map(|record| view! { <RecordReader dataset=dataset record=record /> })
            }}
        </main>
        <footer class="site-footer">
            <p>
                "Figures come from the announcements held in full (each marked in its text) and from public pages linked beside each figure. "
                "Where sources disagree, both figures are shown. Nothing is fetched: the data is part of the page."
            </p>
        </footer>
    }
}
