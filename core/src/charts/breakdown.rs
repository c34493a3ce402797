//! The breakdown of one announcement that splits its money into parts (West
//! Yorkshire and Harrogate's £2.6m, £4m, £1m and £1m of "over £8.5m").

use super::*;
use crate::model::FundingRecord;

/// None when the record has no figure split into parts.
pub fn chart(record: &FundingRecord, size: ChartSize) -> Option<Chart> {
    let whole = record.items.iter().find(|w| {
        record
            .items
            .iter()
            .any(|p| p.part_of.as_deref() == Some(w.id.as_str()))
    })?;
    let parts: Vec<_> = record
        .items
        .iter()
        .filter(|p| p.part_of.as_deref() == Some(whole.id.as_str()))
        .collect();
    let rows = parts.len() + 1;
    // As tall as its bars need.
    let size = ChartSize {
        width: size.width,
        height: size.height.min(12 + 34 * rows as u32),
    };
    let (w, h) = (size.width as f64, size.height as f64);
    let font = label_size(size);
    let label_w = (w * 0.45).round();
    let widest = std::iter::once(whole)
        .chain(parts.iter().copied())
        .map(|i| text_width(&i.stated_as, font))
        .fold(0.0, f64::max);
    let value_w = widest + 10.0;
    let row = ((h - 12.0) / rows as f64).min(40.0);
    let bar_h = row * 0.6;
    let max = parts
        .iter()
        .map(|p| p.amount.0)
        .chain([whole.amount.0])
        .max()
        .unwrap_or(1)
        .max(1);
    let plot_w = w - label_w - value_w - 8.0;
    let svg = draw_svg(size, |area| {
        let entries = std::iter::once((whole, true)).chain(parts.iter().map(|p| (*p, false)));
        for (i, (item, is_whole)) in entries.enumerate() {
            let y = 6.0 + row * i as f64 + (row - bar_h) / 2.0;
            let length = scale(item.amount, max, plot_w).max(1.0);
            let colour = if is_whole {
                PALETTE[7]
            } else {
                PALETTE[(i - 1) % 5]
            };
            let _ = area.draw(&Rectangle::new(
                [
                    ((label_w + 4.0) as i32, y as i32),
                    ((label_w + 4.0 + length) as i32, (y + bar_h) as i32),
                ],
                colour.filled(),
            ));
            let name = if is_whole {
                format!("Whole: {}", item.stated_as)
            } else {
                item.purpose
                    .clone()
                    .unwrap_or_else(|| item.stated_as.clone())
            };
            bar_labels(
                area,
                &name,
                &item.stated_as,
                label_w,
                label_w + 4.0 + length,
                y + bar_h / 2.0,
                font,
            );
        }
    });
    let sum = parts.iter().fold(0u64, |a, p| a.saturating_add(p.amount.0));
    let largest = parts.iter().max_by_key(|p| p.amount)?;
    Some(Chart {
        id: "breakdown",
        title: format!("How the {} is split", whole.stated_as),
        summary: format!(
            "The {} is split into {} parts adding up to {}; the largest, {}, is for {}.",
            whole.stated_as,
            parts.len(),
            Money(sum).compact(),
            largest.stated_as,
            // The source's words as written: lower-casing them would turn
            // "NHS England" into "nhs england".
            largest
                .purpose
                .as_deref()
                .map_or("a purpose the text does not name".to_string(), |p| format!(
                    "“{p}”"
                ))
        ),
        svg,
        size,
        legend: Vec::new(),
        targets: Vec::new(),
        table_headers: ["Part", "As written", "Pounds"].map(String::from).to_vec(),
        table_rows: std::iter::once(whole)
            .chain(parts.iter().copied())
            .map(|i| {
                let name = if i.id == whole.id {
                    "Whole".to_string()
                } else {
                    i.purpose.clone().unwrap_or_default()
                };
                vec![name, i.stated_as.clone(), i.amount.full()]
            })
            .collect(),
        left_out: None,
    })
}
