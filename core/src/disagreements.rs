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
        .map(|d| format!("{}.", d.sentence(dataset)))
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
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        lines.push(
            "And more: narrow the view, and \"What this total includes\" names every disagreement in it."
                .to_string(),
        );
    }
    lines
}

/// The most sentences the list holds: a dataset of thousands of records can
/// have thousands of disagreements, and the page says how many more there are.
pub const MAX_LINES: usize = 200;

/// One recipient's same amount, from two sources, for two different years:
/// the same money with a year wrong, or two years' money. The figures are
/// sorted by recipients and amount, so only neighbours are compared.
fn same_amount_in_two_years(dataset: &Dataset) -> Vec<String> {
    let mut figures = Vec::new();
    for (r, record) in dataset.records.iter().enumerate() {
        let mut recipients: Vec<&str> = record.recipients.iter().map(String::as_str).collect();
        recipients.sort_unstable();
        for item in &record.items {
            if let (Role::Allocation, Some(year)) = (item.role, item.period.single_year()) {
                figures.push((recipients.clone(), item.amount, year, r));
            }
        }
    }
    figures.sort_unstable();
    let mut lines = Vec::new();
    for run in figures.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        for (i, a) in run.iter().enumerate() {
            // The next figure of another year from another record.
            let Some(b) = run[i + 1..].iter().find(|b| b.2 != a.2 && b.3 != a.3) else {
                continue;
            };
            let (first, second) = (&dataset.records[a.3], &dataset.records[b.3]);
            let source = |r: &crate::model::FundingRecord| {
                r.publisher
                    .clone()
                    .unwrap_or_else(|| r.display_title(dataset))
            };
            lines.push(format!(
                "{}: {} for {} ({}) and for {} ({}): the same amount in two different years.",
                dataset.recipient_names(first).join(", "),
                a.1.compact(),
                a.2,
                source(first),
                b.2,
                source(second)
            ));
            if lines.len() > MAX_LINES {
                return lines;
            }
        }
    }
    lines
}
