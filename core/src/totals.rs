//! Totals of the money in a view, without double counting:
//! - only money for recipients is added; programme totals, fund sizes and
//!   context figures are counted and shown, never added;
//! - a breakdown line is not added when the whole it is part of is in the view;
//! - a figure marked as the same money as another source's is added once;
//! - where sources give one recipient different figures for the same year, the
//!   total is a range (lowest to highest) and the disagreement is listed.

use crate::model::{Dataset, FundingItem, Role};
use crate::money::Money;
use crate::period::FinancialYear;
use std::collections::{BTreeMap, HashMap};

/// A funding item in a view: indexes into `dataset.records` and its `items`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ItemRef {
    pub record: usize,
    pub item: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearTotal {
    /// None for figures whose period is not one financial year.
    pub year: Option<FinancialYear>,
    pub low: Money,
    pub high: Money,
    /// Figures added (a disagreement counts as one).
    pub figures: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisagreeingFigure {
    pub amount: Money,
    pub stated_as: String,
    pub record_id: String,
    pub publisher: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub recipients: String,
    pub year: FinancialYear,
    pub figures: Vec<DisagreeingFigure>,
}

/// One amount added into the totals: a figure, or one recipient-year where
/// several sources were reconciled (a range where they disagree).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    /// The record that stands for it (the first source, for a reconciled group).
    pub record: usize,
    pub year: Option<FinancialYear>,
    pub low: Money,
    pub high: Money,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// What was added, one entry per figure or reconciled recipient-year: the
    /// charts draw these, so they follow the same rules.
    pub contributions: Vec<Contribution>,
    pub by_year: Vec<YearTotal>,
    pub low: Money,
    pub high: Money,
    /// Figures added into the total.
    pub figures_added: usize,
    /// Figures in the view that are money for recipients.
    pub allocations: usize,
    /// Figures in the view that are not added, by what they are.
    pub not_added: Vec<(Role, usize)>,
    /// Breakdown lines left out because their whole is in the view.
    pub parts_of_wholes: usize,
    /// Figures left out because another source's figure for the same money is in.
    pub same_money: usize,
    /// Groups where several sources give the same figure: added once.
    pub agreements: usize,
    pub disagreements: Vec<Disagreement>,
}

impl Totals {
    pub fn is_range(&self) -> bool {
        self.low != self.high
    }

    /// The total as words: `£12.3m` or `£12.3m to £12.6m`.
    pub fn amount_text(low: Money, high: Money) -> String {
        if low == high {
            low.compact()
        } else {
            format!("{} to {}", low.compact(), high.compact())
        }
    }

    /// What the total includes and leaves out, in plain sentences.
    pub fn explanation(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "Adds the {} figure{} of money for recipients in this view.",
            self.allocations,
            plural(self.allocations)
        )];
        let not_added: Vec<String> = self
            .not_added
            .iter()
            .map(|(role, n)| format!("{n} {}", role.name().to_lowercase()))
            .collect();
        if !not_added.is_empty() {
            lines.push(format!(
                "Not added: {} (shown, but they are not money for one recipient).",
                not_added.join(", ")
            ));
        }
        if self.parts_of_wholes > 0 {
            lines.push(format!(
                "{} breakdown line{} counted within the whole {} belong{} to.",
                self.parts_of_wholes,
                plural(self.parts_of_wholes),
                if self.parts_of_wholes == 1 {
                    "it"
                } else {
                    "they"
                },
                if self.parts_of_wholes == 1 { "s" } else { "" }
            ));
        }
        if self.same_money > 0 || self.agreements > 0 {
            lines.push(format!(
                "Where two sources report the same money, it is added once ({} case{}).",
                self.same_money + self.agreements,
                plural(self.same_money + self.agreements)
            ));
        }
        if !self.disagreements.is_empty() {
            lines.push(format!(
                "Sources disagree for {} recipient-year{}: the total is a range from the lowest to the highest figure.",
                self.disagreements.len(),
                plural(self.disagreements.len())
            ));
        }
        lines
    }
}

/// Per record: the sum of its figures in one group, and the figures.
type PerRecord<'a> = BTreeMap<usize, (Money, Vec<&'a FundingItem>)>;

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn item(dataset: &Dataset, r: ItemRef) -> Option<&FundingItem> {
    dataset.records.get(r.record)?.items.get(r.item)
}

/// The totals of the given items.
pub fn totals(dataset: &Dataset, selection: &[ItemRef]) -> Totals {
    let mut out = Totals::default();
    // Items that name another as the same money, by the other's id.
    let mut named_as_same: HashMap<&str, &FundingItem> = HashMap::new();
    for r in selection {
        if let Some(i) = item(dataset, *r) {
            if let Some(other) = &i.same_as {
                named_as_same.insert(other.as_str(), i);
            }
        }
    }
    let single_year = |i: &FundingItem| i.period.single_year().is_some();
    // The items in view, by id.
    let by_id: HashMap<&str, &FundingItem> = selection
        .iter()
        .filter_map(|r| item(dataset, *r).map(|i| (i.id.as_str(), i)))
        .collect();

    let mut not_added: BTreeMap<Role, usize> = BTreeMap::new();
    // (recipients, year) -> per record, the sum of its figures.
    let mut grouped: BTreeMap<(Vec<String>, FinancialYear), PerRecord> = BTreeMap::new();
    let mut other_periods: Vec<(usize, Money)> = Vec::new();

    for r in selection {
        let Some(i) = item(dataset, *r) else { continue };
        if i.role != Role::Allocation {
            *not_added.entry(i.role).or_default() += 1;
            continue;
        }
        out.allocations += 1;
        if i.part_of
            .as_deref()
            .is_some_and(|whole| by_id.contains_key(whole))
        {
            out.parts_of_wholes += 1;
            continue;
        }
        // Of two items that are the same money, keep the one that states a
        // single year; if both or neither do, keep the one the other names.
        if let Some(other) = i.same_as.as_deref().and_then(|o| by_id.get(o)) {
            if !single_year(i) || single_year(other) {
                out.same_money += 1;
                continue;
            }
        }
        if let Some(namer) = named_as_same.get(i.id.as_str()) {
            if single_year(namer) && !single_year(i) {
                out.same_money += 1;
                continue;
            }
        }
        match i.period.single_year() {
            Some(year) => {
                let mut recipients = dataset.records[r.record].recipients.clone();
                recipients.sort();
                let per_record = grouped.entry((recipients, year)).or_default();
                let entry = per_record.entry(r.record).or_insert((Money(0), Vec::new()));
                entry.0 = Money(entry.0 .0.saturating_add(i.amount.0));
                entry.1.push(i);
            }
            None => other_periods.push((r.record, i.amount)),
        }
    }

    let mut years: BTreeMap<FinancialYear, YearTotal> = BTreeMap::new();
    for ((recipients, year), per_record) in grouped {
        let amounts: Vec<Money> = per_record.values().map(|(m, _)| *m).collect();
        let low = amounts.iter().copied().min().unwrap_or(Money(0));
        let high = amounts.iter().copied().max().unwrap_or(Money(0));
        if amounts.len() > 1 {
            if low == high {
                out.agreements += 1;
            } else {
                let names: Vec<&str> = recipients
                    .iter()
                    .filter_map(|id| dataset.organisation(id).map(|o| o.name.as_str()))
                    .collect();
                out.disagreements.push(Disagreement {
                    recipients: names.join(", "),
                    year,
                    figures: per_record
                        .iter()
                        .map(|(record, (amount, items))| DisagreeingFigure {
                            amount: *amount,
                            stated_as: items
                                .iter()
                                .map(|i| i.stated_as.as_str())
                                .collect::<Vec<_>>()
                                .join(" + "),
                            record_id: dataset.records[*record].id.clone(),
                            publisher: dataset.records[*record].publisher.clone(),
                        })
                        .collect(),
                });
            }
        }
        if let Some(first) = per_record.keys().next() {
            out.contributions.push(Contribution {
                record: *first,
                year: Some(year),
                low,
                high,
            });
        }
        let total = years.entry(year).or_insert(YearTotal {
            year: Some(year),
            low: Money(0),
            high: Money(0),
            figures: 0,
        });
        total.low = Money(total.low.0.saturating_add(low.0));
        total.high = Money(total.high.0.saturating_add(high.0));
        total.figures += 1;
    }
    out.by_year = years.into_values().collect();
    if !other_periods.is_empty() {
        for (record, amount) in &other_periods {
            out.contributions.push(Contribution {
                record: *record,
                year: None,
                low: *amount,
                high: *amount,
            });
        }
        let sum = other_periods
            .iter()
            .fold(0u64, |a, (_, m)| a.saturating_add(m.0));
        out.by_year.push(YearTotal {
            year: None,
            low: Money(sum),
            high: Money(sum),
            figures: other_periods.len(),
        });
    }
    for y in &out.by_year {
        out.low = Money(out.low.0.saturating_add(y.low.0));
        out.high = Money(out.high.0.saturating_add(y.high.0));
        out.figures_added += y.figures;
    }
    out.not_added = not_added.into_iter().collect();
    out
}
