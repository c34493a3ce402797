//! The window's events (gloo's listeners), heard for as long as the
//! component that listens is in the page: the explorer is built again when
//! the person's kept records change, and its listeners go with it.

use gloo::events::EventListener;
use leptos::prelude::*;

/// Calls `f` on each `event` of the window while the calling component lives.
pub fn on_window(event: &'static str, f: impl FnMut(&web_sys::Event) + 'static) {
    let listener = EventListener::new(&window(), event, f);
    // Dropped with the component's owner, which removes the listener.
    let _ = StoredValue::new_local(listener);
}
