//! Runs a view over the dataset: search, filters, facet counts that follow
//! every other active filter, sort, and totals. Built once per dataset (the
//! search index and each record's facet values), then run on every change.

use crate::facets::{item_value, label, record_values, NONE};
use crate::model::Dataset;
use crate::query::{parse, Query};
use crate::search::SearchIndex;
use crate::totals::{totals, ItemRef, Totals};
use crate::view::{Facet, SortOrder, ViewState};
use rustc_hash::FxHashMap as HashMap;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// One record in the results, with the items that passed the filters.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultRow {
    pub record: usize,
    /// Indexes into the record's items, in order.
    pub items: Vec<usize>,
    pub score: f32,
}

impl ResultRow {
    /// The item the list shows: the record's headline when it passed, else the
    /// largest one that did.
    pub fn shown_item(&self, dataset: &Dataset) -> Option<usize> {
        let record = dataset.records.get(self.record)?;
        let headline = record
            .headline_item()
            .and_then(|h| record.items.iter().position(|i| i.id == h.id));
        match headline {
            Some(h) if self.items.contains(&h) => Some(h),
            _ => self
                .items
                .iter()
                .copied()
                .max_by_key(|&i| record.items[i].amount),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    pub code: String,
    pub label: String,
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

pub struct Explorer<'a> {
    pub dataset: &'a Dataset,
    index: SearchIndex,
    /// Per record, per facet (in `Facet::ALL` order), its codes.
    record_codes: Vec<Vec<Vec<String>>>,
    /// Per record, per item: (financial year code, role code).
    item_codes: Vec<Vec<(String, String)>>,
    /// Every code each facet has in the dataset.
    known: BTreeMap<Facet, BTreeSet<String>>,
    /// Each record's place in the default order.
    default_rank: Vec<usize>,
    /// What a person reads for each facet code, worked out once.
    labels: HashMap<(Facet, String), String>,
    /// Each record's first recipient's name, lower-cased, for sorting A to Z.
    recipient_keys: Vec<String>,
}

fn facet_slot(facet: Facet) -> usize {
    Facet::ALL.iter().position(|f| *f == facet).unwrap_or(0)
}

impl<'a> Explorer<'a> {
    pub fn new(dataset: &'a Dataset) -> Explorer<'a> {
        let index = SearchIndex::build(dataset);
        let record_codes: Vec<Vec<Vec<String>>> = dataset
            .records
            .iter()
            .map(|r| {
                Facet::ALL
                    .iter()
                    .map(|f| record_values(dataset, r, *f))
                    .collect()
            })
            .collect();
        let item_codes: Vec<Vec<(String, String)>> = dataset
            .records
            .iter()
            .map(|r| {
                r.items
                    .iter()
                    .map(|i| {
                        (
                            item_value(i, Facet::FinancialYear),
                            item_value(i, Facet::Role),
                        )
                    })
                    .collect()
            })
            .collect();
        let mut known: BTreeMap<Facet, BTreeSet<String>> = BTreeMap::new();
        for codes in &record_codes {
            for facet in Facet::ALL.iter().filter(|f| !f.is_per_item()) {
                known
                    .entry(*facet)
                    .or_default()
                    .extend(codes[facet_slot(*facet)].iter().cloned());
            }
        }
        for items in &item_codes {
            for (year, role) in items {
                known
                    .entry(Facet::FinancialYear)
                    .or_default()
                    .insert(year.clone());
                known.entry(Facet::Role).or_default().insert(role.clone());
            }
        }
        // Each record's place in the default order (by index: a search for
        // each record's position would be quadratic).
        let mut default_rank = vec![0; dataset.records.len()];
        for (rank, record) in crate::listing::default_order_indices(dataset)
            .into_iter()
            .enumerate()
        {
            default_rank[record] = rank;
        }
        let labels = known
            .iter()
            .flat_map(|(facet, codes)| codes.iter().map(move |code| (*facet, code.clone())))
            .map(|(facet, code)| {
                let text = label(dataset, facet, &code);
                ((facet, code), text)
            })
            .collect();
        let recipient_keys = dataset
            .records
            .iter()
            .map(|r| {
                dataset
                    .recipient_names(r)
                    .first()
                    .map(|n| n.to_lowercase())
                    .unwrap_or_default()
            })
            .collect();
        Explorer {
            dataset,
            index,
            record_codes,
            item_codes,
            known,
            default_rank,
            labels,
            recipient_keys,
        }
    }

    /// Every code a facet has in the dataset.
    pub fn known(&self, facet: Facet) -> Option<&BTreeSet<String>> {
        self.known.get(&facet)
    }

    fn record_passes(&self, record: usize, view: &ViewState, except: Option<Facet>) -> bool {
        Facet::ALL
            .iter()
            .filter(|f| !f.is_per_item() && Some(**f) != except)
            .all(|f| match view.selected(*f) {
                None => true,
                Some(chosen) => self.record_codes[record][facet_slot(*f)]
                    .iter()
                    .any(|c| chosen.contains(c)),
            })
    }

    fn passing_items(
        &self,
        record: usize,
        view: &ViewState,
        except: Option<Facet>,
    ) -> Option<Vec<usize>> {
        let years = view
            .selected(Facet::FinancialYear)
            .filter(|_| except != Some(Facet::FinancialYear));
        let roles = view
            .selected(Facet::Role)
            .filter(|_| except != Some(Facet::Role));
        let items = &self.dataset.records[record].items;
        let passing: Vec<usize> = (0..items.len())
            .filter(|&i| {
                let (year, role) = &self.item_codes[record][i];
                let amount = items[i].amount;
                years.is_none_or(|y| y.contains(year))
                    && roles.is_none_or(|r| r.contains(role))
                    && view.min_amount.is_none_or(|m| amount >= m)
                    && view.max_amount.is_none_or(|m| amount <= m)
            })
            .collect();
        let narrowed = years.is_some()
            || roles.is_some()
            || view.min_amount.is_some()
            || view.max_amount.is_some();
        if narrowed && passing.is_empty() {
            None
        } else {
            Some(passing)
        }
    }

    /// Runs `view`: the rows in order, the facets with their counts, the totals.
    pub fn run(&self, view: &ViewState) -> Exploration {
        let query = parse(&view.query);
        let matches: HashMap<usize, f32> = self.index.search(&query).into_iter().collect();

        let mut rows: Vec<ResultRow> = Vec::new();
        for (&record, &score) in &matches {
            if !self.record_passes(record, view, None) {
                continue;
            }
            if let Some(items) = self.passing_items(record, view, None) {
                rows.push(ResultRow {
                    record,
                    items,
                    score,
                });
            }
        }
        let has_search = query.included().next().is_some();
        self.sort(&mut rows, view.sort, has_search);

        let facets = Facet::ALL
            .iter()
            .map(|f| (*f, self.facet_counts(*f, view, &matches)))
            .collect();
        let selection: Vec<ItemRef> = rows
            .iter()
            .flat_map(|r| {
                r.items.iter().map(move |&item| ItemRef {
                    record: r.record,
                    item,
                })
            })
            .collect();
        Exploration {
            totals: totals(self.dataset, &selection),
            rows,
            facets,
            query,
        }
    }

    fn facet_counts(
        &self,
        facet: Facet,
        view: &ViewState,
        matches: &HashMap<usize, f32>,
    ) -> Vec<FacetValue> {
        let mut counts: HashMap<&str, usize> = HashMap::default();
        for &record in matches.keys() {
            if !self.record_passes(record, view, Some(facet)) {
                continue;
            }
            let Some(items) = self.passing_items(record, view, Some(facet)) else {
                continue;
            };
            let mut codes: Vec<&str> = if facet.is_per_item() {
                items
                    .iter()
                    .map(|&i| {
                        let (year, role) = &self.item_codes[record][i];
                        if facet == Facet::FinancialYear {
                            year.as_str()
                        } else {
                            role.as_str()
                        }
                    })
                    .collect()
            } else {
                self.record_codes[record][facet_slot(facet)]
                    .iter()
                    .map(String::as_str)
                    .collect()
            };
            // A record counts once per value, however many of its items have it.
            codes.sort_unstable();
            codes.dedup();
            for code in codes {
                *counts.entry(code).or_default() += 1;
            }
        }
        let chosen = view.selected(facet);
        let mut values: Vec<FacetValue> = self
            .known(facet)
            .into_iter()
            .flatten()
            .filter(|code| {
                counts.contains_key(code.as_str()) || chosen.is_some_and(|c| c.contains(*code))
            })
            .map(|code| FacetValue {
                code: code.clone(),
                label: self
                    .labels
                    .get(&(facet, code.clone()))
                    .cloned()
                    .unwrap_or_else(|| label(self.dataset, facet, code)),
                count: counts.get(code.as_str()).copied().unwrap_or(0),
                selected: chosen.is_some_and(|c| c.contains(code)),
            })
            .collect();
        sort_values(facet, &mut values);
        values
    }

    fn sort(&self, rows: &mut [ResultRow], order: SortOrder, has_search: bool) {
        let dataset = self.dataset;
        let rank = |r: &ResultRow| self.default_rank[r.record];
        let amount = |r: &ResultRow| {
            r.shown_item(dataset)
                .map(|i| dataset.records[r.record].items[i].amount)
                .unwrap_or_default()
        };
        let date = |r: &ResultRow| dataset.records[r.record].published_on;
        let recipient = |r: &ResultRow| self.recipient_keys[r.record].as_str();
        rows.sort_by(|a, b| {
            let by = match order {
                SortOrder::Relevance if has_search => b.score.total_cmp(&a.score),
                SortOrder::Relevance => Ordering::Equal,
                SortOrder::AmountHighToLow => amount(b).cmp(&amount(a)),
                SortOrder::AmountLowToHigh => amount(a).cmp(&amount(b)),
                // Undated records go last in both directions: no date is made up.
                SortOrder::NewestFirst => match (date(a), date(b)) {
                    (Some(x), Some(y)) => y.cmp(&x),
                    (x, y) => y.is_some().cmp(&x.is_some()),
                },
                SortOrder::OldestFirst => match (date(a), date(b)) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (x, y) => y.is_some().cmp(&x.is_some()),
                },
                SortOrder::RecipientAToZ => recipient(a).cmp(recipient(b)),
            };
            by.then_with(|| rank(a).cmp(&rank(b)))
        });
    }
}

/// Facet values in the order a person expects: years in time order, names A to
/// Z, the programme's own order; "none" last.
fn sort_values(facet: Facet, values: &mut [FacetValue]) {
    use crate::facets::{programme_code, role_code};
    use crate::model::{CareModel, Programme, Role};
    let position = |code: &str| -> usize {
        match facet {
            Facet::Programme => Programme::ALL
                .iter()
                .position(|p| programme_code(*p) == code),
            Facet::CareModel => CareModel::ALL.iter().position(|m| m.code() == code),
            Facet::Role => Role::ALL.iter().position(|r| role_code(*r) == code),
            Facet::FullText => Some(usize::from(code == NONE)),
            _ => None,
        }
        .unwrap_or(usize::MAX)
    };
    values.sort_by(|a, b| {
        (a.code == NONE)
            .cmp(&(b.code == NONE))
            .then_with(|| match facet {
                Facet::FinancialYear | Facet::YearAnnounced => a.code.cmp(&b.code),
                Facet::Recipient | Facet::Publisher => {
                    a.label.to_lowercase().cmp(&b.label.to_lowercase())
                }
                _ => position(&a.code).cmp(&position(&b.code)),
            })
    });
}
