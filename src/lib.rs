//! The funding explorer's page: Leptos components over `funding_core`.
//!
//! The core does everything that is not the DOM: it runs a view (search,
//! filters, facet counts, totals), draws the charts and works out what each
//! part of the page shows, as plain data. This crate keeps the view and the
//! page's shared state in signals (`page.rs`) and renders each part with a
//! component (`components/`) that answers its own buttons.

mod browser_url;
mod components;
mod dataset_file;
mod download;
mod focus;
mod follow;
mod listen;
mod page;
mod remembered;
mod share;
mod streams;
mod worker;
mod yours;

pub use dataset_file::fetch_dataset;

use funding_core::Dataset;
use leptos::prelude::*;
use web_sys::HtmlElement;

/// Starts the explorer in `place` (the page's `#explorer`, between its static
/// header and footer). A dataset that could not be fetched or read gives a
/// message saying why, not a dead page.
pub fn start(dataset: Result<Dataset, String>, place: HtmlElement) {
    let dataset = match dataset {
        // Read once and kept for the page's lifetime, so every part can
        // share it by reference.
        Ok(dataset) => &*Box::leak(Box::new(dataset)),
        Err(message) => {
            leptos::mount::mount_to(place, move || {
                view! {
                    <main class="load-error" role="alert">
                        <h2>"The funding explorer could not start"</h2>
                        <p>{message}</p>
                    </main>
                }
            })
            .forget();
            return;
        }
    };
    // The header is the page's own (index.html); what the dataset holds is
    // counted into it, once.
    if let Some(counts) = document()
        .get_element_by_id("counts")
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok())
    {
        leptos::mount::mount_to(counts, move || {
            view! { <components::counts::DatasetCounts dataset /> }
        })
        .forget();
    }
    leptos::mount::mount_to(place, move || {
        let yours = yours::Yours::start(dataset);
        provide_context(yours);
        share::open_shared_link(yours);
        // The explorer over the published data and the person's kept
        // records, built again when those change.
        let explorer = move || {
            let page = page::Page::new(yours.dataset.get(), components::charts::fitting_size());
            view! { <components::explorer::Explorer page /> }
        };
        view! {
            <components::add::YoursNotices />
            <components::add::AddPanel />
            {explorer}
        }
    })
    .forget();
}
