//! The records' section: the chips, the totals, the charts and downloads,
//! the count and the list of funding records (a page at a time), and
//! "nothing matches" with its ways out.

use super::charts::Charts;
use super::chips::Chips;
use super::exports::Exports;
use super::links::{AboutLink, SourceLink};
use super::marked_text::MarkedText;
use super::totals::{AboutTheData, TotalsSection};
use crate::focus::{focus_after_render, focus_nth_row_after_render};
use crate::follow;
use crate::page::{is_plain_click, use_page};
use funding_core::explore::ResultRow;
use funding_core::listing::summarise_row;
use funding_core::model::RecordKind;
use funding_core::page::{
    no_figure_held, nothing_found, records_counted, show_more_label, PAGE_ROWS,
};
use funding_core::search::{highlight, hit_ranges, matched_in, record_snippet};
use funding_core::url_state;
use leptos::prelude::*;

#[component]
pub fn Records() -> impl IntoView {
    let page = use_page();
    view! {
        <section class="records" aria-labelledby="records-heading">
            <h2 id="records-heading" class="visually-hidden">"Funding records"</h2>
            <Chips />
            <TotalsSection />
            <Charts />
            <div class="results-bar">
                <p class="result-count" id="result-count" tabindex="-1" role="status" aria-live="polite" aria-atomic="true">
                    {follow::text(move || page.results.with(|e| records_counted(e.rows.len())))}
                </p>
                <Exports />
            </div>
            <NoRecords />
            <RecordList />
            <ShowMore />
            <AboutTheData />
        </section>
    }
}

/// With no records: why, the ways out (clearing the filters, only when
/// that would show records; clearing the search), and the organisations
/// the view names that no figure is held for.
#[component]
fn NoRecords() -> impl IntoView {
    let page = use_page();
    // Asked of the engine once per change; two places show it.
    let no_figure = Memo::new(move |_| page.filtering.with(|v| page.core.no_figure_held(v)));
    let nothing = move || {
        if page.results.with(|e| !e.rows.is_empty()) {
            return None;
        }
        let found = page.view.with(|v| {
            // How many records the search finds without the filters.
            let without_filters = if v.has_filters() {
                page.core.run(&v.without_filters()).rows.len()
            } else {
                0
            };
            nothing_found(
                v.query.trim(),
                without_filters,
                no_figure.with(|o| !o.is_empty()),
            )
        });
        // A search that finds something, for a word the data does not have.
        let suggestion = page.view.with(|v| page.core.did_you_mean(v.query.trim()));
        Some(view! {
            <div class="nothing-found" id="nothing-found">
                <p>{found.message}</p>
                {suggestion.map(|query| {
                    let label = format!("Did you mean “{query}”?");
                    view! {
                        <p class="did-you-mean">
                            <button type="button" on:click=move |_| {
                                let query = query.clone();
                                page.change(|v| v.query = query);
                                focus_after_render(&[".record-title a", "#result-count"]);
                            }>
                                {label}
                            </button>
                        </p>
                    }
                })}
                <p class="nothing-found-actions">
                    {found.clear_filters.map(|label| view! {
                        <button type="button" on:click=move |_| {
                            page.change(|v| *v = v.without_filters());
                            focus_after_render(&[".record-title a", "#result-count"]);
                        }>
                            {label}
                        </button>
                    })}
                    {found.clear_search.then(|| view! {
                        <button type="button" class="quiet" on:click=move |_| {
                            page.change(|v| v.query.clear());
                            focus_after_render(&["#search"]);
                        }>
                            "Clear the search"
                        </button>
                    })}
                </p>
            </div>
        })
    };
    let no_figure_held = move || {
        no_figure
            .with(|o| no_figure_held(page.dataset, o))
            .map(|held| {
                view! {
                    <div class="no-figure-held" id="no-figure-held">
                        <h3>"No figure held"</h3>
                        <p>{held.intro}</p>
                        <ul>
                            {held
                                .organisations
                                .into_iter()
                                .map(|o| view! {
                                    <li>
                                        <strong><AboutLink id=o.id name=o.name /></strong>
                                        ": "
                                        {o.facts}
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    </div>
                }
            })
    };
    view! { {follow::part(nothing)} {follow::part(no_figure_held)} }
}

/// The rows listed: the first pages of the results. Each is kept by its
/// record and figure as the view changes.
#[component]
fn RecordList() -> impl IntoView {
    let page = use_page();
    let rows = move || {
        let shown = page.shown.get();
        page.results.with(|e| {
            e.rows
                .iter()
                .take(shown)
                .cloned()
                .collect::<Vec<ResultRow>>()
        })
    };
    view! {
        <ul class="record-list" id="record-list">
            <For
                each=rows
                key=move |row| (row.record, row.shown_item(page.dataset))
                children=move |row| view! { <RecordRow row /> }
            />
        </ul>
    }
}

/// A row: its kind, its title opening the reader, recipients, the passage
/// that matched, the figure as written and in pounds, period, date and
/// source, and notes, the search words marked throughout.
#[component]
fn RecordRow(row: ResultRow) -> impl IntoView {
    let page = use_page();
    let (Some(record), Some(summary)) = (
        page.dataset.records.get(row.record),
        summarise_row(page.dataset, &row),
    ) else {
        return ().into_any();
    };
    let id = summary.id.clone();
    let is_open = Memo::new(move |_| page.view.with(|v| v.open.as_deref() == Some(id.as_str())));
    let title = summary.title.clone();
    let summary_title = summary.title.clone();
    let id = summary.id.clone();
    let href = {
        let id = id.clone();
        follow::text(move || page.view.with(|v| url_state::encode_opening(v, Some(&id))))
    };
    let open = move |ev: leptos::ev::MouseEvent| {
        if is_plain_click(&ev) {
            ev.prevent_default();
            let id = id.clone();
            page.change(|v| {
                v.open = Some(id);
                v.about = None;
            });
        }
    };
    let notes = summary.notes.clone();
    view! {
        <li class="record" class:is-open=follow::flag(move || is_open.get()) data-record=summary.id.clone()>
            <div class="record-main">
                <p class="record-kind" class:is-yours=record.kind == RecordKind::Yours>{record.kind.label()}</p>
                <h3 class="record-title">
                    <a href=href on:click=open aria-current=follow::words(move || is_open.get().then_some("true"))>
                        {follow::part(move || page.query.with(|q| view! { <MarkedText pieces=highlight(&title, q) /> }))}
                    </a>
                </h3>
                {summary.recipients.map(|r| view! { <p class="record-recipients">{r}</p> })}
                // The passage that matched; or, where neither it, the title
                // nor the notes hold the search's words, where they are. The
                // passage is looked for once per search.
                {follow::part(move || {
                    page.query.with(|q| {
                        if let Some(passage) = record_snippet(record, q, 180) {
                            return view! { <p class="snippet"><MarkedText pieces=passage /></p> }.into_any();
                        }
                        let shows_a_hit = !hit_ranges(&summary_title, q).is_empty()
                            || record.notes.iter().any(|n| !hit_ranges(n, q).is_empty());
                        let places = if shows_a_hit { Vec::new() } else { matched_in(page.dataset, record, q) };
                        (!places.is_empty())
                            .then(|| view! { <p class="matched-in">{format!("Matched in: {}", places.join(", "))}</p> })
                            .into_any()
                    })
                })}
            </div>
            <div class="record-money">
                {summary.amount_as_written.map(|a| view! { <p class="amount-as-written">{a}</p> })}
                {summary.amount_in_pounds.map(|a| view! { <p class="amount-in-pounds">{a}</p> })}
                {summary.role.map(|r| view! { <p class="role-badge">{r}</p> })}
                {match summary.other_figures {
                    0 => None,
                    1 => Some("+ 1 more figure".to_string()),
                    n => Some(format!("+ {n} more figures")),
                }
                    .map(|more| view! { <p class="more-figures">{more}</p> })}
            </div>
            <dl class="record-facts">
                <div><dt>"Period"</dt><dd>{summary.period}</dd></div>
                <div><dt>"Published"</dt><dd>{summary.date}</dd></div>
                <div>
                    <dt>"Source"</dt>
                    <dd>
                        {match summary.source_url {
                            Some(url) => view! { <SourceLink url text=summary.publisher.clone() otherwise=summary.publisher /> }.into_any(),
                            None => view! { <span>{summary.publisher}</span> }.into_any(),
                        }}
                    </dd>
                </div>
            </dl>
            {(!notes.is_empty()).then(|| {
                view! {
                    <ul class="record-notes">
                        {notes
                            .into_iter()
                            .map(|note| view! { <li>{follow::part(move || page.query.with(|q| view! { <MarkedText pieces=highlight(&note, q) /> }))}</li> })
                            .collect_view()}
                    </ul>
                }
            })}
        </li>
    }
    .into_any()
}

/// "Show more": the next page of rows, while there are more.
#[component]
fn ShowMore() -> impl IntoView {
    let page = use_page();
    follow::part(move || {
        let shown = page.shown.get();
        page.results
            .with(|e| show_more_label(e.rows.len(), shown))
            .map(|label| {
                view! {
                    <button type="button" class="show-more" id="show-more" on:click=move |_| {
                        // The first of the new rows takes the focus.
                        let first_new = page.shown.get_untracked();
                        page.shown.update(|n| *n += PAGE_ROWS);
                        focus_nth_row_after_render(first_new);
                    }>
                        {label}
                    </button>
                }
            })
    })
}
