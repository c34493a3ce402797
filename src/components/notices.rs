//! Tells the person which parts of the link they opened were ignored, and why.

use funding_core::html;
use funding_core::url_state::Notice;
use leptos::prelude::*;

#[component]
pub fn LinkNotices(notices: RwSignal<Vec<Notice>>) -> impl IntoView {
    // With nothing to say the notice is hidden (explorer.css: an empty list).
    view! {
        <div class="notices" role="status" aria-live="polite">
            <div class="notice">
                <p>"Part of this link could not be used; the rest of the view is shown."</p>
                <ul inner_html=move || notices.with(|n| html::link_notices(n))></ul>
                <button type="button" class="quiet" on:click=move |_| notices.set(Vec::new())>
                    "Dismiss"
                </button>
            </div>
        </div>
    }
}
