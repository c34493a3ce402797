//! The filters: an amount range and one group of checkboxes per facet, each
//! value with the number of records it would show given every other
//! filter. On a phone (and beside the reader) the panel folds away behind
//! "Filters".

use crate::focus::focus_after_render;
use crate::follow;
use crate::page::use_page;
use funding_core::explore::FacetValue;
use funding_core::money::{parse_typed, typed};
use funding_core::page::{
    amount_error, facet_more_label, facet_option_id, is_long, shown_facet_values,
};
use funding_core::view::Facet;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn FilterPanel() -> impl IntoView {
    let page = use_page();
    // "Done" closes the panel, and focus goes back to the button that
    // opened it.
    let done = move |_| {
        page.filters_open.set(false);
        focus_after_render(&["#filters-toggle"]);
    };
    view! {
        <aside
            class="filter-panel"
            class:is-open=follow::flag(move || page.filters_open.get())
            id="filter-panel"
            aria-labelledby="filters-heading"
        >
            <div class="filter-panel-head">
                <h2 id="filters-heading">"Filters"</h2>
                <button type="button" class="quiet filters-done" on:click=done>
                    "Done"
                </button>
            </div>
            <AmountRange />
            {Facet::ALL.into_iter().map(|facet| view! { <FacetGroup facet /> }).collect_view()}
            // On a phone the panel is long: "Done" also stays at the foot of
            // the screen while it is open.
            <div class="filter-panel-foot">
                <button type="button" class="filters-done" on:click=done>
                    "Done"
                </button>
            </div>
        </aside>
    }
}

/// The range of a figure's amount, typed the way people write money (4.5m,
/// 450k). What could not be read stays in its field, with the error beside
/// it, until the view's amount changes.
#[component]
fn AmountRange() -> impl IntoView {
    let page = use_page();
    let error = RwSignal::new(String::new());
    let amounts = Memo::new(move |_| page.view.with(|v| (v.min_amount, v.max_amount)));
    // The fields follow the view's amounts when they change elsewhere (a
    // chip, back): an error about what was typed goes with it.
    Effect::new(move |_| {
        amounts.track();
        error.set(String::new());
    });
    let changed = move |is_min: bool, text: String| {
        let amount = if text.trim().is_empty() {
            Some(None)
        } else {
            parse_typed(&text).map(Some)
        };
        match amount {
            Some(amount) => {
                error.set(String::new());
                page.change(|v| {
                    if is_min {
                        v.min_amount = amount;
                    } else {
                        v.max_amount = amount;
                    }
                });
            }
            None => error.set(amount_error(&text)),
        }
    };
    let field = move |is_min: bool| {
        let (id, label) = if is_min {
            ("amount-min", "From £")
        } else {
            ("amount-max", "To £")
        };
        view! {
            <div class="amount-field">
                <label for=id>{label}</label>
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    size="8"
                    aria-describedby="amount-help"
                    prop:value=follow::text(move || {
                        let (min, max) = amounts.get();
                        if is_min { min } else { max }.map(typed).unwrap_or_default()
                    })
                    on:change=move |ev| changed(is_min, event_target_value(&ev))
                />
            </div>
        }
    };
    view! {
        <fieldset class="facet amount-range">
            <legend>"Amount of a figure"</legend>
            <div class="amount-fields">{field(true)} {field(false)}</div>
            <p id="amount-help" class="facet-help">
                "For example 4.5m or 450k."
            </p>
            <p class="field-error" class:is-empty=follow::flag(move || error.with(String::is_empty)) id="amount-error" role="alert">
                {follow::text(move || error.get())}
            </p>
        </fieldset>
    }
}

/// A facet's checkboxes. A long facet (recipients, publishers) shows its
/// ten values with most records and every chosen one, until asked for all.
/// The checkboxes are kept by value as the view changes, only their counts
/// and ticks following it, so one that was just ticked keeps its focus.
#[component]
fn FacetGroup(facet: Facet) -> impl IntoView {
    let page = use_page();
    let all = RwSignal::new(false);
    let values = Memo::new(move |_| {
        let all = all.get();
        page.results.with(|e| {
            shown_facet_values(facet, e.facet_values(facet), all)
                .into_iter()
                .cloned()
                .collect::<Vec<FacetValue>>()
        })
    });
    let more = move || {
        let total = page.results.with(|e| e.facet_values(facet).len());
        let all_shown = all.get();
        facet_more_label(facet, all_shown, total).map(|label| {
            view! {
                <button
                    type="button"
                    class="quiet facet-more"
                    id=format!("facet-more-{}-button", facet.id_name())
                    aria-expanded=if all_shown { "true" } else { "false" }
                    on:click=move |_| all.update(|a| *a = !*a)
                >
                    {label}
                </button>
            }
        })
    };
    view! {
        <fieldset class=if is_long(facet) { "facet facet-long" } else { "facet" }>
            <legend>{facet.title()}</legend>
            <ul id=format!("facet-values-{}", facet.id_name())>
                <For
                    each=move || values.with(|vs| vs.iter().map(|v| (v.code.clone(), v.label.clone())).collect::<Vec<_>>())
                    key=|(code, _)| code.clone()
                    children=move |(code, label)| view! { <FacetOption facet code label values /> }
                />
            </ul>
            <Show when=move || values.with(Vec::is_empty)>
                <p class="facet-empty">"None in this view"</p>
            </Show>
            {is_long(facet).then(|| view! { <div id=format!("facet-more-{}", facet.id_name())>{follow::part(more)}</div> })}
        </fieldset>
    }
}

#[component]
fn FacetOption(
    facet: Facet,
    code: Arc<str>,
    label: Arc<str>,
    values: Memo<Vec<FacetValue>>,
) -> impl IntoView {
    let page = use_page();
    let id = facet_option_id(facet, &code);
    let state = {
        let code = code.clone();
        Memo::new(move |_| {
            values.with(|vs| {
                vs.iter()
                    .find(|v| v.code == code)
                    .map_or((0, false), |v| (v.count, v.selected))
            })
        })
    };
    let toggle = {
        let code = code.clone();
        move |_| page.change(|v| v.toggle(facet, &code))
    };
    view! {
        <li>
            <input type="checkbox" id=id.clone() value=code.to_string() prop:checked=follow::flag(move || state.get().1) on:change=toggle />
            <label for=id>
                <span class="facet-label">{label.to_string()}</span>
                " "
                <span class="facet-count">
                    {follow::text(move || state.get().0.to_string())}
                    <span class="visually-hidden">" records"</span>
                </span>
            </label>
        </li>
    }
}
