//! The reader: one record in full. For an announcement held in full, its text
//! with every figure marked, each mark linked to its figure and back; for a
//! reported figure, its caveats and a link to the page that states it.

use super::chart_view::ChartView;
use super::explorer::{ResultsMemo, ViewSignal};
use super::highlighted::HighlightedText;
use funding_core::charts::breakdown;
use funding_core::model::{FundingRecord, Person, Role};
use funding_core::query::Query;
use funding_core::reader::{evidence_anchor, item_anchor, marked_runs, FigureMark};
use funding_core::search::{highlight, hit_ranges};
use funding_core::Dataset;
use leptos::prelude::*;

#[component]
pub fn RecordReader(dataset: &'static Dataset, record: &'static FundingRecord) -> impl IntoView {
    let view_state = expect_context::<ViewSignal>();
    let results = expect_context::<ResultsMemo>();
    let query = Memo::new(move |_| results.0.with(|e| e.query.clone()));
    let heading = NodeRef::<leptos::html::H2>::new();
    let chart_size = super::charts_panel::chart_size();
    let split_as_table = RwSignal::new(false);
    // Move focus to the record that was opened, so keyboard and screen-reader
    // users land on it.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let close = move |_| view_state.change(|v| v.open = None);

    let title = record.display_title(dataset);
    let recipients = dataset.recipient_names(record).join(", ");
    let care_model = match (record.care_model, dataset.effective_care_model(record)) {
        (Some(m), _) => Some(format!("{} ({}), as the text states", m.name(), m.code())),
        (None, Some(m)) => Some(format!(
            "{} ({}), from the vanguard registry",
            m.name(),
            m.code()
        )),
        (None, None) => None,
    };
    let published = record
        .published_on
        .map(|d| d.readable())
        .unwrap_or_else(|| "Not stated".to_string());
    let publisher = record
        .publisher
        .clone()
        .unwrap_or_else(|| "Not stated".to_string());

    view! {
        <section class="reader" aria-labelledby="reader-heading">
            <div class="reader-bar">
                <p class="record-kind">{if record.text.is_some() { "Announcement, full text" } else { "Reported figure" }}</p>
                <button type="button" class="quiet" on:click=close>"Close"<span class="visually-hidden">" the reader"</span></button>
            </div>
            <h2 id="reader-heading" tabindex="-1" node_ref=heading>
                {move || view! { <HighlightedText pieces=query.with(|q| highlight(&title, q)) /> }}
            </h2>
            <dl class="reader-facts">
                <div><dt>"Recipient"</dt><dd>{recipients}</dd></div>
                <div><dt>"Programme"</dt><dd>{record.programme.name()}</dd></div>
                {care_model.map(|m| view! { <div><dt>"Care model"</dt><dd>{m}</dd></div> })}
                <div><dt>"Published"</dt><dd>{published}</dd></div>
                <div><dt>"Publisher"</dt><dd>{publisher}</dd></div>
                {record.author.clone().map(|a| view! { <div><dt>"Author"</dt><dd>{a}</dd></div> })}
                {(!record.places.is_empty()).then(|| view! { <div><dt>"Places"</dt><dd>{record.places.join(", ")}</dd></div> })}
                {record.source_url.clone().map(|url| view! {
                    <div><dt>"Source"</dt><dd><a href=url target="_blank" rel="noopener noreferrer">"The page that states it"</a></dd></div>
                })}
                {record.text_file.clone().map(|f| view! { <div><dt>"Text file"</dt><dd><code>{f}</code></dd></div> })}
            </dl>

            <h3>"Figures"</h3>
            <ol class="figure-list">
                {record.items.iter().enumerate().map(|(index, item)| {
                    let period = item.period.stated().unwrap_or_else(|| "Period not stated".to_string());
                    let part_of = item.part_of.as_ref().and_then(|whole| {
                        record.items.iter().find(|i| &i.id == whole).map(|w| format!("Part of the {}", w.stated_as))
                    });
                    let links = item.evidence.iter().enumerate().map(|(e, ev)| {
                        let anchor = format!("#{}", evidence_anchor(FigureMark { item: index, evidence: e }));
                        view! { <a class="evidence-link" href=anchor>{format!("“{}” in the text", ev.quote)}</a> }
                    }).collect_view();
                    view! {
                        <li id=item_anchor(index) class="figure" class:is-context=item.role != Role::Allocation>
                            <p class="figure-amount">
                                <span class="amount-as-written">{item.stated_as.clone()}</span>
                                " "
                                <span class="amount-in-pounds">{item.amount.full()}</span>
                            </p>
                            <p class="figure-meta">
                                <span class="role-badge">{item.role.name()}</span>
                                " · "{period}
                            </p>
                            {item.purpose.clone().map(|p| view! { <p class="figure-purpose">{p}</p> })}
                            {part_of.map(|p| view! { <p class="figure-part">{p}</p> })}
                            {(!item.evidence.is_empty()).then(|| view! { <p class="figure-evidence">{links}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ol>

            {move || breakdown::chart(record, chart_size.get()).map(|chart| view! { <ChartView chart=chart as_table=split_as_table /> })}
            {(!record.notes.is_empty()).then(|| view! {
                <h3>"Notes"</h3>
                <ul class="reader-notes">{record.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
            })}
            {(!record.people.is_empty()).then(|| view! {
                <h3>"People quoted"</h3>
                <ul class="people">{record.people.iter().map(person).collect_view()}</ul>
            })}
            {(!record.conditions.is_empty()).then(|| view! {
                <h3>"Conditions attached"</h3>
                <ul class="conditions">{record.conditions.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
            })}
            {record.text.is_some().then(|| view! {
                <h3>"Full text"</h3>
                <p class="text-help">"Figures are marked; each links to its entry under Figures. Search words are in bold."</p>
                <div class="full-text">{move || query.with(|q| full_text(record, q))}</div>
            })}
        </section>
    }
}

fn person(p: &Person) -> impl IntoView {
    let name = p
        .name
        .clone()
        .unwrap_or_else(|| "Name not given".to_string());
    let about: Vec<String> = [p.role.clone(), p.organisation.clone()]
        .into_iter()
        .flatten()
        .collect();
    view! {
        <li><strong>{name}</strong>{(!about.is_empty()).then(|| format!(", {}", about.join(", ")))}</li>
    }
}

/// The text as text nodes, with each figure's words in a mark that links back
/// to its figure, and the search words in bold. Nothing from the text is ever
/// parsed as HTML.
fn full_text(record: &'static FundingRecord, query: &Query) -> impl IntoView {
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
                None => text,
                Some(mark) => {
                    let href = format!("#{}", item_anchor(mark.item));
                    // Only the first piece of a mark carries its anchor id.
                    let id = run.starts_mark.then(|| evidence_anchor(mark));
                    view! { <mark id=id><a href=href>{text}</a></mark> }.into_any()
                }
            }
        })
        .collect_view()
}
