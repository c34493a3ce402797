//! The funding explorer's page: a thin Leptos layer over `funding_core`.
//! Components read the dataset and the view state and render; every rule
//! (formats, URL parameters, what a figure's evidence is) lives in the core.

mod browser_url;
mod components;
mod download;

use components::explorer::Explorer;
use leptos::prelude::*;

/// The dataset the build validated and embedded (see build.rs), in its
/// compact form.
const DATASET: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dataset.bin"));

/// The whole page. A dataset that cannot be read (only possible if the build
/// output was damaged) gives a message, not a dead page.
#[component]
pub fn App() -> impl IntoView {
    match funding_core::codec::decode(DATASET) {
        // Parsed once and kept for the page's lifetime, so components can share
        // it by reference without cloning.
        Ok(dataset) => view! { <Explorer dataset=Box::leak(Box::new(dataset)) /> }.into_any(),
        Err(message) => view! {
            <main class="load-error" role="alert">
                <h1>"The funding explorer could not start"</h1>
                <p>{message}</p>
            </main>
        }
        .into_any(),
    }
}
