//! The charts of the current view (money by financial year and by
//! recipient, the timeline, and the chosen recipients side by side), each
//! with "Show as table" and "Download SVG". They follow every filter and,
//! through their bars, drive them. The core draws each (plotters, to an SVG
//! string, every label escaped) and gives its words and table; a chart is
//! drawn only while the charts are open, once per result set.

use crate::focus::focus_chart_bar_after_render;
use crate::follow;
use crate::page::use_page;
use crate::remembered::remembered_open;
use funding_core::charts::{
    by_recipient, by_year, comparison, timeline, Chart, ChartSize, TargetAction,
};
use funding_core::page::{chart_place_id, DOWNLOAD_REFUSED};
use leptos::prelude::*;

/// Where the page remembers whether the charts were folded away.
const CHARTS_OPEN_KEY: &str = "funding-explorer.charts-open";

/// The chart size for the window: narrow on phones.
pub fn fitting_size() -> ChartSize {
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
}

#[component]
pub fn Charts() -> impl IntoView {
    let page = use_page();
    // Folded at first, so the first records are in the first screen, and
    // remembered between visits; anything unreadable in storage is the
    // default.
    let (open, toggled) = remembered_open(CHARTS_OPEN_KEY, false);
    // Narrow drawings on phones; follows resizes for the page's life.
    crate::listen::on_window("resize", move |_| {
        let now = fitting_size();
        if page.chart_size.get_untracked() != now {
            page.chart_size.set(now);
        }
    });
    // The charts are drawn after the page's first frame with records: the
    // list is what a person opening a link looks for first.
    let after_first_frame = RwSignal::new(false);
    request_animation_frame(move || after_first_frame.set(true));
    let drawn = move |n: usize| {
        Memo::new(move |_| {
            if !open.get() || !after_first_frame.get() {
                return None;
            }
            let size = page.chart_size.get();
            Some(page.results.with(|e| match n {
                0 => by_year::chart(page.dataset, &e.totals, size),
                1 => by_recipient::chart(page.dataset, &e.totals, size),
                _ => timeline::chart(page.dataset, &e.rows, size),
            }))
        })
    };
    // The chosen recipients side by side, when the view chooses two to four.
    let compared = Memo::new(move |_| {
        if !open.get() || !after_first_frame.get() {
            return None;
        }
        let size = page.chart_size.get();
        let kind = page.results.with(|e| e.totals.headline)?;
        let compared = page
            .filtering
            .with(|v| comparison::compared(page.core, v, kind))?;
        Some(comparison::chart(page.dataset, kind, &compared, size))
    });
    view! {
        <details
            class="charts"
            id="charts"
            prop:open=open
            on:toggle=toggled
        >
            <summary>
                <h2 class="charts-heading">"Charts of this view"</h2>
            </summary>
            <p class="charts-help">"Choose a bar to narrow the view to it; choose a dot to open that record."</p>
            <ChartPlace id="comparison" chart=compared />
            <ChartPlace id="by-year" chart=drawn(0) />
            <ChartPlace id="by-recipient" chart=drawn(1) />
            <ChartPlace id="timeline" chart=drawn(2) />
        </details>
    }
}

/// The place of the chart `id`: its figure while there is a chart.
#[component]
pub fn ChartPlace(id: &'static str, chart: Memo<Option<Chart>>) -> impl IntoView {
    view! {
        <div class="chart-place" id=chart_place_id(id)>
            <Show when=move || chart.with(Option::is_some)>
                <ChartFigure id chart />
            </Show>
        </div>
    }
}

/// A chart's figure: its caption (title and what it shows), legend, the
/// drawing with a button over each bar (or the same numbers as a table),
/// what it leaves out, and its buttons. A chart with nothing to draw says
/// so in its caption; its empty axes, table and buttons are hidden
/// (explorer.css). The buttons stay as the chart is redrawn, so one just
/// pressed keeps its focus.
#[component]
fn ChartFigure(id: &'static str, chart: Memo<Option<Chart>>) -> impl IntoView {
    let page = use_page();
    let as_table = RwSignal::new(false);
    let refused = RwSignal::new(false);
    let with =
        move |f: &dyn Fn(&Chart) -> String| chart.with(|c| c.as_ref().map(f).unwrap_or_default());
    let (title_id, summary_id) = (format!("chart-{id}-title"), format!("chart-{id}-summary"));
    let (labelled_by, described_by) = (title_id.clone(), summary_id.clone());
    // A bar narrows the view and keeps the focus on itself as the chart is
    // drawn again (the count of records, a live region, says what
    // changed); a dot opens its record, whose heading takes the focus.
    let choose = move |target: usize| {
        let chosen = chart.with_untracked(|c| {
            let t = c.as_ref()?.targets.get(target)?;
            Some((t.action.clone(), t.label.clone()))
        });
        match chosen {
            Some((TargetAction::Filter(values), label)) => {
                page.change(|v| v.narrow_to(&values));
                focus_chart_bar_after_render(id, label);
            }
            Some((TargetAction::Open(record), _)) => page.change(|v| v.open = Some(record)),
            None => {}
        }
    };
    let legend = move || {
        chart.with(|c| {
            c.as_ref().filter(|c| !c.legend.is_empty()).map(|c| {
                view! {
                    <ul class="chart-legend">
                        {c.legend
                            .iter()
                            .map(|entry| view! {
                                <li>
                                    <svg class="swatch" viewBox="0 0 1 1" aria-hidden="true">
                                        <rect width="1" height="1" fill=entry.colour.clone()></rect>
                                    </svg>
                                    {entry.label.clone()}
                                </li>
                            })
                            .collect_view()}
                    </ul>
                }
            })
        })
    };
    let body = move || {
        let table = as_table.get();
        chart.with(|c| {
            let c = c.as_ref()?;
            Some(if table {
                view! {
                    <div class="chart-table-scroll">
                        <table class="chart-table">
                            <thead>
                                <tr>{c.table_headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr>
                            </thead>
                            <tbody>
                                {c.table_rows
                                    .iter()
                                    .map(|row| view! { <tr>{row.iter().map(|cell| view! { <td>{cell.clone()}</td> }).collect_view()}</tr> })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            } else {
                let targets = c
                    .targets
                    .iter()
                    .zip(c.target_boxes())
                    .enumerate()
                    .map(|(n, (target, place))| {
                        view! {
                            <foreignObject x=place.x y=place.y width=place.width height=place.height>
                                <button
                                    type="button"
                                    class="chart-target"
                                    aria-label=target.label.clone()
                                    title=target.label.clone()
                                    on:click=move |_| choose(n)
                                ></button>
                            </foreignObject>
                        }
                    })
                    .collect_view();
                view! {
                    <div class=if c.size.is_narrow() { "chart-drawing chart-narrow" } else { "chart-drawing chart-wide" }>
                        // The core drew this SVG and escaped every label in it.
                        <div class="chart-svg" role="img" aria-label=c.title.clone() inner_html=c.svg.clone()></div>
                        <div class="chart-overlay">
                            <svg class="chart-targets" role="none" viewBox=c.view_box() xmlns="http://www.w3.org/2000/svg">
                                {targets}
                            </svg>
                        </div>
                    </div>
                }
                .into_any()
            })
        })
    };
    let download = move |_| {
        let saved = chart.with_untracked(|c| {
            c.as_ref().map(|c| {
                crate::download::save(&format!("funding-{}.svg", c.id), "image/svg+xml", &c.svg)
            })
        });
        refused.set(saved == Some(false));
    };
    view! {
        <figure
            class="chart"
            class:chart-empty=follow::flag(move || chart.with(|c| c.as_ref().is_some_and(|c| c.table_rows.is_empty())))
            data-chart=id
            aria-labelledby=labelled_by
            aria-describedby=described_by
        >
            <figcaption>
                <h3 id=title_id>{follow::text(move || with(&|c| c.title.clone()))}</h3>
                <p class="chart-summary" id=summary_id>{follow::text(move || with(&|c| c.summary.clone()))}</p>
            </figcaption>
            {follow::part(legend)}
            {follow::part(body)}
            {follow::part(move || chart.with(|c| c.as_ref().and_then(|c| c.left_out.clone())).map(|l| view! { <p class="chart-left-out">{l}</p> }))}
            <div class="chart-actions">
                <button
                    type="button"
                    id=format!("{}-table", chart_place_id(id))
                    aria-pressed=follow::aria(move || as_table.get())
                    on:click=move |_| as_table.update(|t| *t = !*t)
                >
                    {follow::text(move || if as_table.get() { "Show as chart" } else { "Show as table" }.to_string())}
                </button>
                <button type="button" class="quiet" id=format!("{}-download", chart_place_id(id)) on:click=download>
                    "Download SVG"
                </button>
                <span role="alert" class="chart-refused">{follow::text(move || if refused.get() { DOWNLOAD_REFUSED.to_string() } else { String::new() })}</span>
            </div>
        </figure>
    }
}
