//! The charts of the current view: money by financial year and by
//! recipient, and the timeline. They follow every filter and, through their
//! bars, drive them; each has "Show as table" and "Download SVG". The core
//! draws them and writes their figures (`page::chart_figure`).

use super::keep_html;
use crate::page::{bit, Page};
use crate::{dom, download};
use funding_core::charts::{by_recipient, by_year, comparison, timeline, ChartSize, TargetAction};
use funding_core::page::{self, CHARTS, DOWNLOAD_REFUSED};
use leptos::prelude::*;

pub fn follow(page: Page) {
    // Narrow drawings on phones; follows resizes.
    dom::listen(
        &window(),
        "resize",
        false,
        Box::new(move |_| {
            let now = fitting_size();
            if page.chart_size.get_untracked() != now {
                page.chart_size.set(now);
            }
        }),
    );
    // Each chart drawn once per result set, at the size that fits, and not
    // at all while the charts are folded away.
    for (n, id) in CHARTS[..3].iter().enumerate() {
        keep_html(page::chart_place_id(id), move || {
            let size = page.chart_size.get();
            let as_table = bit(page.as_table.get(), n);
            if !page.charts_open.get() {
                return String::new();
            }
            let chart = page.results.with(|e| match n {
                0 => by_year::chart(page.dataset, &e.totals, size),
                1 => by_recipient::chart(page.dataset, &e.totals, size),
                _ => timeline::chart(page.dataset, &e.rows, size),
            });
            let figure = page::chart_figure(&chart, as_table);
            page.drawn.update_value(|d| d[n] = Some(chart));
            figure
        });
    }
    // The chosen recipients side by side, when the view chooses two to four.
    const COMPARISON: usize = 4;
    keep_html(page::chart_place_id(CHARTS[COMPARISON]), move || {
        let size = page.chart_size.get();
        let as_table = bit(page.as_table.get(), COMPARISON);
        let kind = page.results.with(|e| e.totals.headline);
        let compared = kind.and_then(|kind| {
            page.filtering
                .with(|v| comparison::compared(page.core, v, kind))
                .map(|c| (kind, c))
        });
        let Some((kind, compared)) = compared.filter(|_| page.charts_open.get()) else {
            page.drawn.update_value(|d| d[COMPARISON] = None);
            return String::new();
        };
        let chart = comparison::chart(page.dataset, kind, &compared, size);
        let figure = page::chart_figure(&chart, as_table);
        page.drawn.update_value(|d| d[COMPARISON] = Some(chart));
        figure
    });
}

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

/// The place in `CHARTS` of the chart `id`.
pub fn chart_number(id: &str) -> Option<usize> {
    CHARTS.iter().position(|c| *c == id)
}

/// A bar or dot of chart `n` chosen: narrows the view to it, or opens its
/// record.
pub fn choose(page: Page, n: usize, target: usize) {
    let action = page.drawn.with_value(|d| {
        d.get(n)
            .and_then(|c| c.as_ref())
            .and_then(|c| c.targets.get(target))
            .map(|t| t.action.clone())
    });
    match action {
        Some(TargetAction::Filter(values)) => page.change(|v| v.narrow_to(&values)),
        Some(TargetAction::Open(id)) => page.change(|v| v.open = Some(id)),
        None => {}
    }
}

/// "Show as table" / "Show as chart" of chart `n`.
pub fn as_table(page: Page, n: usize) {
    page.as_table.update(|bits| *bits ^= 1 << n);
}

/// "Download SVG" of chart `n`; says so beside the button if the browser
/// refused.
pub fn download(page: Page, n: usize, refused: Option<web_sys::Element>) {
    let saved = page.drawn.with_value(|d| {
        d.get(n).and_then(|c| c.as_ref()).map(|chart| {
            download::save(
                &format!("funding-{}.svg", chart.id),
                "image/svg+xml",
                &chart.svg,
            )
        })
    });
    if let (Some(false), Some(refused)) = (saved, refused) {
        refused.set_text_content(Some(DOWNLOAD_REFUSED));
    }
}

/// The details around the charts opened or folded.
pub fn folded(page: Page, open: bool) {
    page.charts_open.set(open);
}
