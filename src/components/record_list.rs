//! The list of funding records in the current view: each with its figure as
//! written and in pounds, period, date and source, the search words
//! highlighted. Long lists come a page at a time.

use super::explorer::{CoreExplorerRef, ResultsMemo, ViewSignal};
use funding_core::html;
use funding_core::Dataset;
use leptos::prelude::*;

/// Rows shown at first and added by "Show more": a screen or two.
const PAGE: usize = 20;

#[component]
pub fn RecordList(dataset: &'static Dataset) -> impl IntoView {
    let results = expect_context::<ResultsMemo>();
    let shown = RwSignal::new(PAGE);
    // A new result set starts at the first page again. Set only when it
    // changes: setting a signal tells its readers even when the value is the
    // same, and the rows below would be written twice on every change.
    Effect::new(move |_| {
        results.0.track();
        if shown.get_untracked() != PAGE {
            shown.set(PAGE);
        }
    });
    let count = move || results.0.with(|e| e.rows.len());
    let count_text = move || match count() {
        0 => "No records match".to_string(),
        1 => "1 record".to_string(),
        n => format!("{n} records"),
    };
    // The rows as one string of HTML written by the core (every text escaped
    // there), set in one step; a memo, so an unchanged list is not set again.
    let view_state = expect_context::<ViewSignal>();
    let rows_html = Memo::new(move |_| {
        results.0.with(|e| {
            let rows = &e.rows[..e.rows.len().min(shown.get())];
            view_state
                .0
                .with(|v| html::record_rows(dataset, rows, v, &e.query))
        })
    });
    // One listener for every row's title link: a plain click opens the reader
    // in the page; modified clicks open a new tab as usual.
    let open = move |ev: leptos::ev::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        if let Some(id) = super::clicked_attribute(&ev, html::OPEN_ATTRIBUTE) {
            ev.prevent_default();
            view_state.change(|v| v.open = Some(id));
        }
    };

    view! {
        <p class="result-count" role="status" aria-live="polite" aria-atomic="true">{count_text}</p>
        {move || (count() == 0).then(|| view! { <NothingFound /> })}
        <ul class="record-list" inner_html=rows_html on:click=open></ul>
        {move || (count() > shown.get()).then(|| view! {
            <button type="button" class="show-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                {move || format!("Show {} more of {}", (count() - shown.get()).min(PAGE), count() - shown.get())}
            </button>
        })}
    }
}

/// Says that nothing matched, and offers to undo what excludes everything
/// (written by the core; one listener for its buttons).
#[component]
fn NothingFound() -> impl IntoView {
    let view_state = expect_context::<ViewSignal>();
    let core = expect_context::<CoreExplorerRef>().0;
    // How many records the search finds without the filters: clearing them is
    // offered only when that would show something.
    let said = move || {
        view_state.0.with(|v| {
            let without_filters = if v.has_filters() {
                core.run(&v.without_filters()).rows.len()
            } else {
                0
            };
            html::nothing_found(v.query.trim(), without_filters)
        })
    };
    let clear = move |ev: leptos::ev::MouseEvent| match super::clicked_attribute(
        &ev,
        html::CLEAR_ATTRIBUTE,
    )
    .as_deref()
    {
        Some(html::CLEAR_FILTERS) => view_state.change(|v| *v = v.without_filters()),
        Some(html::CLEAR_SEARCH) => view_state.change(|v| v.query.clear()),
        _ => {}
    };
    view! { <div class="nothing-found" inner_html=said on:click=clear></div> }
}
