//! Money by financial year, stacked by care model (records with no care model,
//! such as integrated care systems, stack as "Other programmes").

use super::*;
use crate::model::{CareModel, Dataset};
use crate::period::FinancialYear;
use crate::totals::Totals;
use std::collections::BTreeMap;

/// A stack's series: a care model, or none.
fn series_label(model: Option<CareModel>) -> String {
    model.map_or("Other programmes".to_string(), |m| {
        format!("{} ({})", m.name(), m.code())
    })
}

fn series_colour(model: Option<CareModel>) -> RGBColor {
    match model {
        Some(m) => {
            PALETTE[CareModel::ALL
                .iter()
                .position(|x| *x == m)
                .unwrap_or(7)
                .min(4)]
        }
        None => PALETTE[7],
    }
}

/// One year's bar: per care model, the lower and higher money and the figures.
type Stack = BTreeMap<Option<CareModel>, (Money, Money, usize)>;

pub fn chart(dataset: &Dataset, totals: &Totals, size: ChartSize) -> Chart {
    // year -> care model -> (amount, high amount, figures)
    let mut years: BTreeMap<FinancialYear, Stack> = BTreeMap::new();
    // The headline's kind of money only: the chart adds what the total adds.
    for c in totals
        .contributions
        .iter()
        .filter(|c| Some(c.kind) == totals.headline)
    {
        let Some(year) = c.year else {
            continue;
        };
        let model = dataset
            .records
            .get(c.record)
            .and_then(|r| dataset.effective_care_model(r));
        let cell = years
            .entry(year)
            .or_default()
            .entry(model)
            .or_insert((Money(0), Money(0), 0));
        cell.0 = Money(cell.0 .0.saturating_add(c.low.0));
        cell.1 = Money(cell.1 .0.saturating_add(c.high.0));
        cell.2 += 1;
    }
    let totals_by_year: Vec<(FinancialYear, Money)> = years
        .iter()
        .map(|(y, models)| {
            (
                *y,
                Money(models.values().fold(0u64, |a, v| a.saturating_add(v.0 .0))),
            )
        })
        .collect();
    let max = totals_by_year.iter().map(|(_, m)| m.0).max().unwrap_or(0);
    let top = axis_top(max);
    let mut series: Vec<Option<CareModel>> =
        years.values().flat_map(|m| m.keys().copied()).collect();
    crate::order::sort_by_key(&mut series, |m| {
        m.map_or(usize::MAX, |m| {
            CareModel::ALL.iter().position(|x| *x == m).unwrap_or(99)
        })
    });
    series.dedup();

    let (w, h) = (size.width as f64, size.height as f64);
    let font = label_size(size);
    let (left, right, top_margin, bottom) = (text_width("£000.0m", font) + 10.0, 10.0, 12.0, 28.0);
    let plot_w = w - left - right;
    let plot_h = h - top_margin - bottom;
    let slot = if years.is_empty() {
        plot_w
    } else {
        plot_w / years.len() as f64
    };
    let bar_w = (slot * 0.62).min(90.0);

    let mut targets = Vec::new();
    let svg = draw_svg(size, |area| {
        money_grid(area, top, left, w - right, top_margin, plot_h, font);
        for (i, (year, models)) in years.iter().enumerate() {
            let x0 = left + slot * i as f64 + (slot - bar_w) / 2.0;
            let mut y_bottom = top_margin + plot_h;
            for model in &series {
                let Some((low, high, figures)) = models.get(model) else {
                    continue;
                };
                let height = scale(*low, top, plot_h);
                let y_top = y_bottom - height;
                let _ = area.draw(&Rectangle::new(
                    [
                        (x0 as i32, y_top.round() as i32),
                        ((x0 + bar_w) as i32, y_bottom.round() as i32),
                    ],
                    series_colour(*model).filled(),
                ));
                let amount = Totals::amount_text(*low, *high);
                targets.push(ChartTarget {
                    label: format!(
                        "{year}, {}: {amount} from {figures} figure{}",
                        series_label(*model),
                        if *figures == 1 { "" } else { "s" }
                    ),
                    left: percent(x0, w),
                    top: percent(y_top, h),
                    width: percent(bar_w, w),
                    height: percent(height.max(2.0), h),
                    action: TargetAction::Filter(
                        [(Facet::FinancialYear, year.to_string())]
                            .into_iter()
                            .chain(Some((
                                Facet::CareModel,
                                model.map_or(crate::facets::NONE.to_string(), |m| {
                                    m.code().to_string()
                                }),
                            )))
                            .collect(),
                    ),
                });
                y_bottom = y_top;
            }
            year_label(
                area,
                &year.to_string(),
                x0 + bar_w / 2.0,
                top_margin + plot_h,
                font,
            );
        }
        baseline(area, left, w - right, top_margin + plot_h);
    });

    let summary = match totals_by_year.iter().max_by_key(|(_, m)| *m) {
        None => "No money for recipients with a single financial year is in this view.".to_string(),
        Some((year, amount)) => {
            let figures: usize = years.get(year).map_or(0, |m| m.values().map(|v| v.2).sum());
            format!(
                "{} holds the most money for recipients in this view: {} across {} figure{}, of {} financial year{} shown.",
                year,
                amount.compact(),
                figures,
                if figures == 1 { "" } else { "s" },
                totals_by_year.len(),
                if totals_by_year.len() == 1 { "" } else { "s" }
            )
        }
    };
    let summary = said_with_yours(
        summary,
        totals.headline.is_some_and(|k| totals.rests_on_yours(k)),
    );
    let mut table_rows = Vec::new();
    for (year, models) in &years {
        for model in &series {
            if let Some((low, high, figures)) = models.get(model) {
                table_rows.push(vec![
                    year.to_string(),
                    series_label(*model),
                    Totals::amount_text(*low, *high),
                    figures.to_string(),
                ]);
            }
        }
    }
    // Figures of the chart's kind over several years or with no single
    // year: lines of their own in the table, never in a year's bar. (With
    // no bar at all the chart says it has nothing to draw, and the totals
    // list them.)
    for span in totals
        .spans
        .iter()
        .filter(|s| !years.is_empty() && Some(s.kind) == totals.headline)
    {
        let Some(record) = dataset.records.get(span.record) else {
            continue;
        };
        let Some(item) = record.items.get(span.item) else {
            continue;
        };
        let period = item
            .period
            .stated()
            .unwrap_or_else(|| "Period not stated".to_string());
        table_rows.push(vec![
            format!("{period}: {}", dataset.recipient_names(record).join(", ")),
            series_label(dataset.effective_care_model(record)),
            item.stated_as.clone(),
            "1, not added".to_string(),
        ]);
    }
    let ranges = totals
        .contributions
        .iter()
        .any(|c| Some(c.kind) == totals.headline && c.low != c.high);
    let mut left_out = Vec::new();
    if let Some(kind) = totals.headline {
        left_out.push(format!("Shows {} only.", kind.name_in_sentence()));
    }
    if !totals.others.is_empty() {
        left_out.push(format!(
            "{} other kind{} of money {} totalled beside the chart, not drawn in it.",
            totals.others.len(),
            if totals.others.len() == 1 { "" } else { "s" },
            if totals.others.len() == 1 {
                "is"
            } else {
                "are"
            }
        ));
    }
    if !totals.spans.is_empty() {
        left_out.push(format!(
            "{} figure{} over several years or with no single financial year {} not drawn by year; the table lists those of this kind on lines of their own.",
            totals.spans.len(),
            if totals.spans.len() == 1 { "" } else { "s" },
            if totals.spans.len() == 1 { "is" } else { "are" }
        ));
    }
    if ranges {
        left_out.push(
            "Where sources disagree, bars show the lower figure; the table gives both.".to_string(),
        );
    }
    Chart {
        id: "by-year",
        title: "Money for recipients by financial year".to_string(),
        summary,
        svg,
        size,
        legend: series
            .iter()
            .map(|m| LegendEntry {
                colour: hex(series_colour(*m)),
                label: series_label(*m),
            })
            .collect(),
        targets,
        table_headers: ["Financial year", "Care model", "Money", "Figures"]
            .map(String::from)
            .to_vec(),
        table_rows,
        left_out: (!left_out.is_empty()).then(|| left_out.join(" ")),
    }
}
