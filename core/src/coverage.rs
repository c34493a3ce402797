//! How much of a year's national vanguard total the figures held here cover.
//! A sum of the figures held for some vanguards is not the programme's
//! spending: for each year where a source gives a total for all vanguards,
//! this says the known recipients' sum beside it, the share it covers, and
//! which vanguards have no figure. Worked out once per dataset, not per view.

use crate::explore::Explorer;
use crate::facets::role_code;
use crate::model::{FundingStream, OrganisationKind, Role};
use crate::money::Money;
use crate::period::FinancialYear;
use crate::totals::{Bound, ItemRef, Totals};
use crate::view::{Facet, ViewState};
use std::collections::{BTreeMap, BTreeSet};

/// The organisation that stands for every vanguard in programme totals.
pub const ALL_VANGUARDS: &str = "all-vanguards";

/// One year of the national vanguard fund.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearCoverage {
    pub year: FinancialYear,
    /// The totals sources give for all vanguards that year (several where
    /// they disagree).
    pub national: Vec<ItemRef>,
    /// The sum of the figures held for vanguards that year, by the totals'
    /// rules (a range where sources disagree).
    pub held_low: Money,
    pub held_high: Money,
    pub held_bound: Bound,
    /// Organisation positions in `dataset.organisations`, A to Z.
    pub with_figure: Vec<usize>,
    pub without_figure: Vec<usize>,
}

/// Every year the vanguard fund has a national total or a figure for a
/// vanguard, in time order.
pub fn vanguard_coverage(explorer: &Explorer) -> Vec<YearCoverage> {
    let dataset = explorer.dataset;
    let vanguards: Vec<usize> = (0..dataset.organisations.len())
        .filter(|&i| dataset.organisations[i].kind == OrganisationKind::Vanguard)
        .collect();
    let mut national: BTreeMap<FinancialYear, Vec<ItemRef>> = BTreeMap::new();
    for (r, record) in dataset.records.iter().enumerate() {
        if !record.recipients.iter().any(|id| id == ALL_VANGUARDS) {
            continue;
        }
        for (i, item) in record.items.iter().enumerate() {
            if item.role != Role::ProgrammeTotal || item.stream != FundingStream::VanguardFund {
                continue;
            }
            if let Some(year) = item.period.single_year() {
                national
                    .entry(year)
                    .or_default()
                    .push(ItemRef { record: r, item: i });
            }
        }
    }
    let mut years: BTreeSet<FinancialYear> = national.keys().copied().collect();
    let vanguard_money = |year: Option<FinancialYear>| {
        let mut view = ViewState::default();
        if let Some(year) = year {
            view.toggle(Facet::FinancialYear, &year.to_string());
        }
        view.toggle(Facet::Stream, FundingStream::VanguardFund.code());
        view.toggle(Facet::Role, role_code(Role::Allocation));
        explorer.run(&view).totals
    };
    years.extend(vanguard_money(None).by_year.iter().filter_map(|y| y.year));

    years
        .into_iter()
        .map(|year| {
            let totals = vanguard_money(Some(year));
            let held = held_by(&totals, dataset, year);
            let (with_figure, without_figure) = vanguards.iter().partition(|v| held.contains(v));
            let row = totals.by_year.iter().find(|y| y.year == Some(year));
            YearCoverage {
                year,
                national: national.get(&year).cloned().unwrap_or_default(),
                held_low: row.map_or(Money(0), |y| y.low),
                held_high: row.map_or(Money(0), |y| y.high),
                held_bound: row.map_or(Bound::EXACT, |y| y.bound),
                with_figure: by_name(dataset, with_figure),
                without_figure: by_name(dataset, without_figure),
            }
        })
        .collect()
}

/// The vanguards a year's added figures are for.
fn held_by(totals: &Totals, dataset: &crate::model::Dataset, year: FinancialYear) -> Vec<usize> {
    let mut held = BTreeSet::new();
    for c in &totals.contributions {
        if c.year != Some(year) || Some(c.kind) != totals.headline {
            continue;
        }
        let Some(record) = dataset.records.get(c.record) else {
            continue;
        };
        for id in &record.recipients {
            if let Some(at) = dataset.organisations.iter().position(|o| &o.id == id) {
                if dataset.organisations[at].kind == OrganisationKind::Vanguard {
                    held.insert(at);
                }
            }
        }
    }
    held.into_iter().collect()
}

fn by_name(dataset: &crate::model::Dataset, mut orgs: Vec<usize>) -> Vec<usize> {
    orgs.sort_by_key(|&o| crate::tokens::fold(&dataset.organisations[o].name));
    orgs
}

impl YearCoverage {
    /// The year as a sentence: what sources give for all vanguards, what the
    /// figures held add to, and the share.
    pub fn sentence(&self, dataset: &crate::model::Dataset) -> String {
        let vanguards = self.with_figure.len() + self.without_figure.len();
        let held = Totals::sum_text(self.held_low, self.held_high, self.held_bound);
        let mut out = format!(
            "{}: figures are held here for {} of {} vanguards, adding to {held}",
            self.year,
            self.with_figure.len(),
            vanguards
        );
        let nationals: Vec<(Money, String)> = self
            .national
            .iter()
            .filter_map(|r| {
                let record = dataset.records.get(r.record)?;
                let item = record.items.get(r.item)?;
                let mut source = record
                    .publisher
                    .clone()
                    .unwrap_or_else(|| "a source".into());
                if item.period_inferred.is_some() {
                    source.push_str(", year inferred");
                }
                Some((item.amount, format!("{} ({source})", item.amount.compact())))
            })
            .collect();
        if nationals.is_empty() {
            out.push_str("; no source here gives a total for all vanguards that year.");
            return out;
        }
        let shares: Vec<String> = nationals
            .iter()
            .map(|(amount, named)| {
                format!(
                    "{} of {named}",
                    share(self.held_low, self.held_high, *amount)
                )
            })
            .collect();
        out.push_str(&format!(
            ", {} for all vanguards{}.",
            shares.join(" or "),
            if nationals.len() > 1 {
                " (the sources disagree)"
            } else {
                ""
            }
        ));
        out
    }

    /// "No figure held for: …", naming every vanguard without one.
    pub fn missing(&self, dataset: &crate::model::Dataset) -> Option<String> {
        if self.without_figure.is_empty() {
            return None;
        }
        let names: Vec<&str> = self
            .without_figure
            .iter()
            .filter_map(|o| dataset.organisations.get(*o).map(|o| o.name.as_str()))
            .collect();
        Some(format!("No figure held for: {}.", names.join("; ")))
    }
}

/// What part of `total` a sum from `low` to `high` is: `47%` or `45% to 47%`.
fn share(low: Money, high: Money, total: Money) -> String {
    let percent = |m: Money| {
        if total.0 == 0 {
            0
        } else {
            (u128::from(m.0) * 100 / u128::from(total.0)) as u64
        }
    };
    let (a, b) = (percent(low), percent(high));
    if a == b {
        format!("{a}%")
    } else {
        format!("{a}% to {b}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_is_a_whole_percent_and_a_range_where_the_sum_is() {
        assert_eq!(
            share(Money(52_800_000), Money(52_800_000), Money(112_000_000)),
            "47%"
        );
        assert_eq!(share(Money(50), Money(60), Money(100)), "50% to 60%");
        assert_eq!(share(Money(5), Money(5), Money(0)), "0%");
    }
}
