//! Tells the person which parts of the link they opened were ignored, and why.

use funding_core::url_state::Notice;
use leptos::prelude::*;

#[component]
pub fn LinkNotices(notices: RwSignal<Vec<Notice>>) -> impl IntoView {
    view! {
        <div class="notices" role="status" aria-live="polite">
            {move || {
                let list = notices.get();
                (!list.is_empty()).then(|| view! {
                    <div class="notice">
                        <p>"Part of this link could not be used; the rest of the view is shown."</p>
                        <ul>
                            {list.into_iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}
                        </ul>
                        <button type="button" class="quiet" on:click=move |_| notices.set(Vec::new())>
                            "Dismiss"
                        </button>
                    </div>
                })
            }}
        </div>
    }
}
