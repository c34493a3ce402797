//! Two to four recipients side by side, year by year: when a view chooses
//! that many recipients, each one's money of the view's headline kind per
//! financial year, by the totals' rules, as grouped bars and a table. The
//! view's link is the comparison's link.

use super::*;
use crate::explore::Explorer;
use crate::model::Dataset;
use crate::period::FinancialYear;
use crate::totals::{MoneyKind, Totals, YearTotal};
use crate::view::ViewState;
use std::collections::BTreeSet;

/// The fewest and most recipients a comparison sets side by side.
pub const RECIPIENTS: std::ops::RangeInclusive<usize> = 2..=4;

/// One recipient's money, year by year, in a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compared {
    /// Its id and name.
    pub id: String,
    pub name: String,
    pub by_year: Vec<YearTotal>,
    /// Whether its money rests on a text added in this browser.
    pub rests_on_yours: bool,
}

/// The comparison of the recipients `view` chooses, for money of `kind`
/// (the view's headline): None unless it chooses two to four.
pub fn compared(explorer: &Explorer, view: &ViewState, kind: MoneyKind) -> Option<Vec<Compared>> {
    let chosen = view.selected(Facet::Recipient)?;
    if !RECIPIENTS.contains(&chosen.len()) {
        return None;
    }
    let mut out = Vec::new();
    for id in chosen {
        let mut one = view.without_open();
        one.narrow_to(&[(Facet::Recipient, id.clone())]);
        let totals = explorer.run(&one).totals;
        let rests_on_yours = totals.rests_on_yours(kind);
        let by_year = if totals.headline == Some(kind) {
            totals.by_year
        } else {
            totals
                .others
                .into_iter()
                .find(|o| o.kind == kind)
                .map(|o| o.by_year)
                .unwrap_or_default()
        };
        out.push(Compared {
            id: id.clone(),
            name: explorer
                .dataset
                .organisation(id)
                .map_or_else(|| id.clone(), |o| o.name.clone()),
            by_year,
            rests_on_yours,
        });
    }
    Some(out)
}

pub fn chart(_dataset: &Dataset, kind: MoneyKind, compared: &[Compared], size: ChartSize) -> Chart {
    let years: BTreeSet<FinancialYear> = compared
        .iter()
        .flat_map(|c| c.by_year.iter().filter_map(|y| y.year))
        .collect();
    let years: Vec<FinancialYear> = years.into_iter().collect();
    fn of(c: &Compared, year: FinancialYear) -> Option<&YearTotal> {
        c.by_year.iter().find(|y| y.year == Some(year))
    }
    let max = compared
        .iter()
        .flat_map(|c| c.by_year.iter().map(|y| y.low.0))
        .max()
        .unwrap_or(0);
    let top = axis_top(max);
    let colour = |i: usize| PALETTE[i.min(PALETTE.len() - 1)];

    let (w, h) = (size.width as f64, size.height as f64);
    let font = label_size(size);
    let (left, right, top_margin, bottom) = (text_width("£000.0m", font) + 10.0, 10.0, 12.0, 28.0);
    let plot_w = w - left - right;
    let plot_h = h - top_margin - bottom;
    let slot = plot_w / years.len().max(1) as f64;
    let group_w = slot * 0.8;
    let bar_w = group_w / compared.len().max(1) as f64;

    let mut targets = Vec::new();
    let svg = draw_svg(size, |area| {
        money_grid(area, top, left, w - right, top_margin, plot_h, font);
        for (i, year) in years.iter().enumerate() {
            let x_group = left + slot * i as f64 + (slot - group_w) / 2.0;
            for (n, c) in compared.iter().enumerate() {
                let Some(total) = of(c, *year) else {
                    continue;
                };
                let x0 = x_group + bar_w * n as f64;
                let height = scale(total.low, top, plot_h);
                let y_top = top_margin + plot_h - height;
                let _ = area.draw(&Rectangle::new(
                    [
                        (x0 as i32, y_top.round() as i32),
                        (
                            (x0 + bar_w - 1.0) as i32,
                            (top_margin + plot_h).round() as i32,
                        ),
                    ],
                    colour(n).filled(),
                ));
                targets.push(ChartTarget {
                    label: format!(
                        "{year}, {}: {}",
                        c.name,
                        Totals::sum_text(total.low, total.high, total.bound)
                    ),
                    left: percent(x0, w),
                    top: percent(y_top, h),
                    width: percent(bar_w, w),
                    height: percent(height.max(2.0), h),
                    action: TargetAction::Filter(vec![
                        (Facet::Recipient, c.id.clone()),
                        (Facet::FinancialYear, year.to_string()),
                    ]),
                });
            }
            year_label(
                area,
                &year.to_string(),
                x_group + group_w / 2.0,
                top_margin + plot_h,
                font,
            );
        }
        baseline(area, left, w - right, top_margin + plot_h);
    });

    let overall: Vec<(String, Money)> = compared
        .iter()
        .map(|c| {
            let sum = c
                .by_year
                .iter()
                .fold(0u64, |a, y| a.saturating_add(y.low.0));
            (c.name.clone(), Money(sum))
        })
        .collect();
    let summary = match overall.iter().max_by_key(|(_, m)| *m) {
        Some((name, amount)) if amount.0 > 0 => format!(
            "Of the {} recipients compared, {name} has the most over the {} financial year{} shown: {}.",
            compared.len(),
            years.len(),
            if years.len() == 1 { "" } else { "s" },
            amount.compact()
        ),
        _ => format!(
            "None of the {} recipients compared has money of this kind for a single financial year in this view.",
            compared.len()
        ),
    };
    let summary = said_with_yours(summary, compared.iter().any(|c| c.rests_on_yours));
    let table_rows = years
        .iter()
        .map(|year| {
            std::iter::once(year.to_string())
                .chain(compared.iter().map(|c| {
                    of(c, *year).map_or_else(
                        || "No figure held".to_string(),
                        |t| Totals::sum_text(t.low, t.high, t.bound),
                    )
                }))
                .collect()
        })
        .collect();
    let ranges = compared
        .iter()
        .any(|c| c.by_year.iter().any(|y| y.low != y.high));
    let mut left_out = vec![format!("Compares {} only.", kind.name_in_sentence())];
    if ranges {
        left_out.push(
            "Where sources disagree, bars show the lower figure; the table gives both.".to_string(),
        );
    }
    Chart {
        id: "comparison",
        title: "The chosen recipients, year by year".to_string(),
        summary,
        svg,
        size,
        legend: compared
            .iter()
            .enumerate()
            .map(|(n, c)| LegendEntry {
                colour: hex(colour(n)),
                label: c.name.clone(),
            })
            .collect(),
        targets,
        table_headers: std::iter::once("Financial year".to_string())
            .chain(compared.iter().map(|c| c.name.clone()))
            .collect(),
        table_rows,
        left_out: Some(left_out.join(" ")),
    }
}
