//! "Copy link": puts the current view's address on the clipboard and says so.
//! Where the clipboard is not allowed, shows the address ready to copy by hand
//! (written by the core, `html::copy_by_hand`; focusing it selects it).

use crate::browser_url;
use funding_core::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
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
    let said = move || match state.get() {
        CopyState::Idle => String::new(),
        CopyState::Copied => "Link copied".to_string(),
        CopyState::ShowAddress(href) => html::copy_by_hand(&href),
    };
    let select_address = move |ev: leptos::ev::FocusEvent| {
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
    };
    view! {
        <div class="copy-link">
            <button type="button" on:click=copy>"Copy link"</button>
            <span class="copy-status" role="status" aria-live="polite" inner_html=said on:focusin=select_address></span>
        </div>
    }
}
