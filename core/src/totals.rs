//! Totals of the money in a view, adding only like with like:
//! - only money for recipients is added; programme totals, fund sizes and
//!   context figures are counted and shown, never added;
//! - money of one kind (stream and type, see [`MoneyKind`]) is added only to
//!   money of the same kind: the headline is NHS England's transformation
//!   funding, and every other kind has a total of its own;
//! - only figures for one financial year are added, into that year; a figure
//!   over several years or with no stated year is listed on its own, never
//!   added and never spread over years by guess;
//! - a breakdown line is not added when the whole it is part of is in the
//!   view and states the same period (a year's slice of a five-year whole is
//!   that year's money, counted once whether or not the whole is in view);
//! - a qualified figure ("over £8.5m", "almost £5m") keeps its qualifier in
//!   every sum it is part of ("at least", "about");
//! - a figure marked as the same money as another source's is added once;
//! - where sources give one recipient different figures for the same year, the
//!   total is a range (lowest to highest) and the disagreement is listed.

use crate::model::{Dataset, FundingStream, MoneyType, Role};
use crate::money::{Money, Qualifier};
use crate::period::FinancialYear;
use std::collections::BTreeMap;

/// A funding item in a view: indexes into `dataset.records` and its `items`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ItemRef {
    pub record: usize,
    pub item: usize,
}

/// Which total money for a recipient is added into: figures of one kind
/// add up, figures of two kinds never do. The headline kind is NHS
/// England's national transformation funding (the vanguard fund and
/// integrated care system transformation funding), revenue or not stated
/// as either; each other stream and type is a kind of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MoneyKind(u8);

impl MoneyKind {
    pub const NATIONAL_TRANSFORMATION: MoneyKind = MoneyKind(0);

    pub fn of(stream: FundingStream, money_type: MoneyType) -> MoneyKind {
        if stream.is_national_transformation() && money_type != MoneyType::Capital {
            return MoneyKind::NATIONAL_TRANSFORMATION;
        }
        let s = FundingStream::ALL.iter().position(|x| *x == stream);
        let t = MoneyType::ALL.iter().position(|x| *x == money_type);
        let (s, t) = (s.unwrap_or(0), t.unwrap_or(0));
        MoneyKind(1 + (s * MoneyType::ALL.len() + t) as u8)
    }

    /// The stream and type of a kind other than the headline's.
    fn parts(self) -> Option<(FundingStream, MoneyType)> {
        let n = usize::from(self.0.checked_sub(1)?);
        let types = MoneyType::ALL.len();
        Some((
            *FundingStream::ALL.get(n / types)?,
            *MoneyType::ALL.get(n % types)?,
        ))
    }

    /// The name inside a sentence: "devolved transformation funds ...",
    /// while "NHS England ..." keeps its capitals.
    pub fn name_in_sentence(self) -> String {
        lower_first(&self.name())
    }

    /// A short name, where the long one has been given nearby.
    pub fn short_name(self) -> String {
        match self.parts() {
            None => "NHS England transformation funding".to_string(),
            Some((stream, MoneyType::NotStated)) => stream.name().to_string(),
            Some((stream, money_type)) => {
                format!("{}: {}", stream.name(), money_type.name().to_lowercase())
            }
        }
    }

    /// What the kind is, as a total's heading says it.
    pub fn name(self) -> String {
        match self.parts() {
            None => "NHS England transformation funding for vanguards and integrated care systems (capital left out)".to_string(),
            Some((stream, MoneyType::NotStated)) => {
                format!("{} (not stated as revenue or capital)", stream.name())
            }
            Some((stream, money_type)) => {
                format!("{}: {}", stream.name(), money_type.name().to_lowercase())
            }
        }
    }
}

/// How exactly a sum is known, from the qualifiers of the figures in it:
/// "over £8.5m" makes a sum "at least", "almost £5m" "about", "up to £450m"
/// "up to". Bits, so that a sum's bound is its figures' bounds together.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Bound(u8);

impl Bound {
    pub const EXACT: Bound = Bound(0);
    const AT_LEAST: u8 = 1;
    const ABOUT: u8 = 2;
    const AT_MOST: u8 = 4;

    pub fn of(qualifier: Option<Qualifier>) -> Bound {
        Bound(match qualifier {
            None => 0,
            Some(Qualifier::Over | Qualifier::MoreThan) => Self::AT_LEAST,
            Some(Qualifier::Almost | Qualifier::Nearly | Qualifier::Around) => Self::ABOUT,
            Some(Qualifier::UpTo) => Self::AT_MOST,
        })
    }

    pub fn and(self, other: Bound) -> Bound {
        Bound(self.0 | other.0)
    }

    pub fn is_exact(self) -> bool {
        self.0 == 0
    }

    /// The word put before a sum: None for an exact one, "about" where its
    /// figures are approximate or bounded both ways.
    pub fn word(self) -> Option<&'static str> {
        match self.0 {
            0 => None,
            Self::AT_LEAST => Some("at least"),
            Self::AT_MOST => Some("up to"),
            _ => Some("about"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearTotal {
    pub year: Option<FinancialYear>,
    pub low: Money,
    pub high: Money,
    /// Figures added (a disagreement counts as one).
    pub figures: usize,
    pub bound: Bound,
    /// Figures added whose year is inferred, not stated by their source.
    pub inferred: usize,
}

/// The total of one kind of money other than the headline's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindTotal {
    pub kind: MoneyKind,
    pub by_year: Vec<YearTotal>,
    pub low: Money,
    pub high: Money,
    pub figures: usize,
    pub bound: Bound,
    pub inferred: usize,
}

/// A figure of money for a recipient over several years, or with no single
/// stated year: listed on its own, never added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpanFigure {
    pub record: usize,
    pub item: usize,
    pub kind: MoneyKind,
}

impl SpanFigure {
    /// The figure as a line of its own: who, how much as stated, over what
    /// period, and what kind of money it is.
    pub fn describe(&self, dataset: &Dataset) -> String {
        let Some(record) = dataset.records.get(self.record) else {
            return String::new();
        };
        let Some(item) = record.items.get(self.item) else {
            return String::new();
        };
        let who = dataset.recipient_names(record).join(", ");
        let period = match item.period.stated() {
            Some(period) => period,
            None => "period not stated".to_string(),
        };
        format!("{who}: {}, {period}. {}.", item.stated_as, self.kind.name())
    }
}

impl OverfullWhole {
    /// The flag shown beside a whole whose parts add to more than it.
    pub fn describe(&self, dataset: &Dataset) -> String {
        let Some(record) = dataset.records.get(self.record) else {
            return String::new();
        };
        let Some(item) = record.items.get(self.item) else {
            return String::new();
        };
        format!(
            "{}: the breakdown of \"{}\" adds to {}, more than the whole.",
            dataset.recipient_names(record).join(", "),
            item.stated_as,
            self.parts.compact()
        )
    }
}

/// What the totals did with one figure in view, and why: the page's CSV
/// gives each figure this, so that its counted figures add up to the
/// totals shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemAccount {
    pub item: ItemRef,
    pub kind: MoneyKind,
    /// Added into the low end of its kind's total (every counted figure,
    /// and where sources disagree, the lowest source's).
    pub in_low: bool,
    /// Added into the high end (where sources disagree, the highest's).
    pub in_high: bool,
    pub reason: CountReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountReason {
    Counted,
    /// Not money for one recipient: a programme total, fund size or context.
    NotMoneyForRecipient(Role),
    PartOfWholeInView,
    SameMoneyAsAnother,
    /// Another source gives the same amount for the same recipient and year.
    AgreesWithAnotherSource,
    /// Sources disagree for this recipient and year; this is the lowest,
    /// the highest, or between them.
    LowestOfDisagreeing,
    HighestOfDisagreeing,
    BetweenDisagreeing,
    /// Over several years or with no single year: listed on its own.
    NoSingleYear,
}

impl CountReason {
    pub fn text(self) -> String {
        match self {
            CountReason::Counted => String::new(),
            CountReason::NotMoneyForRecipient(role) => format!(
                "{}: not money for one recipient, never added",
                role.name()
            ),
            CountReason::PartOfWholeInView => {
                "A breakdown line: counted within its whole, which is in view".to_string()
            }
            CountReason::SameMoneyAsAnother => {
                "The same money as another source's figure in view, counted once there".to_string()
            }
            CountReason::AgreesWithAnotherSource => {
                "Another source gives the same amount for this recipient and year: counted once"
                    .to_string()
            }
            CountReason::LowestOfDisagreeing => {
                "Sources disagree for this recipient and year: the lowest, counted in the low end of the range".to_string()
            }
            CountReason::HighestOfDisagreeing => {
                "Sources disagree for this recipient and year: the highest, counted in the high end of the range".to_string()
            }
            CountReason::BetweenDisagreeing => {
                "Sources disagree for this recipient and year: between the lowest and highest, not added".to_string()
            }
            CountReason::NoSingleYear => {
                "Over several years or with no single stated year: listed on its own, never added into a year".to_string()
            }
        }
    }
}

/// A whole whose breakdown lines add to more than it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverfullWhole {
    pub record: usize,
    pub item: usize,
    pub parts: Money,
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

    /// Who gives it: the publisher, or the record's title when none is
    /// stated; a text added in this browser says so.
    pub fn source(&self, dataset: &Dataset) -> String {
        dataset
            .records
            .get(self.record)
            .map_or_else(String::new, |r| {
                let who = r
                    .publisher
                    .clone()
                    .unwrap_or_else(|| r.display_title(dataset));
                if r.kind == crate::model::RecordKind::Yours {
                    format!("{who}, added by you")
                } else {
                    who
                }
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

    /// The recipients, the year and each source's figure:
    /// `All Together Better Sunderland, 2015/16: £6.77m (HSJ) or £6.5m (LGC)`.
    pub fn sentence(&self, dataset: &Dataset) -> String {
        let figures: Vec<String> = self
            .figures
            .iter()
            .map(|f| format!("{} ({})", f.stated_as(dataset), f.source(dataset)))
            .collect();
        format!(
            "{}, {}: {}",
            self.recipients(dataset),
            self.year,
            figures.join(" or ")
        )
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
    pub kind: MoneyKind,
    pub bound: Bound,
    /// Whether a text added in this browser gives its lowest or highest
    /// figure where no published source gives the same: the total would
    /// differ without it, so the page says so wherever it is added.
    pub rests_on_yours: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// What was added, one entry per reconciled recipient-year, of every
    /// kind: the charts draw the headline's, so they follow the same rules.
    pub contributions: Vec<Contribution>,
    /// The kind of money the headline total adds: NHS England's
    /// transformation funding when the view has any, else the first kind
    /// it has; None when no figure in view is for one year.
    pub headline: Option<MoneyKind>,
    /// The headline total, by year and over all years.
    pub by_year: Vec<YearTotal>,
    pub low: Money,
    pub high: Money,
    pub bound: Bound,
    /// Figures added into the headline total.
    pub figures_added: usize,
    /// Of those, figures whose year is inferred, not stated by their source.
    pub inferred: usize,
    /// Every other kind of money in view, each totalled on its own.
    pub others: Vec<KindTotal>,
    /// Figures over several years or with no stated year, not added.
    pub spans: Vec<SpanFigure>,
    /// Wholes in view whose parts add to more than them.
    pub overfull: Vec<OverfullWhole>,
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

    /// Whether the total of money of `kind` rests on a text added in this
    /// browser: a figure only such a text gives, or the end of a range that
    /// only it gives.
    pub fn rests_on_yours(&self, kind: MoneyKind) -> bool {
        self.contributions
            .iter()
            .any(|c| c.kind == kind && c.rests_on_yours)
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

    /// A sum as words with what its figures' qualifiers make it: `at least
    /// £8.5m`, `about £5m to £5.2m`.
    pub fn sum_text(low: Money, high: Money, bound: Bound) -> String {
        match bound.word() {
            Some(word) => format!("{word} {}", Totals::amount_text(low, high)),
            None => Totals::amount_text(low, high),
        }
    }

    /// The headline total as words, with its bound.
    pub fn headline_text(&self) -> String {
        Totals::sum_text(self.low, self.high, self.bound)
    }

    /// What the headline total adds, in one sentence.
    pub fn headline_sentence(&self) -> String {
        match self.headline {
            None => "No figure of money for a recipient in this view is for one financial year, so nothing is added up: each is listed on its own.".to_string(),
            Some(kind) => format!(
                "Adds money for recipients of one kind, {}, one financial year at a time: {} figure{}{}.",
                kind.name_in_sentence(),
                self.figures_added,
                plural(self.figures_added),
                if self.others.is_empty() && self.spans.is_empty() {
                    String::new()
                } else {
                    "; other kinds of money, and figures over several years or with no stated year, are shown on their own".to_string()
                }
            ),
        }
    }

    /// What the total includes and leaves out, in plain sentences.
    pub fn explanation(&self) -> Vec<String> {
        let mut lines = vec![self.headline_sentence()];
        if !self.others.is_empty() {
            lines.push(format!(
                "{} other kind{} of money for recipients {} totalled on {} own, never added to the headline.",
                self.others.len(),
                plural(self.others.len()),
                if self.others.len() == 1 { "is" } else { "are" },
                if self.others.len() == 1 { "its" } else { "their" },
            ));
        }
        if !self.spans.is_empty() {
            lines.push(format!(
                "{} figure{} over several years or with no single stated year {} listed on {} own: never added into a year, never spread over years.",
                self.spans.len(),
                plural(self.spans.len()),
                if self.spans.len() == 1 { "is" } else { "are" },
                if self.spans.len() == 1 { "its" } else { "their" },
            ));
        }
        let not_added: Vec<String> = self
            .not_added
            .iter()
            .map(|(role, n)| format!("{n} {}{}", role.name().to_ascii_lowercase(), plural(*n)))
            .collect();
        if !not_added.is_empty() {
            lines.push(format!(
                "Not added: {} (shown, but they are not money for one recipient).",
                not_added.join(", ")
            ));
        }
        if self.inferred > 0 {
            lines.push(format!(
                "{} of the figures added {} a year its source does not state: it is inferred, and each such figure says why.",
                self.inferred,
                if self.inferred == 1 { "has" } else { "have" },
            ));
        }
        if let Some(word) = self.bound.word() {
            lines.push(format!(
                "Some figures added are stated with a qualifier (\"over\", \"almost\", \"up to\"), so the total is {word} the amount shown."
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
        if !self.overfull.is_empty() {
            lines.push(format!(
                "{} whole{} in view {} breakdown lines that add to more than {}: flagged where {} listed.",
                self.overfull.len(),
                plural(self.overfull.len()),
                if self.overfull.len() == 1 { "has" } else { "have" },
                if self.overfull.len() == 1 { "it" } else { "them" },
                if self.overfull.len() == 1 { "it is" } else { "they are" },
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

fn lower_first(text: &str) -> String {
    // Names that start with an acronym ("NHS", "STP") keep their capitals.
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            let mut out = a.to_lowercase().to_string();
            out.push(b);
            out.extend(chars);
            out
        }
        _ => text.to_string(),
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

/// The order the totals group figures in, as one number: by kind of money,
/// then recipients, then year.
fn group_key(kind: MoneyKind, group: u32, year: FinancialYear) -> u64 {
    u64::from(kind.0) << 48 | u64::from(group) << 16 | u64::from(year.start_year())
}

fn split_group_key(key: u64) -> (MoneyKind, Option<FinancialYear>) {
    (
        MoneyKind((key >> 48) as u8),
        FinancialYear::starting(key as u16),
    )
}

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
    single_year: Vec<Option<FinancialYear>>,
    kind: Vec<MoneyKind>,
    bound: Vec<Bound>,
    /// Per flat item: whether its year is inferred rather than stated.
    inferred: Vec<bool>,
    /// Per record: whether it is a text added in this browser.
    yours: Vec<bool>,
    /// Wholes whose parts add to more than them: (whole, the parts' sum).
    overfull: Vec<(u32, Money)>,
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
        let kind: Vec<MoneyKind> = items()
            .map(|i| MoneyKind::of(i.stream, i.money_type))
            .collect();
        let mut group_order = Vec::new();
        for (record, group) in recipient_group.iter().enumerate() {
            for flat in item_start[record]..item_start[record + 1] {
                if let Some(year) = single_year[flat as usize] {
                    let key = group_key(kind[flat as usize], *group, year);
                    group_order.push((key, record as u32, flat));
                }
            }
        }
        crate::order::sort_keyed(&mut group_order);
        let amount: Vec<Money> = items().map(|i| i.amount).collect();
        let mut parts_sum: BTreeMap<u32, u64> = BTreeMap::new();
        for (flat, w) in whole.iter().enumerate() {
            if *w != NO_ITEM {
                let sum = parts_sum.entry(*w).or_default();
                *sum = sum.saturating_add(amount[flat].0);
            }
        }
        let overfull = parts_sum
            .into_iter()
            .filter(|(w, sum)| *sum > amount[*w as usize].0)
            .map(|(w, sum)| (w, Money(sum)))
            .collect();
        TotalsIndex {
            kind,
            bound: items().map(|i| Bound::of(i.qualifier)).collect(),
            inferred: items().map(|i| i.period_inferred.is_some()).collect(),
            yours: dataset
                .records
                .iter()
                .map(|r| r.kind == crate::model::RecordKind::Yours)
                .collect(),
            overfull,
            role: items().map(|i| i.role).collect(),
            group_amount: group_order.iter().map(|g| amount[g.2 as usize]).collect(),
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
        self.totals_and_accounts(selection, None)
    }

    /// The totals, and what they did with each figure in view and why.
    pub fn accounts(&self, selection: &[ItemRef]) -> (Totals, Vec<ItemAccount>) {
        let mut accounts = Vec::with_capacity(selection.len());
        let totals = self.totals_and_accounts(selection, Some(&mut accounts));
        (totals, accounts)
    }

    fn totals_and_accounts(
        &self,
        selection: &[ItemRef],
        mut accounts: Option<&mut Vec<ItemAccount>>,
    ) -> Totals {
        let mut out = Totals::default();
        // Accounts are asked for by a download, not on every change: the
        // page's runs skip the work of writing them.
        let keep_accounts = accounts.is_some();
        let mut account = |item: ItemRef, flat: u32, low: bool, high: bool, reason| {
            if let Some(accounts) = accounts.as_deref_mut() {
                accounts.push(ItemAccount {
                    item,
                    kind: self.kind[flat as usize],
                    in_low: low,
                    in_high: high,
                    reason,
                });
            }
        };
        // Slices rather than the vectors, and the two tests below as inlined
        // functions rather than closures: in the size-optimised build each
        // index into a vector and each closure is a call, and this reads
        // several columns for every figure in view.
        let (roles, whole, same_as, single_year) = (
            self.role.as_slice(),
            self.whole.as_slice(),
            self.same_as.as_slice(),
            self.single_year.as_slice(),
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

        for &(r, flat) in &in_view {
            let role = roles[flat as usize];
            if role != Role::Allocation {
                *not_added.entry(role).or_default() += 1;
                account(
                    r,
                    flat,
                    false,
                    false,
                    CountReason::NotMoneyForRecipient(role),
                );
                continue;
            }
            out.allocations += 1;
            // A part is counted within its whole when both state the same
            // period; a year's slice of a longer whole is that year's money.
            let its_whole = whole[flat as usize];
            if shown(position, its_whole)
                && single_year[its_whole as usize] == single_year[flat as usize]
            {
                out.parts_of_wholes += 1;
                account(r, flat, false, false, CountReason::PartOfWholeInView);
                continue;
            }
            // Of two items that are the same money, keep the one that states a
            // single year; if both or neither do, keep the one the other names.
            // Two that state different years are each their year's money: a
            // year's total must not depend on whether another year is in view.
            let other = same_as[flat as usize];
            if shown(position, other)
                && (!is_single_year(single_year, flat) || is_single_year(single_year, other))
                && (single_year[flat as usize] == single_year[other as usize]
                    || !is_single_year(single_year, other)
                    || !is_single_year(single_year, flat))
            {
                out.same_money += 1;
                account(r, flat, false, false, CountReason::SameMoneyAsAnother);
                continue;
            }
            // A figure with no single year is left to any figure in view
            // that names it as the same money and states one (whatever the
            // order of the selection).
            if !self.named_by.is_empty() && !is_single_year(single_year, flat) {
                let from = self.named_by.partition_point(|(named, _)| *named < flat);
                let named_by_a_year = self.named_by[from..]
                    .iter()
                    .take_while(|(named, _)| *named == flat)
                    .any(|(_, namer)| {
                        shown(position, *namer) && is_single_year(single_year, *namer)
                    });
                if named_by_a_year {
                    out.same_money += 1;
                    account(r, flat, false, false, CountReason::SameMoneyAsAnother);
                    continue;
                }
            }
            match single_year[flat as usize] {
                Some(_) => in_group[flat as usize] = true,
                None => {
                    out.spans.push(SpanFigure {
                        record: r.record,
                        item: r.item,
                        kind: self.kind[flat as usize],
                    });
                    account(r, flat, false, false, CountReason::NoSingleYear);
                }
            }
        }
        for &(w, parts) in &self.overfull {
            if shown(position, w) {
                let record = self.item_start.partition_point(|s| *s <= w) - 1;
                out.overfull.push(OverfullWhole {
                    record,
                    item: (w - self.item_start[record]) as usize,
                    parts,
                });
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

        // Per kind, per year: the total.
        let mut years: BTreeMap<(MoneyKind, FinancialYear), YearTotal> = BTreeMap::new();
        // At most one contribution per figure, and one disagreeing entry per
        // figure: room for them at once (growing copied them at each step).
        out.contributions.reserve(grouped.len());
        out.disagreeing_items.reserve(grouped.len());
        for group in grouped.chunk_by(|a, b| a.0 == b.0) {
            let (kind, year) = split_group_key(group[0].0);
            let Some(year) = year else {
                continue;
            };
            // Per record (one run each): the sum of its figures in this group.
            let sum_of = |run: &[(u64, u32, u32, Money)]| -> Money {
                Money(run.iter().fold(0u64, |sum, g| sum.saturating_add(g.3 .0)))
            };
            let first = group[0].1 as usize;
            let (mut low, mut high, mut sources) = (Money(0), Money(0), 0);
            let mut bound = Bound::EXACT;
            let mut inferred = false;
            // Which source's figures each end of the range adds: the first
            // with the lowest sum and the first with the highest.
            let (mut low_run, mut high_run) = (0, 0);
            for run in group.chunk_by(|a, b| a.1 == b.1) {
                let sum = sum_of(run);
                if sum < low || sources == 0 {
                    low = sum;
                    low_run = run[0].1;
                }
                if sum > high || sources == 0 {
                    high = sum;
                    high_run = run[0].1;
                }
                sources += 1;
                for g in run {
                    bound = bound.and(self.bound[g.2 as usize]);
                    inferred |= self.inferred[g.2 as usize];
                }
            }
            // Each end of the range, unless a published source gives it too.
            let published_gives = |end: Money| {
                group
                    .chunk_by(|a, b| a.1 == b.1)
                    .any(|run| !self.yours[run[0].1 as usize] && sum_of(run) == end)
            };
            let rests_on_yours = group.iter().any(|g| self.yours[g.1 as usize])
                && !(published_gives(low) && published_gives(high));
            for &(_, record, flat, _) in group.iter().filter(|_| keep_accounts) {
                let (in_low, in_high) = (record == low_run, record == high_run);
                let reason = match (sources > 1, low == high, in_low, in_high) {
                    (false, _, _, _) => CountReason::Counted,
                    (true, true, true, _) => CountReason::Counted,
                    (true, true, false, _) => CountReason::AgreesWithAnotherSource,
                    (true, false, true, _) => CountReason::LowestOfDisagreeing,
                    (true, false, _, true) => CountReason::HighestOfDisagreeing,
                    (true, false, false, false) => CountReason::BetweenDisagreeing,
                };
                let item = ItemRef {
                    record: record as usize,
                    item: (flat - self.item_start[record as usize]) as usize,
                };
                account(item, flat, in_low, in_high, reason);
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
                kind,
                bound,
                rests_on_yours,
            });
            let total = years.entry((kind, year)).or_insert(YearTotal {
                year: Some(year),
                low: Money(0),
                high: Money(0),
                figures: 0,
                bound: Bound::EXACT,
                inferred: 0,
            });
            total.low = Money(total.low.0.saturating_add(low.0));
            total.high = Money(total.high.0.saturating_add(high.0));
            total.figures += 1;
            total.bound = total.bound.and(bound);
            total.inferred += usize::from(inferred);
        }
        let mut kinds: Vec<KindTotal> = Vec::new();
        for ((kind, _), year) in years {
            if kinds.last().is_none_or(|k| k.kind != kind) {
                kinds.push(KindTotal {
                    kind,
                    by_year: Vec::new(),
                    low: Money(0),
                    high: Money(0),
                    figures: 0,
                    bound: Bound::EXACT,
                    inferred: 0,
                });
            }
            if let Some(k) = kinds.last_mut() {
                k.low = Money(k.low.0.saturating_add(year.low.0));
                k.high = Money(k.high.0.saturating_add(year.high.0));
                k.figures += year.figures;
                k.bound = k.bound.and(year.bound);
                k.inferred += year.inferred;
                k.by_year.push(year);
            }
        }
        let mut kinds = kinds.into_iter();
        if let Some(headline) = kinds.next() {
            out.headline = Some(headline.kind);
            out.by_year = headline.by_year;
            out.low = headline.low;
            out.high = headline.high;
            out.bound = headline.bound;
            out.figures_added = headline.figures;
            out.inferred = headline.inferred;
        }
        out.others = kinds.collect();
        out.not_added = not_added.into_iter().collect();
        out
    }
}
