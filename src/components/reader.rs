//! The reader: one record in full, or an organisation's page. For an
//! announcement held in full, its text with every figure marked, each mark
//! linked to its figure and back, and how it splits its money; for a
//! reported figure, its caveats and a link to the page that states it.
//! Opening either moves focus to its heading, so keyboard and screen-reader
//! users land on it.

use super::charts::ChartPlace;
use super::links::{AboutLink, SourceLink};
use super::marked_text::MarkedText;
use super::recipient::RecipientPage;
use crate::focus::{focus_after_render, focus_row_after_render, go_to_place};
use crate::follow;
use crate::page::{use_page, Page};
use funding_core::charts::breakdown;
use funding_core::model::FundingRecord;
use funding_core::page::{figure_entries, person_line, reader_facts, FactValue};
use funding_core::reader::{evidence_anchor, item_anchor, marked_runs};
use funding_core::search::{highlight, hit_ranges};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The reader's place in the layout: the open record, else the open
/// organisation's page, else nothing.
#[component]
pub fn ReaderPlace() -> impl IntoView {
    let page = use_page();
    let open = Memo::new(move |_| page.view.with(|v| v.open.clone()));
    let about = Memo::new(move |_| page.view.with(|v| v.about.clone()));
    // Escape closes the reader, from anywhere but a field (Escape in the
    // search clears it), for the page's life.
    crate::listen::on_window("keydown", move |ev| {
        let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        let in_field = document()
            .active_element()
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        let open = page
            .view
            .with_untracked(|v| v.open.is_some() || v.about.is_some());
        if key.key() == "Escape" && open && !in_field {
            ev.prevent_default();
            close_reader(page);
        }
    });
    let shown = move || {
        if let Some(record) = open.with(|id| id.as_deref().and_then(|id| page.dataset.record(id))) {
            return view! { <RecordReader record /> }.into_any();
        }
        about
            .with(|id| {
                id.as_deref()
                    .and_then(|id| funding_core::recipient::recipient_page(page.core, id))
            })
            .map(|recipient| view! { <RecipientPage recipient /> })
            .into_any()
    };
    // The reader adds no box of its own: the reader is the layout's item.
    view! { <div class="reader-place" id="reader-place">{follow::part(shown)}</div> }
}

/// The reader's bar: what it shows, and "Close". A record opened from an
/// organisation's page goes back to the page; the page closes.
/// Closes the reader: a record opened from an organisation's page goes
/// back to the page, and focus to its heading; a record from the list, to
/// its row; the page, to the count of results.
pub fn close_reader(page: Page) {
    let (open, about) = page
        .view
        .with_untracked(|v| (v.open.clone(), v.about.clone()));
    page.change(|v| {
        if v.open.is_some() {
            v.open = None;
        } else {
            v.about = None;
        }
    });
    match (open, about) {
        // The page's heading takes focus as it opens again.
        (Some(_), Some(_)) => {}
        (Some(record), None) => focus_row_after_render(record),
        _ => focus_after_render(&["#result-count"]),
    }
}

#[component]
pub fn ReaderBar(kind: &'static str) -> impl IntoView {
    let page = use_page();
    let close = move |_| close_reader(page);
    view! {
        <div class="reader-bar">
            <p class="record-kind">{kind}</p>
            <button type="button" class="quiet" id="reader-close" on:click=close>
                "Close"
                <span class="visually-hidden">" the reader"</span>
            </button>
        </div>
    }
}

/// Focuses `heading` once it is in the page.
pub fn focus_when_shown(heading: NodeRef<leptos::html::H2>) {
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
}

#[component]
fn RecordReader(record: &'static FundingRecord) -> impl IntoView {
    let page = use_page();
    let heading = NodeRef::<leptos::html::H2>::new();
    focus_when_shown(heading);
    let title = record.display_title(page.dataset);
    let breakdown = Memo::new(move |_| breakdown::chart(record, page.chart_size.get()));
    let facts = reader_facts(page.dataset, record)
        .into_iter()
        .map(|fact| {
            let value = match fact.value {
                FactValue::Text(text) => text.into_any(),
                FactValue::Organisations(organisations) => organisations
                    .into_iter()
                    .enumerate()
                    .map(
                        |(n, (id, name))| view! { {(n > 0).then_some(", ")} <AboutLink id name /> },
                    )
                    .collect_view()
                    .into_any(),
                FactValue::Link { url, text } => {
                    view! { <SourceLink url=url.clone() text otherwise=url /> }.into_any()
                }
                FactValue::Code(file) => view! { <code>{file}</code> }.into_any(),
            };
            view! { <div><dt>{fact.name}</dt><dd>{value}</dd></div> }
        })
        .collect_view();
    let figures = figure_entries(page.dataset, record)
        .into_iter()
        .map(|f| {
            view! {
                <li id=f.anchor class="figure" class:is-context=!f.is_allocation>
                    <p class="figure-amount">
                        <span class="amount-as-written">{f.stated_as}</span>
                        " "
                        <span class="amount-in-pounds">{f.in_pounds}</span>
                    </p>
                    <p class="figure-meta"><span class="role-badge">{f.role}</span>" · "{f.period}</p>
                    <p class="figure-kind">{f.kind}</p>
                    {f.purpose.map(|p| view! { <p class="figure-purpose">{p}</p> })}
                    {f.part_of.map(|p| view! { <p class="figure-part">{p}</p> })}
                    <p class="figure-cite"><span class="cite-label">"Cite this figure: "</span>{f.citation}</p>
                    {(!f.evidence.is_empty()).then(|| view! {
                        <p class="figure-evidence">
                            {f.evidence
                                .into_iter()
                                .map(|(anchor, text)| {
                                    let href = format!("#{anchor}");
                                    view! {
                                        <a class="evidence-link" href=href on:click=move |ev| go_to_place(&ev, &anchor)>
                                            {text}
                                        </a>
                                    }
                                })
                                .collect_view()}
                        </p>
                    })}
                </li>
            }
        })
        .collect_view();
    let list = |heading: &'static str, class: &'static str, items: Vec<AnyView>| {
        (!items.is_empty()).then(|| view! {
            <h3>{heading}</h3>
            <ul class=class>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
        })
    };
    let notes = list(
        "Notes",
        "reader-notes",
        record.notes.iter().map(|n| n.clone().into_any()).collect(),
    );
    let people = list(
        "People quoted",
        "people",
        record
            .people
            .iter()
            .map(|p| {
                let (name, about) = person_line(p);
                view! { <strong>{name}</strong>{about} }.into_any()
            })
            .collect(),
    );
    let conditions = list(
        "Conditions attached",
        "conditions",
        record
            .conditions
            .iter()
            .map(|c| c.clone().into_any())
            .collect(),
    );
    view! {
        <section class="reader" aria-labelledby="reader-heading">
            <ReaderBar kind=record.kind.label() />
            <h2 id="reader-heading" tabindex="-1" node_ref=heading>
                {follow::part(move || page.query.with(|q| view! { <MarkedText pieces=highlight(&title, q) /> }))}
            </h2>
            <div>
                <dl class="reader-facts">{facts}</dl>
                {(record.kind == funding_core::model::RecordKind::Yours).then(|| view! {
                    <super::yours::ReaderYourActions id=record.id.clone() />
                })}
                <h3>"Figures"</h3>
                <ol class="figure-list">{figures}</ol>
            </div>
            <Show when=move || breakdown.with(Option::is_some)>
                <ChartPlace id="breakdown" chart=breakdown />
            </Show>
            <div>
                {notes}
                {people}
                {conditions}
                {record.text.is_some().then(|| view! {
                    <h3>"Full text"</h3>
                    <p class="text-help">"Figures are marked; each links to its entry under Figures. Search words are in bold."</p>
                })}
            </div>
            {record.text.is_some().then(|| view! { <div class="full-text">{follow::part(move || page.query.with(|q| full_text(record, q)))}</div> })}
        </section>
    }
}

/// The record's text, with each figure's words in a `<mark>` that links to
/// its figure (the first piece of each mark carries the evidence's anchor,
/// which the figure links back to) and the search words in bold.
fn full_text(record: &FundingRecord, query: &funding_core::query::Query) -> impl IntoView {
    let hits = record
        .text
        .as_deref()
        .map(|t| hit_ranges(t, query))
        .unwrap_or_default();
    marked_runs(record, &hits)
        .into_iter()
        .map(|run| {
            let text = if run.hit {
                view! { <strong class="hit">{run.text}</strong> }.into_any()
            } else {
                run.text.into_any()
            };
            match run.mark {
                Some(mark) => {
                    let figure = item_anchor(mark.item);
                    view! {
                        <mark id=run.starts_mark.then(|| evidence_anchor(mark))>
                            <a href=format!("#{figure}") on:click=move |ev| go_to_place(&ev, &figure)>
                                {text}
                            </a>
                        </mark>
                    }
                    .into_any()
                }
                None => text,
            }
        })
        .collect_view()
}
