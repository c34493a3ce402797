//! The active search and filters as chips: one click removes one, and "Clear
//! all" removes them all. The core writes the chips (`html::filter_chips`);
//! one listener finds which was chosen.

use super::clicked_attribute;
use super::explorer::ViewSignal;
use funding_core::explore::Explorer as CoreExplorer;
use funding_core::html;
use funding_core::url_state::active_filters;
use funding_core::view::ViewState;
use leptos::prelude::*;

#[component]
pub fn ActiveFilters(core: &'static CoreExplorer<'static>) -> impl IntoView {
    let view_state = expect_context::<ViewSignal>();
    let chips = Memo::new(move |_| view_state.0.with(|v| active_filters(v, core)));
    let remove = move |ev: leptos::ev::MouseEvent| {
        let without = clicked_attribute(&ev, html::CHIP_ATTRIBUTE)
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| chips.with_untracked(|c| c.get(n).map(|chip| chip.without.clone())));
        if let Some(view) = without {
            view_state.show(view);
        }
    };
    let clear_all = move |_| {
        view_state.change(|v| {
            *v = ViewState {
                sort: v.sort,
                open: v.open.clone(),
                ..ViewState::default()
            }
        })
    };
    // With no chips the group is hidden (explorer.css: an empty list).
    view! {
        <div class="chips" aria-label="Active search and filters" role="group">
            <ul inner_html=move || chips.with(|c| html::filter_chips(c)) on:click=remove></ul>
            <button type="button" class="quiet clear-all" on:click=clear_all>"Clear all"</button>
        </div>
    }
}
