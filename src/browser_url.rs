//! The browser's address bar: reads the query string and writes a new one into
//! history. The format itself is `funding_core::url_state`'s; this file only
//! moves strings in and out of the browser.

/// The current query string, with its `?`, or empty.
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Puts `query` (from `url_state::encode`) in the address bar as a new history
/// entry, keeping the page's own path so the app works under any sub-path.
pub fn push_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}{query}");
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
