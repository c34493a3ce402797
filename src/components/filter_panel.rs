//! The filters: an amount range and one group of checkboxes per facet, each
//! value with the number of records it would show given every other filter.
//! On a phone (and beside the reader) the panel folds away behind "Filters".

use super::explorer::{ResultsMemo, ViewSignal};
use funding_core::html;
use funding_core::money::{parse_typed, typed};
use funding_core::view::Facet;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn FilterPanel(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <aside id="filter-panel" class="filter-panel" class:is-open=move || open.get() aria-labelledby="filters-heading">
            <div class="filter-panel-head">
                <h2 id="filters-heading">"Filters"</h2>
                <button type="button" class="quiet filters-done" on:click=move |_| open.set(false)>"Done"</button>
            </div>
            <AmountRange />
            {Facet::ALL.into_iter().map(|facet| view! { <FacetGroup facet=facet /> }).collect_view()}
        </aside>
    }
}

#[component]
fn FacetGroup(facet: Facet) -> impl IntoView {
    let results = expect_context::<ResultsMemo>();
    let view_state = expect_context::<ViewSignal>();
    // A long facet (hundreds of recipients) shows the values with the most
    // records first, and every value on request; chosen values always show.
    let long = matches!(facet, Facet::Recipient | Facet::Publisher);
    let expanded = RwSignal::new(false);
    let total = Memo::new(move |_| {
        results.0.with(|e| {
            e.facets
                .iter()
                .find(|(f, _)| *f == facet)
                .map_or(0, |(_, values)| values.len())
        })
    });
    // The checkboxes as HTML written by the core (labels escaped there).
    let options = Memo::new(move |_| {
        let all = !long || expanded.get();
        results.0.with(|e| {
            let Some((_, values)) = e.facets.iter().find(|(f, _)| *f == facet) else {
                return String::new();
            };
            if all || values.len() <= SHORT_LIST {
                return html::facet_options(facet, values);
            }
            let mut by_count: Vec<usize> = (0..values.len()).collect();
            // Most records first; ties keep the facet's own order (A to Z).
            funding_core::order::sort_by_key(&mut by_count, |&i| {
                std::cmp::Reverse(values[i].count)
            });
            html::facet_options(
                facet,
                by_count
                    .into_iter()
                    .enumerate()
                    .filter(|(rank, i)| *rank < SHORT_LIST || values[*i].selected)
                    .map(|(_, i)| &values[i]),
            )
        })
    });
    // Written in one step when anything in it changes; a checkbox that had
    // focus (the one just ticked, say) has it again afterwards, so keyboard
    // and screen-reader users stay where they were.
    let list = NodeRef::<leptos::html::Ul>::new();
    Effect::new(move |_| {
        let html = options.get();
        let Some(list) = list.get() else {
            return;
        };
        let focused = document()
            .active_element()
            .filter(|e| list.contains(Some(e)))
            .map(|e| e.id());
        list.set_inner_html(&html);
        if let Some(element) = focused
            .and_then(|id| document().get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
    let toggle = move |ev: leptos::ev::Event| {
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            let code = input.value();
            view_state.change(|v| v.toggle(facet, &code));
        }
    };
    let more_button = move || {
        (long && total.get() > SHORT_LIST).then(|| {
            let title = facet.title().to_ascii_lowercase();
            view! {
                <button
                    type="button"
                    class="quiet facet-more"
                    aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {move || if expanded.get() {
                        format!("Show the {SHORT_LIST} with most records")
                    } else {
                        format!("Show all {} {title}s, A to Z", total.get())
                    }}
                </button>
            }
        })
    };
    view! {
        <fieldset class="facet" class:facet-long=long>
            <legend>{facet.title()}</legend>
            // An empty list gives way to the sentence (explorer.css).
            <ul node_ref=list on:change=toggle></ul>
            <p class="facet-empty">"None in this view"</p>
            {more_button}
        </fieldset>
    }
}

/// How many values a long facet shows before "Show all".
const SHORT_LIST: usize = 10;

/// "From" and "To" amounts, typed the way people write money (4.5m, 450k).
#[component]
fn AmountRange() -> impl IntoView {
    let view_state = expect_context::<ViewSignal>();
    let error = RwSignal::new(None::<String>);
    let field = move |is_min: bool| {
        let current = move || {
            view_state
                .0
                .with(|v| if is_min { v.min_amount } else { v.max_amount })
                .map(typed)
                .unwrap_or_default()
        };
        let on_change = move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            let amount = if text.trim().is_empty() {
                Some(None)
            } else {
                parse_typed(&text).map(Some)
            };
            match amount {
                Some(amount) => {
                    error.set(None);
                    view_state.change(|v| {
                        if is_min {
                            v.min_amount = amount;
                        } else {
                            v.max_amount = amount;
                        }
                    });
                }
                None => error.set(Some(format!(
                    "“{}” is not an amount: write it like 4.5m, 450k or 1200000.",
                    text.trim()
                ))),
            }
        };
        let (id, label) = if is_min {
            ("amount-min", "From £")
        } else {
            ("amount-max", "To £")
        };
        view! {
            <div class="amount-field">
                <label for=id>{label}</label>
                <input id=id type="text" inputmode="decimal" autocomplete="off" size="8"
                    aria-describedby="amount-help" prop:value=current on:change=on_change />
            </div>
        }
    };
    view! {
        <fieldset class="facet amount-range">
            <legend>"Amount of a figure"</legend>
            <div class="amount-fields">{field(true)}{field(false)}</div>
            <p id="amount-help" class="facet-help">"For example 4.5m or 450k."</p>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </fieldset>
    }
}
