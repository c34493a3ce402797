//! The charts of the current view: money by financial year and by recipient,
//! and the timeline. They follow every filter and, through their bars, drive them.

use super::chart_view::ChartView;
use super::explorer::ResultsMemo;
use funding_core::charts::{by_recipient, by_year, timeline, Chart, ChartSize};
use funding_core::Dataset;
use leptos::prelude::*;

#[component]
pub fn ChartsPanel(dataset: &'static Dataset) -> impl IntoView {
    let results = expect_context::<ResultsMemo>();
    // Drawn once per result set, at both sizes; CSS shows the one that fits.
    let charts = Memo::new(move |_| {
        results.0.with(|e| {
            let both = |draw: &dyn Fn(ChartSize) -> Chart| {
                (draw(ChartSize::WIDE), draw(ChartSize::NARROW))
            };
            vec![
                both(&|size| by_year::chart(dataset, &e.totals, size)),
                both(&|size| by_recipient::chart(dataset, &e.totals, size)),
                both(&|size| timeline::chart(dataset, &e.rows, size)),
            ]
        })
    });
    view! {
        <details class="charts" open>
            <summary><h2 class="charts-heading">"Charts of this view"</h2></summary>
            <p class="charts-help">"Choose a bar to narrow the view to it; choose a dot to open that record."</p>
            {move || charts.get().into_iter().map(|(wide, narrow)| view! { <ChartView wide=wide narrow=narrow /> }).collect_view()}
        </details>
    }
}
