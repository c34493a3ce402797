//! Saving a file the page made (an export, a chart) to the person's device:
//! the text as a blob (gloo's `Blob`, revoked when its `ObjectUrl` drops)
//! behind a link the page clicks.

use gloo::file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast;

/// Offers `content` as a download named `file_name`. Returns false when the
/// browser refused, so the caller can say so.
pub fn save(file_name: &str, mime: &str, content: &str) -> bool {
    let url = ObjectUrl::from(Blob::new_with_options(content, Some(mime)));
    let link = leptos::prelude::document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(link) = link else {
        return false;
    };
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    true
}
