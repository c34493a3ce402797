//! Where sources disagree, across the whole dataset rather than one view:
//! one recipient given different figures for the same year, different
//! national totals for the same year, and the same amount reported for two
//! different years. Plain sentences, worked out once per dataset.

use crate::coverage::YearCoverage;
use crate::explore::Explorer;
use crate::model::{Dataset, Role};
use crate::view::ViewState;

/// Every disagreement between sources the dataset holds, one sentence each.
pub fn across_dataset(explorer: &Explorer, coverage: &[YearCoverage]) -> Vec<String> {
    let dataset = explorer.dataset;
    let totals = explorer.run(&ViewState::default()).totals;
    let mut lines: Vec<String> = totals
        .disagreements(dataset)
        .iter()
        .map(|d| {
            let figures: Vec<String> = d
                .figures
                .iter()
                .map(|f| format!("{} ({})", f.stated_as(dataset), f.source(dataset)))
                .collect();
            format!(
                "{}, {}: {}.",
                d.recipients(dataset),
                d.year,
                figures.join(" or ")
            )
        })
        .collect();
    for year in coverage.iter().filter(|y| y.national.len() > 1) {
        let figures: Vec<String> = year
            .national
            .iter()
            .filter_map(|r| {
                let record = dataset.records.get(r.record)?;
                let item = record.items.get(r.item)?;
                let source = record.publisher.as_deref().unwrap_or("a source");
                Some(format!("{} ({source})", item.stated_as))
            })
            .collect();
        lines.push(format!(
            "All vanguards, {}: {} as the national total.",
            year.year,
            figures.join(" or ")
        ));
    }
    lines.extend(same_amount_in_two_years(dataset));
    lines
}

/// One recipient's same amount, from two sources, for two different years:
/// the same money with a year wrong, or two years' money.
fn same_amount_in_two_years(dataset: &Dataset) -> Vec<String> {
    let mut figures = Vec::new();
    for record in &dataset.records {
        let mut recipients = record.recipients.clone();
        recipients.sort();
        for item in &record.items {
            if let (Role::Allocation, Some(year)) = (item.role, item.period.single_year()) {
                figures.push((recipients.clone(), item.amount, year, record));
            }
        }
    }
    let mut lines = Vec::new();
    for (i, a) in figures.iter().enumerate() {
        for b in &figures[i + 1..] {
            if a.0 == b.0 && a.1 == b.1 && a.2 != b.2 && a.3.id != b.3.id {
                let (first, second) = if a.2 < b.2 { (a, b) } else { (b, a) };
                let source = |r: &crate::model::FundingRecord| {
                    r.publisher
                        .clone()
                        .unwrap_or_else(|| r.display_title(dataset))
                };
                lines.push(format!(
                    "{}: {} for {} ({}) and for {} ({}): the same amount in two different years.",
                    dataset.recipient_names(first.3).join(", "),
                    first.1.compact(),
                    first.2,
                    source(first.3),
                    second.2,
                    source(second.3)
                ));
            }
        }
    }
    lines
}
