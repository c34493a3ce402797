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
    let size = chart_size();
    let open = RwSignal::new(true);
    // Each chart drawn once per result set, at the size that fits, and not at
    // all while the charts are folded away. Each is its own memo: a chart whose
    // drawing did not change keeps its DOM.
    let by_year = Memo::new(move |_| {
        let size = size.get();
        open.get()
            .then(|| results.0.with(|e| by_year::chart(dataset, &e.totals, size)))
    });
    let by_recipient = Memo::new(move |_| {
        let size = size.get();
        open.get().then(|| {
            results
                .0
                .with(|e| by_recipient::chart(dataset, &e.totals, size))
        })
    });
    let timeline = Memo::new(move |_| {
        let size = size.get();
        open.get()
            .then(|| results.0.with(|e| timeline::chart(dataset, &e.rows, size)))
    });
    let shown = move |chart: Memo<Option<Chart>>| {
        let as_table = RwSignal::new(false);
        move || {
            chart
                .get()
                .map(|chart| view! { <ChartView chart=chart as_table=as_table /> })
        }
    };
    view! {
        <details class="charts" open on:toggle=move |ev| {
            open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
        }>
            <summary><h2 class="charts-heading">"Charts of this view"</h2></summary>
            <p class="charts-help">"Choose a bar to narrow the view to it; choose a dot to open that record."</p>
            {shown(by_year)}
            {shown(by_recipient)}
            {shown(timeline)}
        </details>
    }
}

/// The chart size for the window: narrow on phones. Follows resizes.
pub fn chart_size() -> Signal<ChartSize> {
    let fits = || {
        let width = window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .unwrap_or(1280.0);
        if width <= 640.0 {
            ChartSize::NARROW
        } else {
            ChartSize::WIDE
        }
    };
    let size = RwSignal::new(fits());
    let _ = window_event_listener(leptos::ev::resize, move |_| {
        let now = fits();
        if size.get_untracked() != now {
            size.set(now);
        }
    });
    size.into()
}
