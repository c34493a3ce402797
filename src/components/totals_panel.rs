//! The money in the current view, by financial year, with what the total
//! includes and where sources disagree. The core writes both as HTML
//! (`funding_core::html`).

use super::explorer::ResultsMemo;
use funding_core::html;
use funding_core::Dataset;
use leptos::prelude::*;

#[component]
pub fn TotalsPanel(dataset: &'static Dataset) -> impl IntoView {
    let results = expect_context::<ResultsMemo>();
    // What the total includes, and where sources disagree, are written only
    // while "What this total includes" is open: a large view has thousands of
    // disagreements, and a closed list would be rebuilt unseen on every change.
    let explained_open = RwSignal::new(false);
    let summary = move || results.0.with(|e| html::totals_summary(&e.totals));
    let explained = move || {
        if explained_open.get() {
            results
                .0
                .with(|e| html::totals_explained(dataset, &e.totals))
        } else {
            String::new()
        }
    };
    view! {
        <section class="totals" aria-labelledby="totals-heading">
            <h3 id="totals-heading">"Money for recipients in this view"</h3>
            <div inner_html=summary></div>
            <details class="totals-explained" on:toggle=move |ev| {
                explained_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
            }>
                <summary>"What this total includes"</summary>
                <div inner_html=explained></div>
            </details>
        </section>
    }
}
