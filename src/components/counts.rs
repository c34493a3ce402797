//! What the explorer holds, in the page's header.

use funding_core::Dataset;
use leptos::prelude::*;

#[component]
pub fn DatasetCounts(dataset: &'static Dataset) -> impl IntoView {
    funding_core::page::dataset_counts(dataset)
        .into_iter()
        .map(|(count, what)| view! { <li><strong>{count}</strong>{what}</li> })
        .collect_view()
}
