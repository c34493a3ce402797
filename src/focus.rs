//! Moving focus where a keyboard or screen-reader user expects it after the
//! page changes under them: to a record's row when its reader closes, to the
//! first result from a skip link. A place that is not in the page is
//! skipped, never a panic; focus never falls back to the page's body while
//! there is a place to go.

use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Focuses the first element `selectors` name (in order of preference)
/// once the browser has drawn the page's last change.
pub fn focus_after_render(selectors: &'static [&'static str]) {
    request_animation_frame(move || {
        for selector in selectors {
            if let Some(element) = document()
                .query_selector(selector)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let _ = element.focus();
                return;
            }
        }
    });
}

/// Focuses the title link of the row of record `id`, or the count of
/// results when the record is not listed, once the page is drawn.
pub fn focus_row_after_render(id: String) {
    request_animation_frame(move || {
        let rows = document().query_selector_all(".record").ok();
        let row = rows.and_then(|rows| {
            (0..rows.length())
                .filter_map(|n| rows.item(n))
                .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
                .find(|row| row.get_attribute("data-record").as_deref() == Some(id.as_str()))
        });
        let link = row
            .and_then(|row| row.query_selector(".record-title a").ok().flatten())
            .or_else(|| document().get_element_by_id("result-count"));
        if let Some(link) = link.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = link.focus();
        }
    });
}
