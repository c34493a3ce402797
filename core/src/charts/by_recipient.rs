//! Money by recipient: the largest as horizontal bars, largest first, and the
//! rest summed as "others".

use super::*;
use crate::model::Dataset;
use crate::totals::Totals;
use rustc_hash::FxHashMap as HashMap;

/// A bar: the recipients it narrows the view to (none for the others
/// summed), its title, its low and high sums and its figures.
type Bar<'a> = (Option<&'a [String]>, String, Money, Money, usize);

pub fn chart(dataset: &Dataset, totals: &Totals, size: ChartSize) -> Chart {
    // Each group of recipients (a record's ids, as the dataset lists them)
    // with its low and high sums and figures, in the order first met. The
    // ids are borrowed from the dataset: joining each figure's ids into a
    // new string for an ordered map, and naming both sides of every
    // comparison in the sort below, were a third of the time of this chart
    // in a large view.
    let mut group_of: HashMap<&[String], usize> = HashMap::default();
    let mut groups: Vec<(&[String], Money, Money, usize)> = Vec::new();
    // The headline's kind of money only: the chart adds what the total adds.
    for c in totals
        .contributions
        .iter()
        .filter(|c| Some(c.kind) == totals.headline)
    {
        let Some(record) = dataset.records.get(c.record) else {
            continue;
        };
        let ids = record.recipients.as_slice();
        let at = *group_of.entry(ids).or_insert_with(|| {
            groups.push((ids, Money(0), Money(0), 0));
            groups.len() - 1
        });
        let cell = &mut groups[at];
        cell.1 = Money(cell.1 .0.saturating_add(c.low.0));
        cell.2 = Money(cell.2 .0.saturating_add(c.high.0));
        cell.3 += 1;
    }
    let name = |ids: &[String]| -> String {
        ids.iter()
            .map(|id| {
                dataset
                    .organisation(id)
                    .map_or(id.to_string(), |o| o.name.clone())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    // The most money first; equal sums by name, then by ids, so the order
    // never depends on the order figures came in.
    let mut ranked: Vec<(&[String], String, Money, Money, usize)> = groups
        .into_iter()
        .map(|(ids, l, h, n)| (ids, name(ids), l, h, n))
        .collect();
    crate::order::sort_by(&mut ranked, |a, b| {
        b.2.cmp(&a.2)
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| a.0.cmp(b.0))
    });
    let shown = if size.is_narrow() { 7 } else { 10 };
    let mut bars: Vec<Bar> = ranked
        .iter()
        .take(shown)
        .map(|(ids, title, l, h, n)| (Some(*ids), title.clone(), *l, *h, *n))
        .collect();
    let rest = &ranked[ranked.len().min(shown)..];
    if !rest.is_empty() {
        let low = rest.iter().fold(0u64, |a, r| a.saturating_add(r.2 .0));
        let high = rest.iter().fold(0u64, |a, r| a.saturating_add(r.3 .0));
        let figures = rest.iter().map(|r| r.4).sum();
        bars.push((
            None,
            format!("Others ({} recipients)", rest.len()),
            Money(low),
            Money(high),
            figures,
        ));
    }

    // As tall as its bars need, up to the size given.
    let size = ChartSize {
        width: size.width,
        height: size.height.min(12 + 30 * bars.len().max(1) as u32),
    };
    let (w, h) = (size.width as f64, size.height as f64);
    let font = label_size(size);
    let label_w = (w * if size.is_narrow() { 0.42 } else { 0.36 }).round();
    let value_w = text_width("£000.00m", font) + 6.0;
    let (top_margin, bottom) = (6.0, 6.0);
    let plot_w = w - label_w - value_w - 8.0;
    let row = if bars.is_empty() {
        0.0
    } else {
        ((h - top_margin - bottom) / bars.len() as f64).min(34.0)
    };
    let bar_h = row * 0.66;
    let max = bars.iter().map(|b| b.2 .0).max().unwrap_or(0).max(1);

    let mut targets = Vec::new();
    let svg = draw_svg(size, |area| {
        for (i, (key, title, low, high, figures)) in bars.iter().enumerate() {
            let y = top_margin + row * i as f64 + (row - bar_h) / 2.0;
            let x0 = label_w + 4.0;
            let length = scale(*low, max, plot_w).max(1.0);
            let colour = if key.is_some() {
                PALETTE[0]
            } else {
                PALETTE[7]
            };
            let _ = area.draw(&Rectangle::new(
                [
                    (x0 as i32, y as i32),
                    ((x0 + length) as i32, (y + bar_h) as i32),
                ],
                colour.filled(),
            ));
            bar_labels(
                area,
                title,
                &low.compact(),
                label_w,
                x0 + length,
                y + bar_h / 2.0,
                font,
            );
            if let Some(ids) = key {
                let recipients: Vec<(Facet, String)> = ids
                    .iter()
                    .map(|id| (Facet::Recipient, id.clone()))
                    .collect();
                targets.push(ChartTarget {
                    label: format!(
                        "{title}: {} from {figures} figure{}",
                        Totals::amount_text(*low, *high),
                        if *figures == 1 { "" } else { "s" }
                    ),
                    left: 0.0,
                    top: percent(y, h),
                    width: percent(x0 + length, w),
                    height: percent(bar_h, h),
                    action: TargetAction::Filter(recipients),
                });
            }
        }
    });

    let summary = match bars.first() {
        None => "No money for recipients is in this view.".to_string(),
        Some((_, title, low, high, figures)) => format!(
            "{title} received the most money in this view: {} across {figures} figure{}, of {} recipient{} in all.",
            Totals::amount_text(*low, *high),
            if *figures == 1 { "" } else { "s" },
            ranked.len(),
            if ranked.len() == 1 { "" } else { "s" }
        ),
    };
    let summary = said_with_yours(
        summary,
        totals.headline.is_some_and(|k| totals.rests_on_yours(k)),
    );
    Chart {
        id: "by-recipient",
        title: "Money by recipient".to_string(),
        summary,
        svg,
        size,
        legend: Vec::new(),
        targets,
        table_headers: ["Recipient", "Money", "Figures"].map(String::from).to_vec(),
        table_rows: ranked
            .iter()
            .map(|(_, title, l, hi, n)| {
                vec![title.clone(), Totals::amount_text(*l, *hi), n.to_string()]
            })
            .collect(),
        left_out: None,
    }
}
