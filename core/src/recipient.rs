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
    /// The figure: one source's figures for the year and kind added (a
    /// record can give a year's money in parts).
    pub amount: Money,
    pub kind: MoneyKind,
    /// The recipients the sources give it to (ids, sorted): a figure for
    /// several organisations together is not compared with one for this
    /// organisation alone, as in the totals.
    pub recipients: Vec<String>,
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
    /// Whether sources give this year's money of one kind, for the same
    /// recipients, as different figures (the totals' rule for a range).
    pub fn sources_disagree(&self) -> bool {
        self.lines.iter().enumerate().any(|(i, a)| {
            self.lines[i + 1..]
                .iter()
                .any(|b| a.kind == b.kind && a.recipients == b.recipients && a.amount != b.amount)
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

/// What a source's name says after it when it is a text added in this
/// browser.
fn added_by_you(record: &crate::model::FundingRecord) -> &'static str {
    if record.kind == crate::model::RecordKind::Yours {
        " (added by you)"
    } else {
        ""
    }
}

impl RecipientPage {
    /// Every figure of money for this organisation as its source states it,
    /// one per source and figure, before any is merged or counted: the raw
    /// figures the page's rows are made from, in time order.
    pub fn raw_figures(&self, dataset: &Dataset) -> Vec<(String, String)> {
        let mut refs: Vec<(Option<FinancialYear>, ItemRef)> = self
            .years
            .iter()
            .flat_map(|y| y.lines.iter().flat_map(|l| l.sources.iter()))
            .chain(self.other_periods.iter().flat_map(|l| l.sources.iter()))
            .filter_map(|s| {
                let item = dataset.records.get(s.record)?.items.get(s.item)?;
                Some((item.period.single_year(), *s))
            })
            .collect();
        // Years in order; figures with no single year last.
        refs.sort_by_key(|(year, s)| (year.is_none(), *year, s.record, s.item));
        refs.into_iter()
            .filter_map(|(_, s)| {
                let record = dataset.records.get(s.record)?;
                let item = record.items.get(s.item)?;
                let period = item
                    .period_shown()
                    .unwrap_or_else(|| "period not stated".to_string());
                let publisher = record
                    .publisher
                    .clone()
                    .unwrap_or_else(|| "Publisher not stated".into());
                let yours = added_by_you(record);
                Some((
                    format!(
                        "{} ({}), {period}: {publisher}{yours}. {}.",
                        item.stated_as,
                        item.amount.full(),
                        item.kind_shown()
                    ),
                    record.id.clone(),
                ))
            })
            .collect()
    }

    /// How many kinds of money its figures are (a line names its kind only
    /// where there is more than one).
    pub fn kinds(&self) -> usize {
        let mut kinds: Vec<MoneyKind> = self
            .years
            .iter()
            .flat_map(|y| y.lines.iter())
            .chain(&self.other_periods)
            .map(|l| l.kind)
            .collect();
        kinds.sort();
        kinds.dedup();
        kinds.len()
    }
}

/// A row of a recipient page's table: one figure in one year, with every
/// source that gives it; the first row of a year names the year and says
/// what the totals count for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientRow {
    /// The year, on the first row of each year only.
    pub year: Option<String>,
    pub figure: String,
    /// The kind of money, where the page holds more than one kind.
    pub kind: Option<String>,
    /// `jointly with …` for a figure given to several recipients together.
    pub jointly: Option<String>,
    /// Each source's words and the record it opens.
    pub sources: Vec<(String, String)>,
    /// On the first row of a year: whether sources disagree or agree, and
    /// what the totals count.
    pub agreement: Option<Agreement>,
    pub counted: Option<String>,
}

/// What a year's sources say together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    Disagree,
    Agree,
    /// One source only: nothing to say.
    Single,
}

/// A figure over several years or with no single year: what it is, and
/// each source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherPeriodLine {
    pub figure: String,
    pub sources: Vec<(String, String)>,
}

impl RecipientPage {
    /// The table's rows, year by year.
    pub fn rows(&self, dataset: &Dataset) -> Vec<RecipientRow> {
        let organisation = dataset
            .organisations
            .get(self.organisation)
            .map(|o| o.id.as_str())
            .unwrap_or_default();
        let several_kinds = self.kinds() > 1;
        let mut rows = Vec::new();
        for year in &self.years {
            for (n, line) in year.lines.iter().enumerate() {
                let others = line.jointly_with(dataset, organisation);
                let first = n == 0;
                rows.push(RecipientRow {
                    year: first.then(|| year.year.to_string()),
                    figure: line.stated(dataset),
                    kind: several_kinds.then(|| line.kind.short_name()),
                    jointly: (!others.is_empty())
                        .then(|| format!("jointly with {}", others.join(", "))),
                    sources: line.source_names(dataset),
                    agreement: first.then(|| {
                        if year.sources_disagree() {
                            Agreement::Disagree
                        } else if year.lines.iter().any(|l| l.sources.len() > 1) {
                            Agreement::Agree
                        } else {
                            Agreement::Single
                        }
                    }),
                    counted: first.then(|| year.counted.join("; ")),
                });
            }
        }
        rows
    }

    /// The figures over several years or with no single year.
    pub fn other_period_lines(&self, dataset: &Dataset) -> Vec<OtherPeriodLine> {
        self.other_periods
            .iter()
            .map(|line| OtherPeriodLine {
                figure: format!("{} ({}): ", line.stated(dataset), line.kind.short_name()),
                sources: line.source_names(dataset),
            })
            .collect()
    }
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
    // Figures for one year, each record's summed per year and kind (as the
    // totals sum them), then merged with other records' equal sums.
    let mut sums: Vec<(FinancialYear, MoneyKind, usize, Money, Vec<ItemRef>)> = Vec::new();
    for &(at, item) in &figures {
        let Some(year) = item.period.single_year() else {
            continue;
        };
        let kind = MoneyKind::of(item.stream, item.money_type);
        match sums
            .iter_mut()
            .find(|s| s.0 == year && s.1 == kind && s.2 == at.record)
        {
            Some(sum) => {
                sum.3 = Money(sum.3 .0.saturating_add(item.amount.0));
                sum.4.push(at);
            }
            None => sums.push((year, kind, at.record, item.amount, vec![at])),
        }
    }
    for (year, kind, record, amount, items) in sums {
        let mut recipients = dataset.records[record].recipients.clone();
        recipients.sort();
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
        match lines
            .iter_mut()
            .find(|l| l.kind == kind && l.amount == amount && l.recipients == recipients)
        {
            Some(line) => line.sources.extend(items),
            None => lines.push(FigureLine {
                amount,
                kind,
                recipients,
                sources: items,
            }),
        }
    }
    // A figure with no single year joins the line of the figure it is the
    // same money as, if there is one; else it is a line of its own.
    let item_of = |r: &ItemRef| {
        dataset
            .records
            .get(r.record)
            .and_then(|x| x.items.get(r.item))
    };
    for &(at, item) in figures
        .iter()
        .filter(|(_, i)| i.period.single_year().is_none())
    {
        let same_money = |other: &FundingItem| {
            item.same_as.as_deref() == Some(other.id.as_str())
                || other.same_as.as_deref() == Some(item.id.as_str())
        };
        let line = years
            .iter_mut()
            .flat_map(|y| y.lines.iter_mut())
            .chain(other_periods.iter_mut())
            .find(|l| l.sources.iter().filter_map(item_of).any(same_money));
        match line {
            Some(line) => line.sources.push(at),
            None => {
                let mut recipients = dataset.records[at.record].recipients.clone();
                recipients.sort();
                other_periods.push(FigureLine {
                    amount: item.amount,
                    kind: MoneyKind::of(item.stream, item.money_type),
                    recipients,
                    sources: vec![at],
                });
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
                kind.short_name(),
                Totals::sum_text(y.low, y.high, y.bound)
            ));
        }
    }
    for other in &totals.others {
        if let Some(y) = other.by_year.iter().find(|y| y.year == Some(year)) {
            out.push(format!(
                "{}: {}",
                other.kind.short_name(),
                Totals::sum_text(y.low, y.high, y.bound)
            ));
        }
    }
    out
}

impl FigureLine {
    /// The figure as its sources write it: a source's parts joined with
    /// "+", each way of writing it once ("£4.4m / £4.4million").
    pub fn stated(&self, dataset: &Dataset) -> String {
        let mut ways: Vec<String> = Vec::new();
        for run in self.sources.chunk_by(|a, b| a.record == b.record) {
            let way = run
                .iter()
                .filter_map(|s| dataset.records.get(s.record)?.items.get(s.item))
                .map(|i| i.stated_as.as_str())
                .collect::<Vec<_>>()
                .join(" + ");
            if !ways.contains(&way) {
                ways.push(way);
            }
        }
        ways.join(" / ")
    }

    /// The other recipients a joint figure is for, by name.
    pub fn jointly_with(&self, dataset: &Dataset, organisation: &str) -> Vec<String> {
        self.recipients
            .iter()
            .filter(|id| id.as_str() != organisation)
            .filter_map(|id| dataset.organisation(id).map(|o| o.name.clone()))
            .collect()
    }

    /// Each source: who published it and when, and the record's id (for a
    /// link that opens it).
    pub fn source_names(&self, dataset: &Dataset) -> Vec<(String, String)> {
        self.sources
            .chunk_by(|a, b| a.record == b.record)
            .filter_map(|run| {
                let s = run.first()?;
                let record = dataset.records.get(s.record)?;
                let item = record.items.get(s.item)?;
                let publisher = record
                    .publisher
                    .clone()
                    .unwrap_or_else(|| "Publisher not stated".into());
                let date = record
                    .published_on
                    .map_or_else(|| "undated".to_string(), |d| d.readable());
                let period = match (item.period.stated(), &item.period_inferred) {
                    (Some(period), Some(_)) => format!("{period}, year inferred"),
                    (Some(period), None) => period,
                    (None, _) => "period not stated".into(),
                };
                let yours = added_by_you(record);
                Some((
                    format!("{publisher}, {date} ({period}){yours}"),
                    record.id.clone(),
                ))
            })
            .collect()
    }
}
