//! Announcements and reported figures by the date they were published. Records
//! whose source gives no date are counted and said to be left out, never
//! placed at a made-up date.

use super::*;
use crate::calendar::PartialDate;
use crate::explore::ResultRow;
use crate::model::{Dataset, FundingRecord, RecordKind};

/// A date as a position in years (2017.0 is 1 January 2017); a month without
/// a day sits mid-month, a year without a month mid-year.
fn position(d: PartialDate) -> f64 {
    let month = d.month.map_or(6.5, |m| {
        m as f64 - 1.0 + d.day.map_or(0.5, |day| (day as f64 - 1.0) / 31.0)
    });
    d.year as f64 + month / 12.0
}

/// The most dots the timeline draws.
pub const TIMELINE_MOST: usize = 100;

/// A dot's colour, by the kind of record, as the legend says.
fn kind_colour(kind: RecordKind) -> RGBColor {
    match kind {
        RecordKind::Announcement => PALETTE[3],
        RecordKind::ReportedFigure => PALETTE[0],
        RecordKind::Yours => PALETTE[2],
    }
}

pub fn chart(dataset: &Dataset, rows: &[ResultRow], size: ChartSize) -> Chart {
    // Date, amount, record and the row's place; titles are written only for
    // the dots drawn. The records are read in their own order, not the
    // rows' (by relevance, a view of thousands read them all over memory),
    // and each point keeps its row's place for the order below.
    let mut place_of = vec![u32::MAX; dataset.records.len()];
    for (at, row) in rows.iter().enumerate() {
        if let Some(place) = place_of.get_mut(row.record) {
            *place = at as u32;
        }
    }
    let mut points: Vec<(PartialDate, Money, usize, u32)> = Vec::new();
    let mut undated = 0usize;
    // Programme totals, fund sizes and context figures (up to £450m) are
    // not drawn: on one scale with them, grants of a few million would lie
    // on the zero line. The chart says how many it leaves to the list.
    let mut not_grants = 0usize;
    for (index, (record, &at)) in dataset.records.iter().zip(&place_of).enumerate() {
        let Some(row) = rows.get(at as usize) else {
            continue;
        };
        let Some(item) = row.shown_item_of(record).and_then(|i| record.items.get(i)) else {
            continue;
        };
        match record.published_on {
            _ if item.role != crate::model::Role::Allocation => not_grants += 1,
            Some(date) => points.push((date, item.amount, index, at)),
            None => undated += 1,
        }
    }
    // Past a hundred, dots only cover each other at these widths (and each
    // is a button to tab past and a table row): the largest figures are
    // drawn, and the chart says so.
    let dated = points.len();
    let dated_yours = points
        .iter()
        .filter(|p| {
            dataset
                .records
                .get(p.2)
                .is_some_and(|r| r.kind == RecordKind::Yours)
        })
        .count();
    // The whole view's dates, before any are left out of the drawing.
    let earliest = points.iter().map(|p| p.0).min();
    let latest = points.iter().map(|p| p.0).max();
    if dated > TIMELINE_MOST {
        // The largest first, ties in row order, without sorting the
        // thousands of points of a large view on every change.
        let largest = crate::order::first_keyed(
            points
                .iter()
                .enumerate()
                .map(|(i, p)| (u64::MAX - p.1 .0, p.3, i as u32)),
            TIMELINE_MOST,
        );
        points = largest
            .iter()
            .map(|&(_, _, i)| points[i as usize])
            .collect();
    } else {
        crate::order::sort_by_key(&mut points, |p| p.3);
    }
    crate::order::sort_by_key(&mut points, |p| p.0);
    // Each drawn dot's record and title, the title worked out once for its
    // button and its table row.
    let drawn: Vec<(PartialDate, Money, &FundingRecord, String)> = points
        .iter()
        .filter_map(|&(date, amount, record, _)| {
            let record = dataset.records.get(record)?;
            Some((date, amount, record, record.display_title(dataset)))
        })
        .collect();
    let (w, h) = (size.width as f64, size.height as f64);
    let font = label_size(size);
    // Room on the right for half of the last year's label, centred on its
    // tick, so it is not cut at the drawing's edge.
    let right = (text_width("2000", font) / 2.0 + 4.0).max(14.0);
    let (left, top_margin, bottom) = (text_width("£000.0m", font) + 10.0, 12.0, 28.0);
    let plot_w = w - left - right;
    let plot_h = h - top_margin - bottom;
    let first = points.first().map_or(2015.0, |p| position(p.0).floor());
    let last = points
        .last()
        .map_or(2019.0, |p| position(p.0).ceil())
        .max(first + 1.0);
    let max = axis_top(points.iter().map(|p| p.1 .0).max().unwrap_or(0));
    let x_of = |d: PartialDate| left + (position(d) - first) / (last - first) * plot_w;

    let mut targets = Vec::new();
    let svg = draw_svg(size, |area| {
        money_grid(area, max, left, w - right, top_margin, plot_h, font);
        let mut year = first as u16;
        while (year as f64) <= last {
            let x = left + (year as f64 - first) / (last - first) * plot_w;
            let _ = area.draw(&PathElement::new(
                vec![
                    (x as i32, (top_margin + plot_h) as i32),
                    (x as i32, (top_margin + plot_h + 4.0) as i32),
                ],
                INK.stroke_width(1),
            ));
            if !size.is_narrow() || year % 2 == 1 || last - first <= 4.0 {
                label(
                    area,
                    &year.to_string(),
                    (x as i32, (top_margin + plot_h + 6.0) as i32),
                    font,
                    INK,
                    HPos::Center,
                    VPos::Top,
                );
            }
            year += 1;
        }
        let _ = area.draw(&PathElement::new(
            vec![
                (left as i32, (top_margin + plot_h) as i32),
                ((w - right) as i32, (top_margin + plot_h) as i32),
            ],
            INK.stroke_width(1),
        ));
        for (date, amount, record, title) in &drawn {
            let (date, amount) = (*date, *amount);
            let x = x_of(date);
            let y = top_margin + plot_h - scale(amount, max, plot_h);
            let colour = kind_colour(record.kind);
            let _ = area.draw(&Circle::new((x as i32, y as i32), 5, colour.filled()));
            targets.push(ChartTarget {
                label: format!("{}: {title}, {}", date.readable(), amount.compact()),
                left: percent(x - 8.0, w),
                top: percent(y - 8.0, h),
                width: percent(16.0, w),
                height: percent(16.0, h),
                action: TargetAction::Open(record.id.clone()),
            });
        }
    });
    let mut legend = vec![
        LegendEntry {
            colour: hex(kind_colour(RecordKind::Announcement)),
            label: "Announcement held in full".into(),
        },
        LegendEntry {
            colour: hex(kind_colour(RecordKind::ReportedFigure)),
            label: "Reported figure".into(),
        },
    ];
    if drawn.iter().any(|d| d.2.kind == RecordKind::Yours) {
        legend.push(LegendEntry {
            colour: hex(kind_colour(RecordKind::Yours)),
            label: "Added by you in this browser".into(),
        });
    }
    let summary = match (earliest, latest) {
        (Some(a), Some(b)) => format!(
            "{dated} dated record{} in this view, from {} to {}{}{}.",
            if dated == 1 { "" } else { "s" },
            a.readable(),
            b.readable(),
            if dated_yours > 0 {
                format!("; {dated_yours} of them added by you in this browser")
            } else {
                String::new()
            },
            if dated > points.len() {
                format!("; the {} largest figures are drawn", points.len())
            } else {
                String::new()
            }
        ),
        _ => "No record in this view gives a date.".to_string(),
    };
    Chart {
        id: "timeline",
        title: "Announcements and reported figures by date".to_string(),
        summary,
        svg,
        size,
        legend,
        targets,
        table_headers: ["Date", "Record", "Figure"].map(String::from).to_vec(),
        table_rows: drawn
            .into_iter()
            .map(|(d, m, _, title)| vec![d.to_string(), title, m.compact()])
            .collect(),
        left_out: {
            let mut notes = Vec::new();
            if dated > points.len() {
                notes.push(format!(
                    "Shows the {} largest of the {dated} dated figures in this view; the list below holds them all.",
                    points.len()
                ));
            }
            if not_grants > 0 {
                notes.push(format!(
                    "{not_grants} programme total{}, fund size{} or context figure{} in this view {} not drawn, so that the money for recipients keeps its scale; the list holds {}.",
                    if not_grants == 1 { "" } else { "s" },
                    if not_grants == 1 { "" } else { "s" },
                    if not_grants == 1 { "" } else { "s" },
                    if not_grants == 1 { "is" } else { "are" },
                    if not_grants == 1 { "it" } else { "them" }
                ));
            }
            if undated > 0 {
                notes.push(format!(
                    "{undated} record{} in this view {} no date and {} left out, not placed at a made-up date.",
                    if undated == 1 { "" } else { "s" },
                    if undated == 1 { "gives" } else { "give" },
                    if undated == 1 { "is" } else { "are" }
                ));
            }
            (!notes.is_empty()).then(|| notes.join(" "))
        },
    }
}
