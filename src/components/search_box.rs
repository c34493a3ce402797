//! The search field: search as you type, debounced so typing stays smooth;
//! typing replaces the history entry instead of adding one per key. `/` from
//! anywhere focuses it and Escape clears it.

use super::explorer::ViewSignal;
use funding_core::view::ViewState;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before the results follow.
const DEBOUNCE: Duration = Duration::from_millis(120);

#[component]
pub fn SearchBox() -> impl IntoView {
    let view_state = expect_context::<ViewSignal>();
    let input = NodeRef::<leptos::html::Input>::new();
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);

    // The field follows the view when it changes from elsewhere (back, a chip).
    Effect::new(move |_| {
        let query = view_state.0.with(|v| v.query.clone());
        if let Some(el) = input.get() {
            if el.value() != query {
                el.set_value(&query);
            }
        }
    });

    let apply = move |text: String| {
        let current: ViewState = view_state.0.get_untracked();
        if current.query != text {
            view_state.replace(ViewState {
                query: text,
                ..current
            });
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || apply(text), DEBOUNCE).ok();
        pending.set_value(handle);
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            if let Some(el) = input.get() {
                el.set_value("");
            }
            apply(String::new());
        }
    };

    // "/" anywhere outside a form field focuses the search.
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = document()
            .active_element()
            .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
            .unwrap_or(false);
        if !typing {
            if let Some(el) = input.get() {
                ev.prevent_default();
                let _ = el.focus();
            }
        }
    });

    view! {
        <div class="search" role="search">
            <label for="search">"Search the announcements"</label>
            <input
                id="search"
                type="search"
                node_ref=input
                autocomplete="off"
                spellcheck="false"
                placeholder="e.g. dudley, \"care homes\", transf -sunderland"
                aria-describedby="search-help"
                prop:value=move || view_state.0.with_untracked(|v| v.query.clone())
                on:input=on_input
                on:keydown=on_keydown
            />
            <p id="search-help" class="search-help">
                "Words match their beginnings; use quotes for a phrase and a minus sign to leave a word out. Press / to search from anywhere."
            </p>
        </div>
    }
}
