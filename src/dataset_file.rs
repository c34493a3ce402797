//! Fetching the dataset: a file beside the page, in the compact form
//! (`funding_core::codec`) and gzip'd, named by its contents
//! (`dataset-<hash>.bin`). The build validates it and writes its name into the
//! page's `<link id="dataset" rel="preload">`, so the browser fetches it while
//! the wasm loads; the service worker keeps it for offline use.
//!
//! Shipped beside the wasm rather than inside it, the wasm is code only (the
//! issue 6 budget counts the wasm apart from the data) and the data can change
//! without a new wasm. It is gzip'd by the build rather than left to the
//! server, because static hosts compress text but rarely
//! `application/octet-stream`; the browser unpacks it (`DecompressionStream`).
//!
//! Every way this can fail is a sentence for the page, never a panic.

use crate::streams::{bytes_through, DecompressionStream};
use funding_core::Dataset;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// What the page says when the data cannot be downloaded.
const NOT_DOWNLOADED: &str =
    "The data could not be downloaded. Check the connection and reload the page.";

/// The dataset the build named in the page, fetched, unpacked and read.
pub async fn fetch_dataset() -> Result<Dataset, String> {
    let href = leptos::prelude::document()
        .get_element_by_id("dataset")
        .and_then(|link| link.get_attribute("href"))
        .ok_or("The page does not say where its data is.")?;
    let response: Response = JsFuture::from(leptos::prelude::window().fetch_with_str(&href))
        .await
        .map_err(|_| NOT_DOWNLOADED)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "The data could not be downloaded (the server answered {}). Reload the page.",
            response.status()
        ));
    }
    let body = response.body().ok_or(NOT_DOWNLOADED)?;
    let unpacker = DecompressionStream::new("gzip")
        .map_err(|_| "This browser cannot unpack the data. A current browser can.")?;
    let unpacked = bytes_through(&body, &unpacker)
        .await
        .map_err(|_| "The data is damaged: it is not the gzip'd file the build wrote.")?;
    funding_core::codec::decode(&unpacked)
        .map_err(|problem| format!("The data is damaged: {problem}."))
}
