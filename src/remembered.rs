//! What the page remembers between visits (gloo's local storage, through
//! serde): whether a person keeps a folding part open. Anything missing or
//! unreadable in storage is the part's default; a storage the browser
//! refuses (private modes) is simply not written.

use gloo::storage::{LocalStorage, Storage};
use leptos::prelude::*;

/// Whether the `<details>` remembered under `key` is open (at first, as
/// last left, else `default`), and the handler for its `toggle` event that
/// keeps both the signal and the storage up to date.
pub fn remembered_open(
    key: &'static str,
    default: bool,
) -> (RwSignal<bool>, impl Fn(leptos::ev::Event) + Copy) {
    let open = RwSignal::new(LocalStorage::get::<bool>(key).unwrap_or(default));
    let toggled = move |ev: leptos::ev::Event| {
        let now = is_open(&ev);
        if now != open.get_untracked() {
            open.set(now);
            let _ = LocalStorage::set(key, now);
        }
    };
    (open, toggled)
}

/// Whether the `<details>` a toggle event came from is now open.
pub fn is_open(ev: &leptos::ev::Event) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
}
