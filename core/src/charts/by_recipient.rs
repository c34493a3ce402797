//! Money by recipient: the largest as horizontal bars, largest first, and the
//! rest summed as "others".

use super::*;
use crate::model::Dataset;
use crate::totals::Totals;
use std::collections::BTreeMap;

pub fn chart(dataset: &Dataset, totals: &Totals, size: ChartSize) -> Chart {
    // recipient id -> (low, high, figures)
    let mut by_recipient: BTreeMap<String, (Money, Money, usize)> = BTreeMap::new();
    for c in &totals.contributions {
        let Some(record) = dataset.records.get(c.record) else {
            continue;
        };
        let key = record.recipients.join(",");
        let cell = by_recipient.entry(key).or_insert((Money(0), Money(0), 0));
        cell.0 = Money(cell.0 .0.saturating_add(c.low.0));
        cell.1 = Money(cell.1 .0.saturating_add(c.high.0));
        cell.2 += 1;
    }
    let name = |key: &str| -> String {
        key.split(',')
            .map(|id| {
                dataset
                    .organisation(id)
                    .map_or(id.to_string(), |o| o.name.clone())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut ranked: Vec<(String, Money, Money, usize)> = by_recipient
        .into_iter()
        .map(|(k, (l, h, n))| (k, l, h, n))
        .collect();
    crate::order::sort_by(&mut ranked, |a, b| {
        b.1.cmp(&a.1).then_with(|| name(&a.0).cmp(&name(&b.0)))
    });
    let shown = if size.is_narrow() { 7 } else { 10 };
    let mut bars: Vec<(Option<String>, String, Money, Money, usize)> = ranked
        .iter()
        .take(shown)
        .map(|(k, l, h, n)| (Some(k.clone()), name(k), *l, *h, *n))
        .collect();
    let rest = &ranked[ranked.len().min(shown)..];
    if !rest.is_empty() {
        let low = rest.iter().fold(0u64, |a, r| a.saturating_add(r.1 .0));
        let high = rest.iter().fold(0u64, |a, r| a.saturating_add(r.2 .0));
        let figures = rest.iter().map(|r| r.3).sum();
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
            if let Some(key) = key {
                let recipients: Vec<(Facet, String)> = key
                    .split(',')
                    .map(|id| (Facet::Recipient, id.to_string()))
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
            .map(|(k, l, hi, n)| vec![name(k), Totals::amount_text(*l, *hi), n.to_string()])
            .collect(),
        left_out: None,
    }
}
