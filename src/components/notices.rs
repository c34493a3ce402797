//! Which parts of the opened link were ignored, and why, until dismissed.

use crate::follow;
use crate::page::use_page;
use leptos::prelude::*;

#[component]
pub fn LinkNotices() -> impl IntoView {
    let page = use_page();
    let lines = move || {
        page.notices
            .with(|n| n.iter().map(|n| n.to_string()).collect::<Vec<_>>())
    };
    view! {
        <div class="notices" role="status" aria-live="polite">
            <Show when=move || page.notices.with(|n| !n.is_empty())>
                <div class="notice">
                    <p>"Part of this link could not be used; the rest of the view is shown."</p>
                    <ul id="link-notices">
                        {follow::part(move || lines().into_iter().map(|line| view! { <li>{line}</li> }).collect_view())}
                    </ul>
                    <button type="button" class="quiet" on:click=move |_| {
                        page.notices.set(Vec::new());
                        crate::focus::focus_after_render(&["#search"]);
                    }>
                        "Dismiss"
                    </button>
                </div>
            </Show>
        </div>
    }
}
