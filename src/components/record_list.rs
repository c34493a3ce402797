//! The list of funding records: each with its headline figure as written and in
//! pounds, period, date and source. A record's title opens it in the reader.

use super::explorer::ViewSignal;
use funding_core::listing::{default_order, summarise, RecordSummary};
use funding_core::url_state;
use funding_core::view::ViewState;
use funding_core::Dataset;
use leptos::prelude::*;

#[component]
pub fn RecordList(dataset: &'static Dataset) -> impl IntoView {
    let rows: Vec<RecordSummary> = default_order(dataset)
        .into_iter()
        .map(|record| summarise(dataset, record))
        .collect();
    let count = rows.len();
    view! {
        <section class="records" aria-labelledby="records-heading">
            <h2 id="records-heading" tabindex="-1">"Funding records"</h2>
            <p class="result-count">{format!("{count} records")}</p>
            <ul class="record-list">
                {rows.into_iter().map(|row| view! { <RecordRow row=row /> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn RecordRow(row: RecordSummary) -> impl IntoView {
    let view_state = expect_context::<ViewSignal>();
    let id = row.id.clone();
    let href = url_state::encode(&ViewState {
        open: Some(row.id.clone()),
        ..ViewState::default()
    });
    // A memo, so both the row's class and the link's aria-current follow it.
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
        view_state.show(ViewState {
            open: Some(id.clone()),
            ..ViewState::default()
        });
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
                        {row.title}
                    </a>
                </h3>
                {row.recipients.map(|r| view! { <p class="record-recipients">{r}</p> })}
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
            {(!row.notes.is_empty()).then(|| view! {
                <ul class="record-notes">
                    {row.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            })}
        </li>
    }
}
