//! Totals of the money in a view, without double counting:
//! - only money for recipients is added; programme totals, fund sizes and
//!   context figures are counted and shown, never added;
//! - a breakdown line is not added when the whole it is part of is in the view;
//! - a figure marked as the same money as another source's is added once;
//! - where sources give one recipient different figures for the same year, the
//!   total is a range (lowest to highest) and the disagreement is listed.

use crate::model::{Dataset, Role};
use crate::money::Money;
use crate::period::FinancialYear;
use std::collections::BTreeMap;

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
    /// The record that gives it, and the items (of that record) it adds up.
    /// Indexes, not text: a view of many records can hold thousands of these,
    /// and the page only spells out the ones it shows.
    pub record: usize,
    pub items: Vec<usize>,
}

impl DisagreeingFigure {
    /// The figure as its source wrote it (parts joined with `+`).
    pub fn stated_as(&self, dataset: &Dataset) -> String {
        let Some(record) = dataset.records.get(self.record) else {
            return String::new();
        };
        self.items
            .iter()
            .filter_map(|i| record.items.get(*i))
            .map(|i| i.stated_as.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    }

    /// Who gives it: the publisher, or the record's title when none is stated.
    pub fn source(&self, dataset: &Dataset) -> String {
        dataset
            .records
            .get(self.record)
            .map_or_else(String::new, |r| {
                r.publisher
                    .clone()
                    .unwrap_or_else(|| r.display_title(dataset))
            })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub year: FinancialYear,
    /// One per source, in record order (at least two).
    pub figures: Vec<DisagreeingFigure>,
}

impl Disagreement {
    /// The recipients the sources disagree about, by name.
    pub fn recipients(&self, dataset: &Dataset) -> String {
        let Some(record) = self
            .figures
            .first()
            .and_then(|f| dataset.records.get(f.record))
        else {
            return String::new();
        };
        let mut ids: Vec<&String> = record.recipients.iter().collect();
        crate::order::sort(&mut ids);
        ids.iter()
            .filter_map(|id| dataset.organisation(id).map(|o| o.name.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    }
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
    /// Where sources disagree, compactly (a large view has thousands, and
    /// the page spells them out only when asked): the year of each
    /// disagreement, and (disagreement, record, item) for every item of its
    /// figures, in order. `disagreements()` spells them out.
    pub disagreement_years: Vec<FinancialYear>,
    pub disagreeing_items: Vec<(u32, u32, u32)>,
}

impl Totals {
    pub fn is_range(&self) -> bool {
        self.low != self.high
    }

    /// How many recipient-years the sources disagree about.
    pub fn disagreement_count(&self) -> usize {
        self.disagreement_years.len()
    }

    /// Where sources disagree, each with its figures, in order.
    pub fn disagreements(&self, dataset: &Dataset) -> Vec<Disagreement> {
        let mut out: Vec<Disagreement> = self
            .disagreement_years
            .iter()
            .map(|&year| Disagreement {
                year,
                figures: Vec::new(),
            })
            .collect();
        // One run per figure: the items of one record in one disagreement.
        for run in self
            .disagreeing_items
            .chunk_by(|a, b| a.0 == b.0 && a.1 == b.1)
        {
            let (n, record) = (run[0].0 as usize, run[0].1 as usize);
            let items: Vec<usize> = run.iter().map(|x| x.2 as usize).collect();
            let amount = dataset.records.get(record).map_or(0, |r| {
                items
                    .iter()
                    .filter_map(|i| r.items.get(*i))
                    .fold(0u64, |sum, i| sum.saturating_add(i.amount.0))
            });
            if let Some(disagreement) = out.get_mut(n) {
                disagreement.figures.push(DisagreeingFigure {
                    amount: Money(amount),
                    record,
                    items,
                });
            }
        }
        out
    }

    /// The total as words: `£12.3m` or `£12.3m to £12.6m`.
    pub fn amount_text(low: Money, high: Money) -> String {
        let mut text = low.compact();
        if low != high {
            text.push_str(" to ");
            text.push_str(&high.compact());
        }
        text
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
            .map(|(role, n)| format!("{n} {}", role.name().to_ascii_lowercase()))
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
        let disagreements = self.disagreement_count();
        if disagreements > 0 {
            lines.push(format!(
                "Sources disagree for {} recipient-year{}: the total is a range from the lowest to the highest figure.",
                disagreements,
                plural(disagreements)
            ));
        }
        lines
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Marks "no such item" in the flat item numbering.
const NO_ITEM: u32 = u32::MAX;

/// What the totals need to know of every funding item, worked out once per
/// dataset, so that totalling a view is a pass over its items and one sort,
/// with no string keys: items are numbered flat (record by record, item by
/// item) and the links between them (`part_of`, `same_as`) are numbers.
#[derive(Debug, Clone)]
pub struct TotalsIndex {
    /// Where each record's items start in the flat numbering (one more entry
    /// than there are records).
    item_start: Vec<u32>,
    /// Per flat item: the item it is part of (its whole), or NO_ITEM.
    whole: Vec<u32>,
    /// Per flat item: the item it says is the same money, or NO_ITEM.
    same_as: Vec<u32>,
    /// Items that name another as the same money: (named, namer), sorted.
    named_by: Vec<(u32, u32)>,
    /// Per flat item, what the totals read of it, side by side in memory (a
    /// view of many records would otherwise read each record from all over).
    role: Vec<Role>,
    amount: Vec<Money>,
    single_year: Vec<Option<FinancialYear>>,
    /// Every item that states one year, in the order the totals group them:
    /// (recipient group and year, record, item). A run picks the items in
    /// view from this order rather than sorting them each time.
    group_order: Vec<(u64, u32, u32)>,
    /// Each of those items' amount, in the same order: read in order rather
    /// than from all over `amount` (at 100,000 records, the totals' slowest
    /// step was waiting for those reads).
    group_amount: Vec<Money>,
}

impl TotalsIndex {
    pub fn new(dataset: &Dataset) -> TotalsIndex {
        let items = || dataset.records.iter().flat_map(|r| r.items.iter());
        // Only the ids something links to are looked up.
        let linked: rustc_hash::FxHashSet<&str> = items()
            .flat_map(|i| [i.part_of.as_deref(), i.same_as.as_deref()])
            .flatten()
            .collect();
        let mut item_start = Vec::with_capacity(dataset.records.len() + 1);
        let mut flat_ids: rustc_hash::FxHashMap<&str, u32> = Default::default();
        let mut count = 0u32;
        for record in &dataset.records {
            item_start.push(count);
            for item in &record.items {
                if linked.contains(item.id.as_str()) {
                    flat_ids.insert(item.id.as_str(), count);
                }
                count += 1;
            }
        }
        item_start.push(count);
        // Records with the same recipients (in any order) share a group; the
        // groups are numbered in the order of their sorted recipient ids.
        let mut met: rustc_hash::FxHashMap<Vec<&str>, u32> = Default::default();
        let provisional: Vec<u32> = dataset
            .records
            .iter()
            .map(|r| {
                let mut recipients: Vec<&str> = r.recipients.iter().map(String::as_str).collect();
                crate::order::sort(&mut recipients);
                let next = met.len() as u32;
                *met.entry(recipients).or_insert(next)
            })
            .collect();
        let mut groups: Vec<(Vec<&str>, u32)> = met.into_iter().collect();
        crate::order::sort(&mut groups);
        let mut renumber = vec![0u32; groups.len()];
        for (n, (_, p)) in groups.iter().enumerate() {
            renumber[*p as usize] = n as u32;
        }
        // Per record: the group of records with the same recipients, numbered
        // in the order of their sorted recipient ids.
        let recipient_group: Vec<u32> = provisional.iter().map(|p| renumber[*p as usize]).collect();
        let link = |id: &Option<String>| {
            id.as_deref()
                .and_then(|id| flat_ids.get(id).copied())
                .unwrap_or(NO_ITEM)
        };
        let whole: Vec<u32> = items().map(|i| link(&i.part_of)).collect();
        let same_as: Vec<u32> = items().map(|i| link(&i.same_as)).collect();
        let mut named_by: Vec<(u32, u32)> = same_as
            .iter()
            .enumerate()
            .filter(|(_, other)| **other != NO_ITEM)
            .map(|(namer, other)| (*other, namer as u32))
            .collect();
        crate::order::sort(&mut named_by);
        let single_year: Vec<Option<FinancialYear>> =
            items().map(|i| i.period.single_year()).collect();
        let mut group_order = Vec::new();
        for (record, group) in recipient_group.iter().enumerate() {
            for flat in item_start[record]..item_start[record + 1] {
                if let Some(year) = single_year[flat as usize] {
                    let key = u64::from(*group) << 16 | u64::from(year.start_year());
                    group_order.push((key, record as u32, flat));
                }
            }
        }
        crate::order::sort_keyed(&mut group_order);
        let amount: Vec<Money> = items().map(|i| i.amount).collect();
        TotalsIndex {
            role: items().map(|i| i.role).collect(),
            group_amount: group_order.iter().map(|g| amount[g.2 as usize]).collect(),
            amount,
            single_year,
            group_order,
            item_start,
            whole,
            same_as,
            named_by,
        }
    }

    fn flat(&self, r: ItemRef) -> Option<u32> {
        let start = *self.item_start.get(r.record)?;
        let end = *self.item_start.get(r.record + 1)?;
        let flat = start.checked_add(u32::try_from(r.item).ok()?)?;
        (flat < end).then_some(flat)
    }

    /// The totals of the given items (of the dataset this index was built for).
    pub fn totals(&self, selection: &[ItemRef]) -> Totals {
        let mut out = Totals::default();
        // Slices rather than the vectors, and the two tests below as inlined
        // functions rather than closures: in the size-optimised build each
        // index into a vector and each closure is a call, and this reads
        // several columns for every figure in view.
        let (roles, whole, same_as, single_year, amount) = (
            self.role.as_slice(),
            self.whole.as_slice(),
            self.same_as.as_slice(),
            self.single_year.as_slice(),
            self.amount.as_slice(),
        );
        // Each item's position in the selection counted from 1, 0 when not
        // in view (so the vector starts as zeroed memory, not a fill).
        let mut position = vec![0u32; whole.len()];
        let mut in_view: Vec<(ItemRef, u32)> = Vec::with_capacity(selection.len());
        for (at, r) in selection.iter().enumerate() {
            if let Some(flat) = self.flat(*r) {
                position[flat as usize] = at as u32 + 1;
                in_view.push((*r, flat));
            }
        }
        let position = position.as_slice();
        #[inline(always)]
        fn shown(position: &[u32], flat: u32) -> bool {
            flat != NO_ITEM && position[flat as usize] != 0
        }
        #[inline(always)]
        fn is_single_year(single_year: &[Option<FinancialYear>], flat: u32) -> bool {
            single_year[flat as usize].is_some()
        }

        let mut not_added: BTreeMap<Role, usize> = BTreeMap::new();
        // Each figure in view that is added for one year, marked here, then
        // taken in the index's group order.
        let mut in_group = vec![false; single_year.len()];
        let in_group = in_group.as_mut_slice();
        let mut other_periods: Vec<(usize, Money)> = Vec::new();

        for &(r, flat) in &in_view {
            let role = roles[flat as usize];
            if role != Role::Allocation {
                *not_added.entry(role).or_default() += 1;
                continue;
            }
            out.allocations += 1;
            if shown(position, whole[flat as usize]) {
                out.parts_of_wholes += 1;
                continue;
            }
            // Of two items that are the same money, keep the one that states a
            // single year; if both or neither do, keep the one the other names.
            let other = same_as[flat as usize];
            if shown(position, other)
                && (!is_single_year(single_year, flat) || is_single_year(single_year, other))
            {
                out.same_money += 1;
                continue;
            }
            // The item in view that names this one as the same money (the
            // last in the selection, when several do).
            if !self.named_by.is_empty() {
                let from = self.named_by.partition_point(|(named, _)| *named < flat);
                let namer = self.named_by[from..]
                    .iter()
                    .take_while(|(named, _)| *named == flat)
                    .map(|(_, namer)| *namer)
                    .filter(|namer| shown(position, *namer))
                    .max_by_key(|namer| position[*namer as usize]);
                if namer.is_some_and(|namer| {
                    is_single_year(single_year, namer) && !is_single_year(single_year, flat)
                }) {
                    out.same_money += 1;
                    continue;
                }
            }
            match single_year[flat as usize] {
                Some(_) => in_group[flat as usize] = true,
                None => other_periods.push((r.record, amount[flat as usize])),
            }
        }
        // (group and year, record, item, amount) of each figure added for one
        // year, in that order: a group's records together, a record's items in
        // order.
        let mut grouped: Vec<(u64, u32, u32, Money)> = Vec::with_capacity(in_view.len());
        for (&(key, record, flat), &amount) in self.group_order.iter().zip(&self.group_amount) {
            if in_group[flat as usize] {
                grouped.push((key, record, flat, amount));
            }
        }

        let mut years: BTreeMap<FinancialYear, YearTotal> = BTreeMap::new();
        // At most one contribution per figure, and one disagreeing entry per
        // figure: room for them at once (growing copied them at each step).
        out.contributions
            .reserve(grouped.len() + other_periods.len());
        out.disagreeing_items.reserve(grouped.len());
        for group in grouped.chunk_by(|a, b| a.0 == b.0) {
            // The low 16 bits are the year's start, put there above.
            let Some(year) = FinancialYear::starting(group[0].0 as u16) else {
                continue;
            };
            // Per record (one run each): the sum of its figures in this group.
            let sum_of = |run: &[(u64, u32, u32, Money)]| -> Money {
                Money(run.iter().fold(0u64, |sum, g| sum.saturating_add(g.3 .0)))
            };
            let first = group[0].1 as usize;
            let (mut low, mut high, mut sources) = (Money(u64::MAX), Money(0), 0);
            for run in group.chunk_by(|a, b| a.1 == b.1) {
                let sum = sum_of(run);
                low = low.min(sum);
                high = high.max(sum);
                sources += 1;
            }
            if sources > 1 {
                if low == high {
                    out.agreements += 1;
                } else {
                    // Kept as numbers; spelled out by `disagreements()`.
                    let n = out.disagreement_years.len() as u32;
                    out.disagreement_years.push(year);
                    out.disagreeing_items
                        .extend(group.iter().map(|&(_, record, flat, _)| {
                            (n, record, flat - self.item_start[record as usize])
                        }));
                }
            }
            out.contributions.push(Contribution {
                record: first,
                year: Some(year),
                low,
                high,
            });
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
}
