//! What the page shows: the search, the filters, the sort and the open record.
//! Plain data, so a view can be compared, stored in a link and restored.

use crate::money::Money;
use std::collections::{BTreeMap, BTreeSet};

/// A way to narrow the records, with one URL parameter each. Within a facet
/// the chosen values are alternatives (OR); across facets all must hold (AND).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Programme,
    CareModel,
    Recipient,
    FinancialYear,
    YearAnnounced,
    Publisher,
    Role,
    /// The fund money comes from, as its source names it (record-level: a
    /// record shows under each stream its figures have).
    Stream,
    /// Revenue, capital or not stated (record-level, like `Stream`).
    MoneyType,
    FullText,
}

impl Facet {
    pub const ALL: [Facet; 10] = [
        Facet::Programme,
        Facet::CareModel,
        Facet::FinancialYear,
        Facet::Role,
        Facet::Stream,
        Facet::MoneyType,
        Facet::Recipient,
        Facet::YearAnnounced,
        Facet::Publisher,
        Facet::FullText,
    ];

    /// The heading a person sees.
    pub fn title(self) -> &'static str {
        match self {
            Facet::Programme => "Programme",
            Facet::CareModel => "Care model",
            Facet::Recipient => "Recipient",
            Facet::FinancialYear => "Financial year",
            Facet::YearAnnounced => "Year announced",
            Facet::Publisher => "Publisher",
            Facet::Role => "Kind of figure",
            Facet::Stream => "Fund",
            Facet::MoneyType => "Revenue or capital",
            Facet::FullText => "Source",
        }
    }

    /// A short name for element ids (`facet-caremodel-mcp`).
    pub fn id_name(self) -> &'static str {
        match self {
            Facet::Programme => "programme",
            Facet::CareModel => "caremodel",
            Facet::Recipient => "recipient",
            Facet::FinancialYear => "financialyear",
            Facet::YearAnnounced => "yearannounced",
            Facet::Publisher => "publisher",
            Facet::Role => "role",
            Facet::Stream => "stream",
            Facet::MoneyType => "moneytype",
            Facet::FullText => "fulltext",
        }
    }

    /// Whether the facet is decided by each funding item (a record passes when
    /// one of its items does) rather than by the record as a whole.
    pub const fn is_per_item(self) -> bool {
        matches!(self, Facet::FinancialYear | Facet::Role)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Best match first; with no search, full texts first, newest first.
    #[default]
    Relevance,
    AmountHighToLow,
    AmountLowToHigh,
    NewestFirst,
    OldestFirst,
    RecipientAToZ,
}

impl SortOrder {
    pub const ALL: [SortOrder; 6] = [
        SortOrder::Relevance,
        SortOrder::AmountHighToLow,
        SortOrder::AmountLowToHigh,
        SortOrder::NewestFirst,
        SortOrder::OldestFirst,
        SortOrder::RecipientAToZ,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::AmountHighToLow => "amount-desc",
            SortOrder::AmountLowToHigh => "amount-asc",
            SortOrder::NewestFirst => "date-desc",
            SortOrder::OldestFirst => "date-asc",
            SortOrder::RecipientAToZ => "recipient",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Relevance => "Relevance",
            SortOrder::AmountHighToLow => "Amount, high to low",
            SortOrder::AmountLowToHigh => "Amount, low to high",
            SortOrder::NewestFirst => "Date, newest first",
            SortOrder::OldestFirst => "Date, oldest first",
            SortOrder::RecipientAToZ => "Recipient, A to Z",
        }
    }

    pub fn from_code(code: &str) -> Option<SortOrder> {
        SortOrder::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The search as typed.
    pub query: String,
    /// Chosen values per facet, as the facet's codes (see `facets`).
    pub filters: BTreeMap<Facet, BTreeSet<String>>,
    /// Only figures of at least this much.
    pub min_amount: Option<Money>,
    /// Only figures of at most this much.
    pub max_amount: Option<Money>,
    pub sort: SortOrder,
    /// The record open in the reader, by id.
    pub open: Option<String>,
    /// The organisation whose page (every figure, year by year and source
    /// by source) is in the reader when no record is open, by id.
    pub about: Option<String>,
}

impl ViewState {
    pub fn selected(&self, facet: Facet) -> Option<&BTreeSet<String>> {
        self.filters.get(&facet).filter(|s| !s.is_empty())
    }

    pub fn is_selected(&self, facet: Facet, code: &str) -> bool {
        self.selected(facet).is_some_and(|s| s.contains(code))
    }

    /// Turns one facet value on or off.
    pub fn toggle(&mut self, facet: Facet, code: &str) {
        let set = self.filters.entry(facet).or_default();
        if !set.remove(code) {
            set.insert(code.to_string());
        }
        if set.is_empty() {
            self.filters.remove(&facet);
        }
    }

    /// Narrows each named facet to the one value given (a chart's bar):
    /// other values of those facets are dropped, other facets kept.
    pub fn narrow_to(&mut self, values: &[(Facet, String)]) {
        for (facet, code) in values {
            // Inserted, not collected: a collected set brings its own copy
            // of the standard sort into the page.
            let mut chosen = BTreeSet::new();
            chosen.insert(code.clone());
            self.filters.insert(*facet, chosen);
        }
    }

    /// Whether anything narrows the records (search, filters or amounts).
    pub fn is_narrowed(&self) -> bool {
        !self.query.trim().is_empty() || self.has_filters()
    }

    pub fn has_filters(&self) -> bool {
        self.filters.values().any(|s| !s.is_empty())
            || self.min_amount.is_some()
            || self.max_amount.is_some()
    }

    /// The same view with no record open: all its results (rows, facets,
    /// totals, charts) depend on, since opening a record changes none.
    pub fn without_open(&self) -> ViewState {
        ViewState {
            open: None,
            about: None,
            ..self.clone()
        }
    }

    /// Whether `other` has this view's results: the two differ at most in
    /// the record open. Compared in place, with nothing copied.
    pub fn same_results(&self, other: &ViewState) -> bool {
        // Named field by field, so a new field must be placed here.
        let ViewState {
            query,
            filters,
            min_amount,
            max_amount,
            sort,
            open: _,
            about: _,
        } = self;
        *query == other.query
            && *filters == other.filters
            && *min_amount == other.min_amount
            && *max_amount == other.max_amount
            && *sort == other.sort
    }

    /// The same view with every filter (not the search) removed.
    pub fn without_filters(&self) -> ViewState {
        ViewState {
            filters: BTreeMap::new(),
            min_amount: None,
            max_amount: None,
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_opening_a_record_keeps_a_views_results() {
        let mut view = ViewState {
            query: "dudley".into(),
            ..ViewState::default()
        };
        view.toggle(Facet::CareModel, "mcp");
        let mut opened = view.clone();
        opened.open = Some("dudley-mcp".into());
        assert!(view.same_results(&opened));
        assert_eq!(opened.without_open(), view);

        let changes: [fn(&mut ViewState); 5] = [
            |v| v.query.push('x'),
            |v| v.toggle(Facet::CareModel, "pacs"),
            |v| v.min_amount = Some(Money(1)),
            |v| v.max_amount = Some(Money(1)),
            |v| v.sort = SortOrder::AmountHighToLow,
        ];
        for change in changes {
            let mut other = opened.clone();
            change(&mut other);
            assert!(!view.same_results(&other), "{other:?}");
        }
    }

    #[test]
    fn narrowing_to_a_bar_replaces_its_facets_values_and_keeps_the_rest() {
        let mut view = ViewState::default();
        view.toggle(Facet::FinancialYear, "2015/16");
        view.toggle(Facet::FinancialYear, "2016/17");
        view.toggle(Facet::Recipient, "dudley-mcp");
        view.query = "vanguard".into();
        view.narrow_to(&[
            (Facet::FinancialYear, "2017/18".into()),
            (Facet::CareModel, "MCP".into()),
        ]);
        let chosen = |facet| {
            view.selected(facet)
                .map(|s| s.iter().cloned().collect::<Vec<_>>())
        };
        assert_eq!(
            chosen(Facet::FinancialYear),
            Some(vec!["2017/18".to_string()])
        );
        assert_eq!(chosen(Facet::CareModel), Some(vec!["MCP".to_string()]));
        assert_eq!(
            chosen(Facet::Recipient),
            Some(vec!["dudley-mcp".to_string()])
        );
        assert_eq!(view.query, "vanguard");
    }
}
