//! The sort order: its options written by the core (`html::sort_options`),
//! the chosen one set as the select's value whenever the view changes.

use super::explorer::ViewSignal;
use funding_core::html;
use funding_core::view::SortOrder;
use leptos::prelude::*;

#[component]
pub fn SortSelect() -> impl IntoView {
    let view_state = expect_context::<ViewSignal>();
    let select = NodeRef::<leptos::html::Select>::new();
    // After the options are in place, and again on every change (a link, back).
    Effect::new(move |_| {
        let code = view_state.0.with(|v| v.sort.code());
        if let Some(select) = select.get() {
            select.set_value(code);
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(order) = SortOrder::from_code(&event_target_value(&ev)) {
            view_state.change(|v| v.sort = order);
        }
    };
    view! {
        <div class="sort">
            <label for="sort">"Sort by"</label>
            <select id="sort" node_ref=select inner_html=html::sort_options() on:change=on_change></select>
        </div>
    }
}
