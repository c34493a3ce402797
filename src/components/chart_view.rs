//! One chart: its title and the sentence that says what it shows, the drawing
//! (SVG the core drew, labels escaped) with a button over each bar that filters
//! the view, a "Show as table" toggle with the same numbers, and a download.

use super::explorer::ViewSignal;
use crate::download;
use funding_core::charts::{Chart, TargetAction};
use funding_core::html;
use leptos::either::Either;
use leptos::prelude::*;

/// `as_table` belongs to the place the chart is shown, not to one drawing,
/// so a table chosen stays chosen as the view changes and the chart redraws.
#[component]
pub fn ChartView(chart: Chart, as_table: RwSignal<bool>) -> impl IntoView {
    let wide = chart;
    let view_state = expect_context::<ViewSignal>();
    let file_name = format!("funding-{}.svg", wide.id);
    let svg_for_download = wide.svg.clone();
    let saved = RwSignal::new(None::<bool>);
    let drawing = move |chart: Chart, class: &'static str| {
        // The buttons over the bars, written by the core; one listener finds
        // which was chosen.
        let targets = html::chart_targets(&chart);
        let actions: Vec<TargetAction> = chart.targets.into_iter().map(|t| t.action).collect();
        let apply = move |ev: leptos::ev::MouseEvent| {
            let chosen = super::clicked_attribute(&ev, html::TARGET_ATTRIBUTE)
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(|n| actions.get(n));
            match chosen {
                Some(TargetAction::Filter(values)) => view_state.change(|v| v.narrow_to(values)),
                Some(TargetAction::Open(id)) => view_state.change(|v| v.open = Some(id.clone())),
                None => {}
            }
        };
        view! {
            <div class=format!("chart-drawing {class}")>
                // The core drew this SVG and escaped every label in it.
                <div class="chart-svg" role="img" aria-label=chart.title.clone() inner_html=chart.svg></div>
                <div class="chart-overlay" inner_html=targets on:click=apply></div>
            </div>
        }
    };
    // The same numbers as a table, written by the core.
    let table = html::chart_table(&wide);
    // A view with nothing to draw says so in its summary; its empty axes,
    // table and download are hidden (explorer.css).
    let figure_class = if wide.table_rows.is_empty() {
        "chart chart-empty"
    } else {
        "chart"
    };
    // Title, summary and legend, written by the core (every text escaped).
    let caption = html::chart_caption(&wide);
    let legend = (!wide.legend.is_empty()).then(|| html::chart_legend(&wide));
    let (labelled_by, described_by) = html::chart_caption_ids(&wide);
    let left_out = wide.left_out.clone();
    let class = if wide.size.is_narrow() {
        "chart-narrow"
    } else {
        "chart-wide"
    };
    let drawings = move || drawing(wide.clone(), class);
    view! {
        <figure class=figure_class aria-labelledby=labelled_by aria-describedby=described_by>
            <figcaption inner_html=caption></figcaption>
            {legend.map(|legend| view! { <ul class="chart-legend" inner_html=legend></ul> })}
            {move || if as_table.get() {
                Either::Left(view! { <div class="chart-table-scroll" inner_html=table.clone()></div> })
            } else {
                Either::Right(drawings())
            }}
            {left_out.map(|l| view! { <p class="chart-left-out">{l}</p> })}
            <div class="chart-actions">
                <button type="button" aria-pressed=move || as_table.get().to_string() on:click=move |_| as_table.update(|t| *t = !*t)>
                    {move || if as_table.get() { "Show as chart" } else { "Show as table" }}
                </button>
                <button type="button" class="quiet" on:click=move |_| saved.set(Some(download::save(&file_name, "image/svg+xml", &svg_for_download)))>
                    "Download SVG"
                </button>
                <span role="alert">{move || if saved.get() == Some(false) { super::exports::REFUSED } else { "" }}</span>
            </div>
        </figure>
    }
}
