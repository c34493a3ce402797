//! "Copy link": puts the current view's address on the clipboard and says so.
//! Where the clipboard is not allowed, shows the address ready to copy by hand.

use crate::browser_url;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    /// The clipboard refused: the address is shown to copy by hand.
    ShowAddress(String),
}

#[component]
pub fn CopyLink() -> impl IntoView {
    let state = RwSignal::new(CopyState::Idle);
    let copy = move |_| {
        let href = browser_url::current_href();
        let clipboard = window().navigator().clipboard();
        leptos::task::spawn_local(async move {
            match JsFuture::from(clipboard.write_text(&href)).await {
                Ok(_) => state.set(CopyState::Copied),
                Err(_) => state.set(CopyState::ShowAddress(href)),
            }
            // Say it for a moment, then go back to the plain button.
            set_timeout(
                move || {
                    if state.get_untracked() == CopyState::Copied {
                        state.set(CopyState::Idle);
                    }
                },
                std::time::Duration::from_secs(3),
            );
        });
    };
    view! {
        <div class="copy-link">
            <button type="button" on:click=copy>"Copy link"</button>
            <span class="copy-status" role="status" aria-live="polite">
                {move || match state.get() {
                    CopyState::Idle => None,
                    CopyState::Copied => Some(view! { <span>"Link copied"</span> }.into_any()),
                    CopyState::ShowAddress(href) => Some(view! {
                        <label class="copy-fallback">
                            "Copy this link: "
                            <input type="text" readonly value=href on:focus=move |ev| {
                                event_target::<web_sys::HtmlInputElement>(&ev).select();
                            } />
                        </label>
                    }.into_any()),
                }}
            </span>
        </div>
    }
}
