//! The funding explorer's page: Leptos components over `funding_core`.
//!
//! The core does everything that is not the DOM: it runs a view (search,
//! filters, facet counts, totals), draws the charts and works out what each
//! part of the page shows, as plain data. This crate keeps the view and the
//! page's shared state in signals (`page.rs`) and renders each part with a
//! component (`components/`) that answers its own buttons.

mod add_panel;
mod browser_url;
mod components;
mod dataset_file;
mod download;
mod focus;
mod follow;
mod listen;
mod page;
mod remembered;
#[cfg(feature = "add-panel")]
mod share;
mod streams;
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
        add_panel::listen(yours);
        // A share link: its record opens in the panel, for review.
        let fragment = browser_url::current_fragment();
        if let Some(packed) = fragment.strip_prefix(funding_core::yours::SHARE_FRAGMENT) {
            add_panel::open(
                yours,
                funding_core::yours::PanelAction::Link(packed.to_string()),
            );
            browser_url::drop_fragment();
        }
        // The explorer over the published data and the person's kept
        // records, built again when those change.
        let explorer = move || {
            let page = page::Page::new(yours.dataset.get(), components::charts::fitting_size());
            view! { <components::explorer::Explorer page /> }
        };
        view! {
            <components::yours::YoursNotices />
            // The "Add a text" panel mounts here when first used.
            <div id="add-place"></div>
            {explorer}
        }
    })
    .forget();
}

/// Starts the "Add a text" panel (its own wasm: `src/bin/funding-add.rs`) in
/// the page's `#add-place`, over the same dataset file (from the browser's
/// cache) and the same kept records, and tells the page it listens.
#[cfg(feature = "add-panel")]
pub fn start_add_panel() {
    wasm_bindgen_futures::spawn_local(async {
        // The page has already said why, if the data cannot be read.
        let Ok(dataset) = fetch_dataset().await else {
            return;
        };
        let Some(place) = document()
            .get_element_by_id("add-place")
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok())
        else {
            return;
        };
        let dataset: &'static Dataset = Box::leak(Box::new(dataset));
        leptos::mount::mount_to(place, move || {
            let yours = yours::Yours::start(dataset);
            provide_context(yours);
            components::add::listen(yours);
            view! { <components::add::AddPanel /> }
        })
        .forget();
        add_panel::send(
            add_panel::NEWS_EVENT,
            &funding_core::yours::PanelNews::Ready.to_detail(),
        );
    });
}
