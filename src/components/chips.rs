//! The active search and filters as chips, each removing itself, and
//! "Clear all". Hidden when nothing is chosen.

use crate::focus::focus_after_render;
use crate::page::use_page;
use funding_core::page::active_filters;
use funding_core::view::ViewState;
use leptos::prelude::*;

#[component]
pub fn Chips() -> impl IntoView {
    let page = use_page();
    let chips = Memo::new(move |_| page.view.with(|v| active_filters(v, page.core)));
    let clear_all = move |_| {
        // No search and no filters; the sort and the reader are kept.
        page.change(|v| {
            *v = ViewState {
                sort: v.sort,
                open: v.open.clone(),
                about: v.about.clone(),
                ..ViewState::default()
            }
        });
        // The chips go with what they named: the search is where to go on.
        focus_after_render(&["#search"]);
    };
    view! {
        <Show when=move || chips.with(|c| !c.is_empty())>
            <div class="chips" aria-label="Active search and filters" role="group">
                <ul id="chips">
                    <For
                        each=move || chips.get()
                        key=|chip| chip.text.clone()
                        children=move |chip| {
                            // The chip stays while its filter does; what
                            // removing it leaves is the view's at the click.
                            let text = chip.text.clone();
                            let remove = move |_| {
                                let without = chips
                                    .with_untracked(|c| c.iter().find(|c| c.text == text).map(|c| c.without.clone()));
                                if let Some(view) = without {
                                    page.show(view, crate::page::History::Push);
                                    // The next chip, or the search when none is left.
                                    focus_after_render(&[".chip", "#search"]);
                                }
                            };
                            view! {
                                <li>
                                    <button type="button" class="chip" on:click=remove>
                                        <span class="visually-hidden">"Remove "</span>
                                        {chip.text}
                                        <span class="chip-x" aria-hidden="true">" ×"</span>
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
                <button type="button" class="quiet clear-all" on:click=clear_all>
                    "Clear all"
                </button>
            </div>
        </Show>
    }
}
