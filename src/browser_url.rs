//! The browser's address bar: reads the query string and writes a new one into
//! history. The format itself is `funding_core::url_state`'s; this file only
//! moves strings in and out of the browser.

use std::time::Duration;

/// The current query string, with its `?`, or empty.
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Puts `query` (from `url_state::encode`) in the address bar, as a new
/// history entry or (`replace`) in place of the current one, keeping the
/// page's own path so the app works under any sub-path.
///
/// Written once the browser has drawn the new view: writing history takes
/// Chromium a millisecond or two, which a person waiting for the results
/// would otherwise wait for too. Writes keep their order.
pub fn write_query_after_frame(query: String, replace: bool) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(move || write_query(&query, replace), Duration::ZERO);
    });
}

fn write_query(query: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if window.location().search().ok().as_deref() == Some(query) {
        return;
    }
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}{query}");
    if let Ok(history) = window.history() {
        let state = wasm_bindgen::JsValue::NULL;
        let _ = if replace {
            history.replace_state_with_url(&state, "", Some(&url))
        } else {
            history.push_state_with_url(&state, "", Some(&url))
        };
    }
}

/// The page's whole address with `query` for its query string (the view's
/// own, which the address bar may not show yet), for "Copy link".
pub fn href_with(query: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let part = |p: Result<String, wasm_bindgen::JsValue>| p.unwrap_or_default();
    format!(
        "{}{}{query}{}",
        part(location.origin()),
        part(location.pathname()),
        part(location.hash())
    )
}

/// The address's fragment without its `#`, or empty.
pub fn current_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Takes the fragment out of the address bar, in place (a share link's
/// record, once read, so a reload does not offer it again).
pub fn drop_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

#[cfg(feature = "add-panel")]
/// The page's own address with no view and `fragment`: a share link.
pub fn page_with_fragment(fragment: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    format!(
        "{}{}#{fragment}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// Puts `query` in the address bar at once, as a new history entry: for a
/// view the explorer reads when it is built again (a record just kept).
pub fn write_address(query: &str) {
    write_query(query, false);
}
