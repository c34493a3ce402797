//! The sort order.

use super::explorer::ViewSignal;
use funding_core::view::SortOrder;
use leptos::prelude::*;

#[component]
pub fn SortSelect() -> impl IntoView {
    let view_state = expect_context::<ViewSignal>();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(order) = SortOrder::from_code(&event_target_value(&ev)) {
            view_state.change(|v| v.sort = order);
        }
    };
    view! {
        <div class="sort">
            <label for="sort">"Sort by"</label>
            <select id="sort" on:change=on_change>
                {SortOrder::ALL
                    .into_iter()
                    .map(|order| view! {
                        <option
                            value=order.code()
                            selected=move || view_state.0.with(|v| v.sort == order)
                        >
                            {order.label()}
                        </option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
