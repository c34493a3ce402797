//! The list of funding records in the current view: each with its figure as
//! written and in pounds, period, date and source, the search words
//! highlighted. Long lists come a page at a time.

use super::explorer::{CoreExplorerRef, ResultsMemo, ViewSignal};
use super::highlighted::HighlightedText;
use funding_core::explore::ResultRow;
use funding_core::listing::{summarise_row, RecordSummary};
use funding_core::query::Query;
use funding_core::search::{highlight, record_snippet, Highlighted};
use funding_core::url_state;
use funding_core::view::ViewState;
use funding_core::Dataset;
use leptos::prelude::*;

/// Rows shown at first and added by "Show more": a screen or two.
const PAGE: usize = 20;

#[component]
pub fn RecordList(dataset: &'static Dataset) -> impl IntoView {
    let results = expect_context::<ResultsMemo>();
    let shown = RwSignal::new(PAGE);
    // A new result set starts at the first page again.
    Effect::new(move |_| {
        results.0.track();
        shown.set(PAGE);
    });
    let count = move || results.0.with(|e| e.rows.len());
    let count_text = move || match count() {
        0 => "No records match".to_string(),
        1 => "1 record".to_string(),
        n => format!("{n} records"),
    };
    let rows = move || {
        results.0.with(|e| {
            e.rows
                .iter()
                .take(shown.get())
                .filter_map(|row| row_view(dataset, row, &e.query))
                .collect::<Vec<_>>()
        })
    };

    view! {
        <p class="result-count" role="status" aria-live="polite" aria-atomic="true">{count_text}</p>
        <Show when=move || count() == 0>
            <NothingFound />
        </Show>
        <ul class="record-list">
            <For each=rows key=|row| row.key.clone() let(row)>
                <RecordRow row=row.summary title=row.title snippet=row.snippet notes=row.notes />
            </For>
        </ul>
        <Show when=move || { count() > shown.get() }>
            <button type="button" class="show-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                {move || format!("Show {} more of {}", (count() - shown.get()).min(PAGE), count() - shown.get())}
            </button>
        </Show>
    }
}

/// What a row shows: its summary, its title cut at the search hits, and the
/// passage that matched.
#[derive(Clone)]
struct RowView {
    /// Changes whenever what the row shows changes, so the list redraws it.
    key: String,
    summary: RecordSummary,
    title: Vec<Highlighted>,
    snippet: Option<Vec<Highlighted>>,
    notes: Vec<Vec<Highlighted>>,
}

fn row_view(dataset: &Dataset, row: &ResultRow, query: &Query) -> Option<RowView> {
    let summary = summarise_row(dataset, row)?;
    let record = dataset.records.get(row.record)?;
    let title = highlight(&summary.title, query);
    let snippet = record_snippet(record, query, 180);
    let notes = summary.notes.iter().map(|n| highlight(n, query)).collect();
    // The record, its figure and the search words (each term's words and
    // whether quoted or excluded): what the row's text and marks depend on.
    let mut key = format!(
        "{}|{}|",
        summary.id,
        summary.amount_as_written.as_deref().unwrap_or_default()
    );
    for term in &query.terms {
        key.push(if term.excluded { '-' } else { '+' });
        key.push(if term.quoted { '"' } else { ' ' });
        key.push_str(&term.words.join(" "));
        key.push('\u{1f}');
    }
    Some(RowView {
        key,
        summary,
        title,
        snippet,
        notes,
    })
}

/// Says that nothing matched, and offers to undo what excludes everything.
#[component]
fn NothingFound() -> impl IntoView {
    let view_state = expect_context::<ViewSignal>();
    let core = expect_context::<CoreExplorerRef>().0;
    let has_query = move || view_state.0.with(|v| !v.query.trim().is_empty());
    // How many records the search finds without the filters: clearing them is
    // offered only when that would show something.
    let without_filters = move || {
        view_state.0.with(|v| {
            if v.has_filters() {
                core.run(&v.without_filters()).rows.len()
            } else {
                0
            }
        })
    };
    view! {
        <div class="nothing-found">
            <p>
                {move || view_state.0.with(|v| if v.query.trim().is_empty() {
                    "No record matches these filters.".to_string()
                } else {
                    format!("Nothing matches “{}” with these filters.", v.query.trim())
                })}
            </p>
            <p class="nothing-found-actions">
                <Show when=move || { without_filters() > 0 }>
                    <button type="button" on:click=move |_| view_state.change(|v| *v = v.without_filters())>
                        {move || match without_filters() {
                            1 => "Clear the filters to see the 1 record that matches".to_string(),
                            n => format!("Clear the filters to see the {n} records that match"),
                        }}
                    </button>
                </Show>
                <Show when=has_query>
                    <button type="button" class="quiet" on:click=move |_| view_state.change(|v| v.query.clear())>
                        "Clear the search"
                    </button>
                </Show>
            </p>
        </div>
    }
}

#[component]
fn RecordRow(
    row: RecordSummary,
    title: Vec<Highlighted>,
    snippet: Option<Vec<Highlighted>>,
    notes: Vec<Vec<Highlighted>>,
) -> impl IntoView {
    let view_state = expect_context::<ViewSignal>();
    let id = row.id.clone();
    // The link keeps the current search and filters, so it also works opened in
    // a new tab.
    let href = {
        let id = id.clone();
        move || {
            view_state.0.with(|v| {
                url_state::encode(&ViewState {
                    open: Some(id.clone()),
                    ..v.clone()
                })
            })
        }
    };
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| {
            view_state
                .0
                .with(|v| v.open.as_deref() == Some(id.as_str()))
        })
    };
    let open = move |ev: leptos::ev::MouseEvent| {
        // Plain clicks stay in the page; modified clicks open a new tab as usual.
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        view_state.change(|v| v.open = Some(id.clone()));
    };
    let kind = if row.has_text {
        "Announcement, full text"
    } else {
        "Reported figure"
    };
    view! {
        <li class="record" class:is-open=is_open>
            <div class="record-main">
                <p class="record-kind">{kind}</p>
                <h3 class="record-title">
                    <a href=href on:click=open aria-current=move || is_open.get().then_some("true")>
                        <HighlightedText pieces=title />
                    </a>
                </h3>
                {row.recipients.map(|r| view! { <p class="record-recipients">{r}</p> })}
                {snippet.map(|s| view! { <p class="snippet"><HighlightedText pieces=s /></p> })}
            </div>
            <div class="record-money">
                {row.amount_as_written.map(|a| view! { <p class="amount-as-written">{a}</p> })}
                {row.amount_in_pounds.map(|a| view! { <p class="amount-in-pounds">{a}</p> })}
                {row.role.map(|r| view! { <p class="role-badge">{r}</p> })}
                {(row.other_figures > 0).then(|| view! {
                    <p class="more-figures">{format!("+ {} more figure{}", row.other_figures, if row.other_figures == 1 { "" } else { "s" })}</p>
                })}
            </div>
            <dl class="record-facts">
                <div><dt>"Period"</dt><dd>{row.period}</dd></div>
                <div><dt>"Published"</dt><dd>{row.date}</dd></div>
                <div>
                    <dt>"Source"</dt>
                    <dd>
                        {match row.source_url {
                            Some(url) => view! {
                                <a href=url target="_blank" rel="noopener noreferrer">{row.publisher}</a>
                            }.into_any(),
                            None => view! { <span>{row.publisher}</span> }.into_any(),
                        }}
                    </dd>
                </div>
            </dl>
            {(!notes.is_empty()).then(|| view! {
                <ul class="record-notes">
                    {notes.into_iter().map(|n| view! { <li><HighlightedText pieces=n /></li> }).collect_view()}
                </ul>
            })}
        </li>
    }
}
