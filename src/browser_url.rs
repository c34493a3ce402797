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
    write_query(query, false);
}

/// Puts `query` in the address bar in place of the current entry (typing in
/// search should not leave one history entry per key).
pub fn replace_query(query: &str) {
    write_query(query, true);
}

fn write_query(query: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}{query}");
    if window.location().search().ok().as_deref() == Some(query) {
        return;
    }
    if let Ok(history) = window.history() {
        let state = wasm_bindgen::JsValue::NULL;
        let _ = if replace {
            history.replace_state_with_url(&state, "", Some(&url))
        } else {
            history.push_state_with_url(&state, "", Some(&url))
        };
    }
}

/// The page's whole address, for "Copy link".
pub fn current_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}
