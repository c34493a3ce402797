//! The active search and filters as chips: one click removes one, and "Clear
//! all" removes them all.

use super::explorer::ViewSignal;
use funding_core::explore::Explorer as CoreExplorer;
use funding_core::url_state::active_filters;
use funding_core::view::ViewState;
use leptos::prelude::*;

#[component]
pub fn ActiveFilters(core: &'static CoreExplorer<'static>) -> impl IntoView {
    let view_state = expect_context::<ViewSignal>();
    let chips = move || view_state.0.with(|v| active_filters(v, core));
    let clear_all = move |_| {
        view_state.change(|v| {
            *v = ViewState {
                sort: v.sort,
                open: v.open.clone(),
                ..ViewState::default()
            }
        })
    };
    view! {
        <Show when=move || !chips().is_empty()>
            <div class="chips" aria-label="Active search and filters" role="group">
                <ul>
                    {move || chips().into_iter().map(|chip| {
                        let without = chip.without.clone();
                        view! {
                            <li>
                                <button type="button" class="chip" on:click=move |_| view_state.show(without.clone())>
                                    <span class="visually-hidden">"Remove "</span>
                                    {chip.text}
                                    <span class="chip-x" aria-hidden="true">" ×"</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <button type="button" class="quiet clear-all" on:click=clear_all>"Clear all"</button>
            </div>
        </Show>
    }
}
