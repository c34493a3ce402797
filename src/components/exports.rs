//! Downloads of the current view: CSV and JSON of its records, and a CSV in
//! the 360Giving Data Standard's columns.

use super::explorer::ResultsMemo;
use crate::download;
use funding_core::export::{giving360_csv, view_csv, view_json};
use funding_core::Dataset;
use leptos::prelude::*;

/// What a download button says when the browser refused the download.
pub const REFUSED: &str = "The browser did not allow the download.";

#[component]
pub fn Exports(dataset: &'static Dataset) -> impl IntoView {
    let results = expect_context::<ResultsMemo>();
    let refused = RwSignal::new(false);
    let save =
        move |name: &'static str,
              mime: &'static str,
              make: fn(&Dataset, &[funding_core::explore::ResultRow]) -> String| {
            move |_| {
                let content = results.0.with_untracked(|e| make(dataset, &e.rows));
                refused.set(!download::save(name, mime, &content));
            }
        };
    view! {
        <div class="exports" role="group" aria-label="Download this view">
            <span class="exports-label">"Download this view:"</span>
            <button type="button" class="quiet" on:click=save("funding-view.csv", "text/csv;charset=utf-8", view_csv)>"CSV"</button>
            <button type="button" class="quiet" on:click=save("funding-view.json", "application/json", view_json)>"JSON"</button>
            <button type="button" class="quiet" on:click=save("funding-view-360giving.csv", "text/csv;charset=utf-8", giving360_csv)>"360Giving CSV"</button>
            <span role="alert">{move || if refused.get() { REFUSED } else { "" }}</span>
        </div>
    }
}
