//! The funding explorer's page: a thin Leptos layer over `funding_core`.
//! Components read the dataset and the view state and render; every rule
//! (formats, URL parameters, what a figure's evidence is) lives in the core.

mod browser_url;
mod components;
mod dataset_file;
mod download;

use components::explorer::Explorer;
use leptos::prelude::*;

pub use dataset_file::fetch_dataset;

/// The whole page, once the dataset has been fetched. A dataset that could
/// not be fetched or read gives a message saying why, not a dead page.
#[component]
pub fn App(dataset: Result<funding_core::Dataset, String>) -> impl IntoView {
    match dataset {
        // Parsed once and kept for the page's lifetime, so components can share
        // it by reference without cloning.
        Ok(dataset) => view! { <Explorer dataset=Box::leak(Box::new(dataset)) /> }.into_any(),
        Err(message) => view! {
            <main class="load-error" role="alert">
                <h2>"The funding explorer could not start"</h2>
                <p>{message}</p>
            </main>
        }
        .into_any(),
    }
}
