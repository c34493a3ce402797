//! What the explorer is, and how much it holds (counted by the core,
//! `html::dataset_counts`).

use funding_core::html;
use funding_core::Dataset;
use leptos::prelude::*;

#[component]
pub fn Summary(dataset: &'static Dataset) -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header-inner">
            <h1>"NHS transformation funding explorer"</h1>
            <p class="lede">
                "Money announced by NHS England for the 2015 new care models vanguards and the integrated care systems that followed. "
                "Every figure comes with its source; for announcements held in full, with the very words that state it."
            </p>
            <ul class="counts" aria-label="What the explorer holds" inner_html=html::dataset_counts(dataset)></ul>
            </div>
        </header>
    }
}
