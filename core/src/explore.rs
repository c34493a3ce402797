//! Runs a view over the dataset: search, filters, facet counts that follow
//! every other active filter, sort, and totals. Built once per dataset (the
//! search index and each record's facet values), then run on every change.

use crate::facets::{each_record_value, item_value, label, NONE};
use crate::model::OrganisationKind;
use crate::model::{Dataset, FundingRecord};
use crate::money::Money;
use crate::query::{parse, Query};
use crate::search::SearchIndex;
use crate::totals::{ItemRef, Totals, TotalsIndex};
use crate::view::{Facet, SortOrder, ViewState};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// One record in the results, with the items that passed the filters.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultRow {
    pub record: usize,
    /// Indexes into the record's items, in order.
    pub items: ItemList,
    pub score: f32,
}

/// A row's item indexes: a slice (`&row.items[..]`, `row.items.iter()`),
/// held in place when there are one or two (nearly every row), so a view of
/// many rows does not allocate a vector for each.
#[derive(Debug, Clone, Default)]
pub struct ItemList {
    inline: [usize; 2],
    len: usize,
    more: Vec<usize>,
}

impl std::ops::Deref for ItemList {
    type Target = [usize];
    fn deref(&self) -> &[usize] {
        if self.len <= self.inline.len() {
            &self.inline[..self.len]
        } else {
            &self.more
        }
    }
}

impl<'a> IntoIterator for &'a ItemList {
    type Item = &'a usize;
    type IntoIter = std::slice::Iter<'a, usize>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl FromIterator<usize> for ItemList {
    fn from_iter<I: IntoIterator<Item = usize>>(items: I) -> ItemList {
        let mut list = ItemList::default();
        for item in items {
            if list.len < list.inline.len() {
                list.inline[list.len] = item;
            } else {
                if list.len == list.inline.len() {
                    list.more.extend_from_slice(&list.inline);
                }
                list.more.push(item);
            }
            list.len += 1;
        }
        list
    }
}

impl PartialEq for ItemList {
    fn eq(&self, other: &ItemList) -> bool {
        **self == **other
    }
}

impl ResultRow {
    /// The item the list shows: the record's headline when it passed, else the
    /// largest one that did.
    pub fn shown_item(&self, dataset: &Dataset) -> Option<usize> {
        self.shown_item_of(dataset.records.get(self.record)?)
    }

    /// [`ResultRow::shown_item`] for a caller that holds the row's record
    /// already: it is not looked up again.
    pub fn shown_item_of(&self, record: &FundingRecord) -> Option<usize> {
        match record.headline_index() {
            Some(h) if self.items.contains(&h) => Some(h),
            _ => self
                .items
                .iter()
                .copied()
                .max_by_key(|&i| record.items[i].amount),
        }
    }
}

/// A facet's value in a view. The code and label are shared with the
/// engine's tables: a large view lists thousands of recipients, and every
/// run used to copy each name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    pub code: Arc<str>,
    pub label: Arc<str>,
    /// Records that would show with this value chosen (and every other filter kept).
    pub count: usize,
    pub selected: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Exploration {
    pub rows: Vec<ResultRow>,
    pub facets: Vec<(Facet, Vec<FacetValue>)>,
    pub totals: Totals,
    pub query: Query,
}

impl Exploration {
    /// The values of `facet` in this view (none when it has no values here).
    pub fn facet_values(&self, facet: Facet) -> &[FacetValue] {
        self.facets
            .iter()
            .find(|(f, _)| *f == facet)
            .map_or(&[], |(_, values)| values.as_slice())
    }
}

/// One facet's values as numbers: each code the dataset has gets an index
/// (in code order), so filtering and counting compare integers.
#[derive(Debug, Clone, Default)]
struct FacetTable {
    /// The codes, sorted; a code's index is its number.
    codes: Vec<Arc<str>>,
    /// What a person reads for each code.
    labels: Vec<Arc<str>>,
    /// The code numbers in the order the facet lists them.
    display_order: Vec<u32>,
    /// For a record-level facet: each record's codes (deduplicated), as
    /// `values[offsets[r]..offsets[r + 1]]`.
    offsets: Vec<u32>,
    values: Vec<u32>,
}

impl FacetTable {
    fn number(&self, code: &str) -> Option<usize> {
        self.codes.binary_search_by(|c| (**c).cmp(code)).ok()
    }

    // Inlined even in the size-optimised build: it is called for every
    // record and facet of every run, and the call cost more than its work.
    #[inline(always)]
    fn of_record(&self, record: usize) -> &[u32] {
        let (offsets, values) = (self.offsets.as_slice(), self.values.as_slice());
        match (offsets.get(record), offsets.get(record + 1)) {
            (Some(&from), Some(&to)) => &values[from as usize..to as usize],
            _ => &[],
        }
    }

    /// Which codes the view chose, as a table by number; None when it chose none.
    fn chosen(&self, view: &ViewState, facet: Facet) -> Option<Vec<bool>> {
        let selected = view.selected(facet)?;
        let mut chosen = vec![false; self.codes.len()];
        for code in selected {
            if let Some(n) = self.number(code) {
                chosen[n] = true;
            }
        }
        Some(chosen)
    }
}

pub struct Explorer<'a> {
    pub dataset: &'a Dataset,
    index: SearchIndex,
    /// Per facet, in `Facet::ALL` order.
    facets: Vec<FacetTable>,
    /// Where each record's items start in the per-item columns below (one
    /// more entry than there are records).
    item_start: Vec<u32>,
    item_year: Vec<u32>,
    item_role: Vec<u32>,
    item_amount: Vec<Money>,
    /// Every code each facet has in the dataset.
    known: BTreeMap<Facet, BTreeSet<String>>,
    /// Each record's place in the default order.
    default_rank: Vec<u32>,
    /// The records in the default order.
    default_order: Vec<usize>,
    /// Each record's place in the order of first recipients' names, A to Z.
    recipient_rank: Vec<u32>,
    totals: TotalsIndex,
    /// Organisations no record names, with the folded words of their name,
    /// other names and places, for [`Explorer::no_figure_held`].
    without_figures: Vec<(usize, Vec<String>)>,
}

const YEAR: usize = 2;
const ROLE: usize = 3;
/// The slots of the facets whose values belong to a record rather than to
/// each of its figures (worked out when compiling: every facet but two).
const RECORD_SLOTS: [usize; Facet::ALL.len() - 2] = {
    let mut slots = [0; Facet::ALL.len() - 2];
    let (mut slot, mut n) = (0, 0);
    while slot < Facet::ALL.len() {
        if !Facet::ALL[slot].is_per_item() {
            slots[n] = slot;
            n += 1;
        }
        slot += 1;
    }
    slots
};

impl<'a> Explorer<'a> {
    pub fn new(dataset: &'a Dataset) -> Explorer<'a> {
        debug_assert_eq!(Facet::ALL[YEAR], Facet::FinancialYear);
        debug_assert_eq!(Facet::ALL[ROLE], Facet::Role);
        let index = SearchIndex::build(dataset);
        // Each facet's codes get a provisional number as they are met, then
        // the numbers are redone in code order (a string per distinct code,
        // not per record).
        let mut met: Vec<HashMap<String, u32>> = vec![HashMap::default(); Facet::ALL.len()];
        let mut meet = |slot: usize, code: &str| -> u32 {
            if let Some(n) = met[slot].get(code) {
                return *n;
            }
            let next = met[slot].len() as u32;
            met[slot].insert(code.to_string(), next);
            next
        };
        for (facet, code) in crate::facets::always_known(dataset) {
            if let Some(slot) = Facet::ALL.iter().position(|f| *f == facet) {
                meet(slot, code);
            }
        }
        let mut buffer = String::new();
        let mut record_codes: Vec<(Vec<u32>, Vec<u32>)> =
            vec![(vec![0], Vec::new()); Facet::ALL.len()];
        let mut item_start = Vec::with_capacity(dataset.records.len() + 1);
        let (mut item_year, mut item_role, mut item_amount) = (Vec::new(), Vec::new(), Vec::new());
        for record in &dataset.records {
            for (slot, facet) in Facet::ALL.iter().enumerate() {
                if facet.is_per_item() {
                    continue;
                }
                let (offsets, values) = &mut record_codes[slot];
                let from = values.len();
                each_record_value(dataset, record, *facet, &mut buffer, |code| {
                    let n = meet(slot, code);
                    if !values[from..].contains(&n) {
                        values.push(n);
                    }
                });
                offsets.push(values.len() as u32);
            }
            item_start.push(item_amount.len() as u32);
            for item in &record.items {
                item_year.push(meet(
                    YEAR,
                    item_value(item, Facet::FinancialYear, &mut buffer),
                ));
                item_role.push(meet(ROLE, item_value(item, Facet::Role, &mut buffer)));
                item_amount.push(item.amount);
            }
        }
        item_start.push(item_amount.len() as u32);
        let mut known: BTreeMap<Facet, BTreeSet<String>> = BTreeMap::new();
        let mut facets: Vec<FacetTable> = Vec::with_capacity(Facet::ALL.len());
        for (slot, facet) in Facet::ALL.iter().enumerate() {
            let mut codes: Vec<(String, u32)> =
                std::mem::take(&mut met[slot]).into_iter().collect();
            crate::order::sort(&mut codes);
            // Provisional number to final number.
            let mut renumber = vec![0u32; codes.len()];
            for (n, (_, provisional)) in codes.iter().enumerate() {
                renumber[*provisional as usize] = n as u32;
            }
            let codes: Vec<String> = codes.into_iter().map(|(code, _)| code).collect();
            if !codes.is_empty() {
                let mut set = BTreeSet::new();
                codes.iter().for_each(|code| {
                    set.insert(code.clone());
                });
                known.insert(*facet, set);
            }
            let labels: Vec<String> = codes.iter().map(|c| label(dataset, *facet, c)).collect();
            let (mut offsets, mut values) = std::mem::take(&mut record_codes[slot]);
            if facet.is_per_item() {
                offsets.clear();
                let column = if slot == YEAR {
                    &mut item_year
                } else {
                    &mut item_role
                };
                column.iter_mut().for_each(|n| *n = renumber[*n as usize]);
            } else {
                values.iter_mut().for_each(|n| *n = renumber[*n as usize]);
            }
            facets.push(FacetTable {
                display_order: display_order(*facet, &codes, &labels),
                codes: codes.into_iter().map(Arc::from).collect(),
                labels: labels.into_iter().map(Arc::from).collect(),
                offsets,
                values,
            });
        }

        // Each record's place in the default order (by index: a search for
        // each record's position would be quadratic).
        let default_order = crate::listing::default_order_indices(dataset);
        let mut default_rank = vec![0; dataset.records.len()];
        for (rank, record) in default_order.iter().enumerate() {
            default_rank[*record] = rank as u32;
        }
        // The A to Z order of first recipients, worked out per recipient (a
        // few thousand names) rather than per record.
        let first_recipient: Vec<Option<&str>> = dataset
            .records
            .iter()
            .map(|r| {
                r.recipients
                    .iter()
                    .find_map(|id| dataset.organisation(id).map(|o| o.name.as_str()))
            })
            .collect();
        let mut seen: HashSet<&str> = HashSet::default();
        let mut names: Vec<(String, &str)> = first_recipient
            .iter()
            .flatten()
            .copied()
            .filter(|name| seen.insert(name))
            .map(|name| (crate::tokens::fold(name), name))
            .collect();
        crate::order::sort(&mut names);
        // Names the same once folded (case and accents aside) share a place;
        // records with no known recipient sort first (an empty name).
        let mut place_of: HashMap<&str, u32> = HashMap::default();
        let mut place = 1u32;
        for (i, (key, name)) in names.iter().enumerate() {
            if i > 0 && names[i - 1].0 != *key {
                place += 1;
            }
            place_of.insert(name, place);
        }
        let recipient_rank = first_recipient
            .iter()
            .map(|name| name.and_then(|n| place_of.get(n).copied()).unwrap_or(0))
            .collect();
        let named: HashSet<&str> = dataset
            .records
            .iter()
            .flat_map(|r| r.recipients.iter().map(String::as_str))
            .collect();
        let without_figures = dataset
            .organisations
            .iter()
            .enumerate()
            .filter(|(_, o)| !named.contains(o.id.as_str()) && o.kind != OrganisationKind::Group)
            .map(|(at, o)| {
                let mut words = Vec::new();
                for text in std::iter::once(&o.name).chain(&o.aliases).chain(&o.places) {
                    crate::tokens::each_word(text, |word, _, _| words.push(word.to_string()));
                }
                (at, words)
            })
            .collect();
        Explorer {
            without_figures,
            dataset,
            index,
            facets,
            item_start,
            item_year,
            item_role,
            item_amount,
            known,
            default_rank,
            default_order,
            recipient_rank,
            totals: TotalsIndex::new(dataset),
        }
    }

    /// Organisations the view asks for, by its search words, care model or
    /// recipient, that no record names: the page says "no figure held" for
    /// each instead of leaving them unfound. None unless the view asks.
    pub fn no_figure_held(&self, view: &ViewState) -> Vec<usize> {
        let query = parse(&view.query);
        let models = view.selected(Facet::CareModel);
        let recipients = view.selected(Facet::Recipient);
        if query.included().next().is_none() && models.is_none() && recipients.is_none() {
            return Vec::new();
        }
        let organisations = &self.dataset.organisations;
        self.without_figures
            .iter()
            .filter(|(at, words)| {
                let o = &organisations[*at];
                let model = o.care_model.map_or(NONE, |m| m.code());
                models.is_none_or(|chosen| chosen.contains(model))
                    && recipients.is_none_or(|chosen| chosen.contains(&o.id))
                    && query.included().all(|term| term_in(term, words))
                    && !query.excluded().any(|term| term_in(term, words))
            })
            .map(|(at, _)| *at)
            .collect()
    }

    /// A search like `query` that finds records: the search as typed, with
    /// each word the index has nothing for (not even as the start of a word)
    /// replaced by its nearest word ("dudly" → "dudley"); what the page
    /// offers as "Did you mean". Numbers and amounts are never corrected.
    /// None when every word is known, or the nearest words find nothing.
    pub fn did_you_mean(&self, query: &str) -> Option<String> {
        let chars: Vec<char> = query.chars().collect();
        let mut suggestion = String::new();
        let mut at = 0;
        for token in crate::tokens::tokenize(query) {
            let form = crate::tokens::search_form(&token.word);
            if token.word.chars().any(|c| c.is_ascii_digit()) || self.index.has_word(&form, true) {
                continue;
            }
            let Some(near) = self.index.nearest_word(&form) else {
                continue;
            };
            suggestion.extend(chars.get(at..token.start).unwrap_or_default());
            suggestion.push_str(near);
            at = token.end;
        }
        if at == 0 {
            return None;
        }
        suggestion.extend(chars.get(at..).unwrap_or_default());
        (!self.index.search(&parse(&suggestion)).is_empty()).then_some(suggestion)
    }

    /// Every code a facet has in the dataset.
    pub fn known(&self, facet: Facet) -> Option<&BTreeSet<String>> {
        self.known.get(&facet)
    }

    /// Runs `view`: the rows in order, the facets with their counts, the totals.
    ///
    /// One pass over the records the search matched does everything: a record
    /// that fails no filter is a row and counts in every facet; a record that
    /// fails exactly one filter counts only in that filter's facet (its counts
    /// say what choosing another value would show); a record that fails two
    /// counts nowhere. Within a facet a record counts once per value.
    pub fn run(&self, view: &ViewState) -> Exploration {
        let query = parse(&view.query);
        // With nothing searched every record is a match (score 0), read
        // straight off their numbers rather than from a list of them all.
        let matches = (!query.is_empty()).then(|| self.index.matching(&query));
        let match_count = matches.as_ref().map_or(self.index.record_count(), Vec::len);
        let chosen: Vec<Option<Vec<bool>>> = Facet::ALL
            .iter()
            .zip(&self.facets)
            .map(|(facet, table)| table.chosen(view, *facet))
            .collect();
        let record_filters: Vec<usize> = RECORD_SLOTS
            .into_iter()
            .filter(|slot| chosen[*slot].is_some())
            .collect();
        let years = chosen[YEAR].as_deref();
        let roles = chosen[ROLE].as_deref();
        let (min, max) = (view.min_amount, view.max_amount);
        let by_amount = min.is_some() || max.is_some();
        let narrowed = years.is_some() || roles.is_some() || by_amount;

        // Slices rather than the vectors: in the size-optimised build each
        // index into a vector is a call of its own, and the loop below reads
        // these for every record.
        let facets = self.facets.as_slice();
        let item_start = self.item_start.as_slice();
        let item_filters = ItemFilters {
            item_year: self.item_year.as_slice(),
            item_role: self.item_role.as_slice(),
            item_amount: self.item_amount.as_slice(),
            years,
            roles,
            min,
            max,
        };
        let mut counts: Vec<Vec<u32>> = facets.iter().map(|t| vec![0; t.codes.len()]).collect();
        // Each facet's counts held apart while the loop fills them (given
        // back after it): the record-level facets with their tables, so
        // counting a record's values looks nothing up.
        let mut year_counts = std::mem::take(&mut counts[YEAR]);
        let mut role_counts = std::mem::take(&mut counts[ROLE]);
        let mut record_counts: Vec<(usize, &FacetTable, Vec<u32>)> = RECORD_SLOTS
            .into_iter()
            .map(|slot| (slot, &facets[slot], std::mem::take(&mut counts[slot])))
            .collect();
        // The last record counted for each year and role: a record counts once.
        let mut last_year = vec![u32::MAX; year_counts.len()];
        let mut last_role = vec![u32::MAX; role_counts.len()];
        // Slices for the loop, as above (each of these is read or written
        // once per record in view).
        let (last_year, last_role) = (last_year.as_mut_slice(), last_role.as_mut_slice());
        let (year_tally, role_tally) = (year_counts.as_mut_slice(), role_counts.as_mut_slice());
        // Room for every match at once (the sort below moves the rows to a
        // vector of their own size): growing step by step copied the rows
        // at each doubling (4 % of a query's instructions at 100,000 records).
        let mut rows: Vec<ResultRow> = Vec::with_capacity(match_count);
        let mut passing: Vec<usize> = Vec::new();
        for n in 0..match_count {
            let (record, score) = match &matches {
                Some(matches) => matches[n],
                None => (n, 0.0),
            };
            let mut failed = None;
            let mut failures = 0;
            for &slot in &record_filters {
                let chosen = chosen[slot].as_deref().unwrap_or(&[]);
                let codes = facets[slot].of_record(record);
                if !codes.iter().any(|c| chosen[*c as usize]) {
                    failures += 1;
                    failed = Some(slot);
                    if failures > 1 {
                        break;
                    }
                }
            }
            if failures > 1 {
                continue;
            }
            let items = item_start[record] as usize..item_start[record + 1] as usize;
            passing.clear();
            if items.len() == 1 {
                // One item (nearly every record): counted once for its year
                // and role with no need to keep track of which were.
                let (year, role, year_ok, role_ok, amount_ok) = item_filters.test(items.start);
                if year_ok && role_ok && amount_ok {
                    passing.push(0);
                }
                if failures == 0 {
                    if role_ok && amount_ok {
                        year_tally[year] += 1;
                    }
                    if year_ok && amount_ok {
                        role_tally[role] += 1;
                    }
                }
            } else {
                for (n, at) in items.enumerate() {
                    let (year, role, year_ok, role_ok, amount_ok) = item_filters.test(at);
                    if year_ok && role_ok && amount_ok {
                        passing.push(n);
                    }
                    if failures == 0 {
                        // The year facet's counts keep every filter but the
                        // year; a record counts once for each.
                        if role_ok && amount_ok && last_year[year] != record as u32 {
                            last_year[year] = record as u32;
                            year_tally[year] += 1;
                        }
                        if year_ok && amount_ok && last_role[role] != record as u32 {
                            last_role[role] = record as u32;
                            role_tally[role] += 1;
                        }
                    }
                }
            }
            // Narrowed to none of its items: no row, and no count elsewhere.
            if narrowed && passing.is_empty() {
                continue;
            }
            for (slot, table, counts) in record_counts.iter_mut() {
                if failed.is_none_or(|f| f == *slot) {
                    let counts = counts.as_mut_slice();
                    for code in table.of_record(record) {
                        counts[*code as usize] += 1;
                    }
                }
            }
            if failed.is_none() {
                rows.push(ResultRow {
                    record,
                    // Every item when nothing narrows them.
                    items: passing.iter().copied().collect(),
                    score,
                });
            }
        }
        counts[YEAR] = year_counts;
        counts[ROLE] = role_counts;
        for (slot, _, record_counts) in record_counts {
            counts[slot] = record_counts;
        }
        let has_search = query.included().next().is_some();
        self.sort(&mut rows, view.sort, has_search);

        let facets = Facet::ALL
            .iter()
            .zip(&self.facets)
            .zip(&counts)
            .zip(&chosen)
            .map(|(((facet, table), counts), chosen)| {
                // Slices, as in the loop above: this reads every code.
                let chosen = chosen.as_deref();
                let (counts, codes, labels) = (
                    counts.as_slice(),
                    table.codes.as_slice(),
                    table.labels.as_slice(),
                );
                let is_chosen = |n: usize| chosen.is_some_and(|c| c[n]);
                let values = table
                    .display_order
                    .iter()
                    .map(|n| *n as usize)
                    .filter(|n| counts[*n] > 0 || is_chosen(*n))
                    .map(|n| FacetValue {
                        code: codes[n].clone(),
                        label: labels[n].clone(),
                        count: counts[n] as usize,
                        selected: is_chosen(n),
                    })
                    .collect();
                (*facet, values)
            })
            .collect();
        let selection = selection_of(&rows);
        Exploration {
            totals: self.totals.totals(&selection),
            rows,
            facets,
            query,
        }
    }

    /// The totals of `rows`' figures, and what they did with each figure
    /// and why (the page's CSV download says it figure by figure).
    pub fn accounts(&self, rows: &[ResultRow]) -> (Totals, Vec<crate::totals::ItemAccount>) {
        self.totals.accounts(&selection_of(rows))
    }

    /// Sorts the rows by one number each (worked out once per row), then by
    /// the default order.
    fn sort(&self, rows: &mut Vec<ResultRow>, order: SortOrder, has_search: bool) {
        let dataset = self.dataset;
        // Every order as one unsigned number, smallest first. Dates: undated
        // last in both directions (no date is made up).
        let date = |r: &ResultRow, newest_first: bool| -> u64 {
            match dataset.records[r.record].published_on {
                None => u64::MAX,
                Some(d) => {
                    let n = u64::from(d.ordinal());
                    if newest_first {
                        u64::MAX - 1 - n
                    } else {
                        n
                    }
                }
            }
        };
        // Money for recipients first, then programme totals, fund sizes and
        // context, each group by amount: a £450m programme total does not
        // sit among grants of £4m. The group is the key's top bit.
        const OTHER_ROLE: u64 = 1 << 62;
        let amount = |r: &ResultRow, high_first: bool| -> u64 {
            let record = &dataset.records[r.record];
            let item = r.shown_item_of(record).map(|i| &record.items[i]);
            let pounds = item.map_or(0, |i| i.amount.0.min(OTHER_ROLE - 1));
            let group = match item {
                Some(i) if i.role == crate::model::Role::Allocation => 0,
                _ => OTHER_ROLE,
            };
            group
                + if high_first {
                    OTHER_ROLE - 1 - pounds
                } else {
                    pounds
                }
        };
        let key = |r: &ResultRow| -> u64 {
            match order {
                SortOrder::Relevance if has_search => u64::from(u32::MAX - score_key(r.score)),
                SortOrder::Relevance => 0,
                SortOrder::AmountHighToLow => amount(r, true),
                SortOrder::AmountLowToHigh => amount(r, false),
                SortOrder::NewestFirst => date(r, true),
                SortOrder::OldestFirst => date(r, false),
                SortOrder::RecipientAToZ => u64::from(self.recipient_rank[r.record]),
            }
        };
        // (key, default place, place in `rows`) of each row, in the order
        // to show them.
        let mut keyed: Vec<(u64, u32, u32)> = Vec::with_capacity(rows.len());
        if order == SortOrder::Relevance && !has_search {
            // The default order, kept in the index: the rows are read off it
            // in one pass (a step per record), not sorted. The rows are in
            // record order (as the matches are), so a row's place is the
            // number of rows before its record: one bit per record says
            // which are rows (a few kilobytes, where a place per record was
            // hundreds), counted a word of 64 at a time.
            debug_assert!(rows.windows(2).all(|w| w[0].record < w[1].record));
            let words = self.default_order.len().div_ceil(64);
            let mut is_row = vec![0u64; words];
            for r in rows.iter() {
                is_row[r.record / 64] |= 1 << (r.record % 64);
            }
            let mut rows_before = Vec::with_capacity(words);
            let mut count = 0u32;
            for word in &is_row {
                rows_before.push(count);
                count += word.count_ones();
            }
            let (is_row, rows_before) = (is_row.as_slice(), rows_before.as_slice());
            for &record in &self.default_order {
                let (w, bit) = (record / 64, record % 64);
                let word = is_row[w];
                if word >> bit & 1 == 1 {
                    let n = rows_before[w] + (word & ((1u64 << bit) - 1)).count_ones();
                    keyed.push((0, 0, n));
                }
            }
        } else {
            // Sorted by key, then default place (unique).
            for (n, r) in rows.iter().enumerate() {
                keyed.push((key(r), self.default_rank[r.record], n as u32));
            }
            crate::order::sort_keyed(&mut keyed);
        }
        let mut unsorted: Vec<Option<ResultRow>> =
            std::mem::take(rows).into_iter().map(Some).collect();
        rows.reserve_exact(keyed.len());
        rows.extend(
            keyed
                .iter()
                .filter_map(|(_, _, at)| unsorted[*at as usize].take()),
        );
    }
}

/// The filters that test a record's figures one by one (year, role, amount)
/// and the item columns they read.
struct ItemFilters<'a> {
    item_year: &'a [u32],
    item_role: &'a [u32],
    item_amount: &'a [Money],
    years: Option<&'a [bool]>,
    roles: Option<&'a [bool]>,
    min: Option<Money>,
    max: Option<Money>,
}

/// A link's values are checked against the dataset the engine was built on.
impl crate::url_state::KnownValues for Explorer<'_> {
    fn knows(&self, facet: Facet, code: &str) -> bool {
        self.known(facet).is_some_and(|k| k.contains(code))
    }

    fn has_record(&self, id: &str) -> bool {
        self.dataset.record(id).is_some()
    }

    fn has_organisation(&self, id: &str) -> bool {
        self.dataset.organisation(id).is_some()
    }
}

impl ItemFilters<'_> {
    /// The item `at`'s year and role codes, and whether it passes the year,
    /// the role and the amount filters. Inlined by hand: as a closure the
    /// size-optimised build made it a call, and the call alone was 12 % of
    /// the instructions of crossfilter's operation at 100,000 records.
    #[inline(always)]
    fn test(&self, at: usize) -> (usize, usize, bool, bool, bool) {
        let (year, role, amount) = (
            self.item_year[at] as usize,
            self.item_role[at] as usize,
            self.item_amount[at],
        );
        // Matches rather than `is_none_or`, which this build did not inline
        // either (3 % of the same operation).
        let year_ok = match self.years {
            Some(chosen) => chosen[year],
            None => true,
        };
        let role_ok = match self.roles {
            Some(chosen) => chosen[role],
            None => true,
        };
        let at_least_min = match self.min {
            Some(min) => amount >= min,
            None => true,
        };
        let at_most_max = match self.max {
            Some(max) => amount <= max,
            None => true,
        };
        (year, role, year_ok, role_ok, at_least_min && at_most_max)
    }
}

/// Whether a query term's words are in `words` (folded), one after another.
fn term_in(term: &crate::query::QueryTerm, words: &[String]) -> bool {
    let n = term.words.len();
    n > 0
        && n <= words.len()
        && (0..=words.len() - n).any(|from| (0..n).all(|i| term.word_matches(i, &words[from + i])))
}

/// Every figure of `rows`, in order: what the totals add up.
fn selection_of(rows: &[ResultRow]) -> Vec<ItemRef> {
    // Sized first: a vector grown as it fills copies itself at each step.
    let mut selection = Vec::with_capacity(rows.iter().map(|r| r.items.len()).sum());
    for r in rows {
        selection.extend(r.items.iter().map(|&item| ItemRef {
            record: r.record,
            item,
        }));
    }
    selection
}

/// An f32 as an unsigned integer in the order `total_cmp` gives.
fn score_key(score: f32) -> u32 {
    let bits = score.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | (1 << 31)
    }
}

/// A facet's code numbers in the order a person expects: years in time
/// order, names A to Z (accents and case aside), the programme's own order;
/// "none" last. One key per value, worked out once.
fn display_order(facet: Facet, codes: &[String], labels: &[String]) -> Vec<u32> {
    use crate::facets::{programme_code, role_code};
    use crate::model::{CareModel, Programme, Role};
    let position = |code: &str| -> usize {
        match facet {
            Facet::Programme => Programme::ALL
                .iter()
                .position(|p| programme_code(*p) == code),
            Facet::CareModel => CareModel::ALL.iter().position(|m| m.code() == code),
            Facet::Role => Role::ALL.iter().position(|r| role_code(*r) == code),
            Facet::Stream => crate::model::FundingStream::ALL
                .iter()
                .position(|s| s.code() == code),
            Facet::MoneyType => crate::model::MoneyType::ALL
                .iter()
                .position(|t| t.code() == code),
            Facet::FullText => Some(usize::from(code == NONE)),
            _ => None,
        }
        .unwrap_or(usize::MAX)
    };
    let keys: Vec<(bool, usize, String)> = codes
        .iter()
        .zip(labels)
        .map(|(code, label)| {
            let none = code == NONE;
            match facet {
                Facet::FinancialYear | Facet::YearAnnounced => (none, 0, code.clone()),
                Facet::Recipient | Facet::Publisher => (none, 0, crate::tokens::fold(label)),
                _ => (none, position(code), String::new()),
            }
        })
        .collect();
    // Stable: values with the same key keep their code order.
    crate::order::order(keys.len(), &mut |a, b| keys[a].cmp(&keys[b]))
        .into_iter()
        .map(|n| n as u32)
        .collect()
}
