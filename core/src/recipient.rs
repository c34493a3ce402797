//! A recipient's page: every figure held for one organisation, year by year
//! and source by source. Figures from several sources for the same money
//! (the same amount for the same year and kind of money, or marked
//! `same_as`) are one line listing every source; where sources give
//! different figures for a year, each is a line and the year says they
//! disagree, beside what the totals count for it.

use crate::explore::Explorer;
use crate::model::{Dataset, FundingItem, Role};
use crate::money::Money;
use crate::period::FinancialYear;
use crate::totals::{ItemRef, MoneyKind, Totals};
use crate::view::{Facet, ViewState};

/// How a total picks the figure it counts where sources give several: said
/// on the recipient page and in the README.
pub const COUNTING_RULE: &str = "How a year's total counts these figures: the same money from several sources is counted once; where sources give different figures for the same year, the total is a range from the lowest to the highest, never an average; a figure over several years or with no single year is never put into a year; capital and other funds are totalled apart from NHS England's transformation funding.";

/// One figure as the sources give it, with every source that gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureLine {
    pub amount: Money,
    pub kind: MoneyKind,
    pub sources: Vec<ItemRef>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientYear {
    pub year: FinancialYear,
    pub lines: Vec<FigureLine>,
    /// What the totals count for this recipient and year, per kind of
    /// money: the kind's name and the amount as words.
    pub counted: Vec<String>,
}

impl RecipientYear {
    /// Whether sources give this year's money of one kind as different figures.
    pub fn sources_disagree(&self) -> bool {
        self.lines.iter().enumerate().any(|(i, a)| {
            self.lines[i + 1..]
                .iter()
                .any(|b| a.kind == b.kind && a.amount != b.amount)
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientPage {
    /// Its position in `dataset.organisations`.
    pub organisation: usize,
    pub years: Vec<RecipientYear>,
    /// Figures over several years or with no single stated year.
    pub other_periods: Vec<FigureLine>,
}

/// The page of the organisation `id`; None for an id the data does not have.
pub fn recipient_page(explorer: &Explorer, id: &str) -> Option<RecipientPage> {
    let dataset = explorer.dataset;
    let organisation = dataset.organisations.iter().position(|o| o.id == id)?;
    // Money for this recipient, with the parts whose whole (for the same
    // period) is here too left to their whole.
    let mut figures: Vec<(ItemRef, &FundingItem)> = Vec::new();
    for (r, record) in dataset.records.iter().enumerate() {
        if !record.recipients.iter().any(|x| x == id) {
            continue;
        }
        for (i, item) in record.items.iter().enumerate() {
            if item.role == Role::Allocation {
                figures.push((ItemRef { record: r, item: i }, item));
            }
        }
    }
    let all = figures.clone();
    let held = |id: &str| all.iter().find(|(_, i)| i.id == id).map(|(_, i)| *i);
    figures.retain(|(_, item)| {
        item.part_of
            .as_deref()
            .and_then(held)
            .is_none_or(|whole| whole.period.single_year() != item.period.single_year())
    });

    let mut years: Vec<RecipientYear> = Vec::new();
    let mut other_periods: Vec<FigureLine> = Vec::new();
    let mut placed: Vec<(ItemRef, usize, Option<usize>)> = Vec::new();
    // Figures for one year first, so that one with no single year that is
    // the same money as one of them joins its line.
    let (single, rest): (Vec<_>, Vec<_>) = figures
        .iter()
        .partition(|(_, item)| item.period.single_year().is_some());
    for &(at, item) in single {
        let Some(year) = item.period.single_year() else {
            continue;
        };
        let kind = MoneyKind::of(item.stream, item.money_type);
        let y = match years.iter().position(|y| y.year == year) {
            Some(y) => y,
            None => {
                years.push(RecipientYear {
                    year,
                    lines: Vec::new(),
                    counted: Vec::new(),
                });
                years.len() - 1
            }
        };
        let lines = &mut years[y].lines;
        let line = match lines
            .iter()
            .position(|l| l.kind == kind && l.amount == item.amount)
        {
            Some(l) => l,
            None => {
                lines.push(FigureLine {
                    amount: item.amount,
                    kind,
                    sources: Vec::new(),
                });
                lines.len() - 1
            }
        };
        lines[line].sources.push(at);
        placed.push((at, y, Some(line)));
    }
    for &(at, item) in rest {
        let same_money = |other: &FundingItem| {
            item.same_as.as_deref() == Some(other.id.as_str())
                || other.same_as.as_deref() == Some(item.id.as_str())
        };
        let joined = placed.iter().find(|(p, _, _)| {
            dataset
                .records
                .get(p.record)
                .and_then(|r| r.items.get(p.item))
                .is_some_and(same_money)
        });
        match joined {
            Some(&(_, y, Some(line))) => years[y].lines[line].sources.push(at),
            _ => {
                let kind = MoneyKind::of(item.stream, item.money_type);
                match other_periods.iter_mut().find(|l| {
                    l.sources.iter().any(|s| {
                        dataset
                            .records
                            .get(s.record)
                            .and_then(|r| r.items.get(s.item))
                            .is_some_and(same_money)
                    })
                }) {
                    Some(line) => line.sources.push(at),
                    None => other_periods.push(FigureLine {
                        amount: item.amount,
                        kind,
                        sources: vec![at],
                    }),
                }
            }
        }
    }
    years.sort_by_key(|y| y.year);

    // What the totals count, from the same engine as the page's totals.
    let mut view = ViewState::default();
    view.toggle(Facet::Recipient, id);
    let totals = explorer.run(&view).totals;
    for year in &mut years {
        year.counted = counted_in(&totals, year.year);
    }
    Some(RecipientPage {
        organisation,
        years,
        other_periods,
    })
}

/// Each kind's total for `year`, as "kind: amount".
fn counted_in(totals: &Totals, year: FinancialYear) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(kind) = totals.headline {
        if let Some(y) = totals.by_year.iter().find(|y| y.year == Some(year)) {
            out.push(format!(
                "{}: {}",
                kind.name(),
                Totals::sum_text(y.low, y.high, y.bound)
            ));
        }
    }
    for other in &totals.others {
        if let Some(y) = other.by_year.iter().find(|y| y.year == Some(year)) {
            out.push(format!(
                "{}: {}",
                other.kind.name(),
                Totals::sum_text(y.low, y.high, y.bound)
            ));
        }
    }
    out
}

impl FigureLine {
    /// The figure as its sources write it (each way once: "£4.4m",
    /// "£4.4million").
    pub fn stated(&self, dataset: &Dataset) -> String {
        let mut ways: Vec<&str> = Vec::new();
        for s in &self.sources {
            if let Some(item) = dataset
                .records
                .get(s.record)
                .and_then(|r| r.items.get(s.item))
            {
                if !ways.contains(&item.stated_as.as_str()) {
                    ways.push(&item.stated_as);
                }
            }
        }
        ways.join(" / ")
    }

    /// Each source: who published it and when, and the record's id (for a
    /// link that opens it).
    pub fn source_names(&self, dataset: &Dataset) -> Vec<(String, String)> {
        self.sources
            .iter()
            .filter_map(|s| {
                let record = dataset.records.get(s.record)?;
                let item = record.items.get(s.item)?;
                let publisher = record
                    .publisher
                    .clone()
                    .unwrap_or_else(|| "Publisher not stated".into());
                let date = record
                    .published_on
                    .map_or_else(|| "undated".to_string(), |d| d.readable());
                let period = item
                    .period_shown()
                    .unwrap_or_else(|| "period not stated".into());
                Some((format!("{publisher}, {date} ({period})"), record.id.clone()))
            })
            .collect()
    }
}
