//! The funding explorer's page: a thin Leptos layer over `funding_core`.
//!
//! The core does everything that is not the DOM: it runs a view (search,
//! filters, facet counts, totals), draws the charts, and writes the page's
//! markup (`funding_core::page` and `html`), escaping every text from the
//! data, a link or a search. This crate keeps the view and the page's own
//! state in Leptos signals (`page.rs`), lets each part of the page follow
//! what it shows and write its HTML when that changes (`parts/`), and turns
//! what a person chooses into a new view (`events.rs`).
//!
//! The parts are strings the core wrote rather than `view!` trees because of
//! the page's size budget (issue 6): every reactive element and attribute of
//! a `view!` compiles its own copy of Leptos' rendering code, and written
//! that way the views were 68 KiB of a 196 KiB wasm.

mod browser_url;
mod dataset_file;
mod dom;
mod download;
mod events;
mod page;
mod parts;

pub use dataset_file::fetch_dataset;

use funding_core::Dataset;
use web_sys::HtmlElement;

/// Starts the explorer in `place` (the page's `#explorer`, between its static
/// header and footer). A dataset that could not be fetched or read gives a
/// message saying why, not a dead page.
pub fn start(dataset: Result<Dataset, String>, place: HtmlElement) {
    let dataset = match dataset {
        // Read once and kept for the page's lifetime, so every part can
        // share it by reference.
        Ok(dataset) => Box::leak(Box::new(dataset)),
        Err(message) => {
            place.set_inner_html(&funding_core::page::load_error(&message));
            return;
        }
    };
    let mount = place.clone();
    // Leptos' owner and executor run the page's effects.
    leptos::mount::mount_to(mount, move || {
        let page = page::Page::new(dataset);
        // The header is the page's own (index.html); what the dataset holds
        // is counted here, once.
        if let Some(counts) = dom::element("counts") {
            counts.set_inner_html(&funding_core::html::dataset_counts(dataset));
        }
        place.set_inner_html(&funding_core::page::frame());
        events::listen(page, &place);
        parts::follow_all(page);
    })
    .forget();
}
