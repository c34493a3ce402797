//! The reader: one record in full. For an announcement held in full, its text
//! with every figure marked, each mark linked to its figure and back; for a
//! reported figure, its caveats and a link to the page that states it. The
//! core writes the record's parts as HTML (`funding_core::html`), escaping
//! every text from the data or the search; the page keeps the heading's
//! focus, the close button and the breakdown chart.

use super::chart_view::ChartView;
use super::explorer::{ResultsMemo, ViewSignal};
use funding_core::charts::breakdown;
use funding_core::html;
use funding_core::model::FundingRecord;
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

    view! {
        <section class="reader" aria-labelledby="reader-heading">
            <div class="reader-bar">
                <p class="record-kind">{if record.text.is_some() { "Announcement, full text" } else { "Reported figure" }}</p>
                <button type="button" class="quiet" on:click=close>"Close"<span class="visually-hidden">" the reader"</span></button>
            </div>
            <h2
                id="reader-heading"
                tabindex="-1"
                node_ref=heading
                inner_html=move || query.with(|q| html::highlighted(&title, q))
            ></h2>
            <div inner_html=html::reader_facts_and_figures(dataset, record)></div>
            {move || breakdown::chart(record, chart_size.get()).map(|chart| view! { <ChartView chart=chart as_table=split_as_table /> })}
            <div inner_html=html::reader_notes(record)></div>
            {record.text.is_some().then(|| view! {
                <div class="full-text" inner_html=move || query.with(|q| html::full_text(record, q))></div>
            })}
        </section>
    }
}
