//! The explorer's engine against the plain algorithm it replaced (kept here,
//! verbatim in its logic, as the reference): for any view, on the real data and
//! on synthetic data, the same rows in the same order, the same facet counts
//! and the same totals. The engine is built for speed (integer codes, one pass
//! for every facet's counts, sorted runs for the totals); this is what keeps it
//! honest.

mod reference {
    #![allow(dead_code)]
    use funding_core::explore::{Exploration, FacetValue, ResultRow};
    use funding_core::facets::{each_record_value, label, NONE};

    fn record_values(dataset: &Dataset, record: &FundingRecord, facet: Facet) -> Vec<String> {
        let mut values = Vec::new();
        each_record_value(dataset, record, facet, &mut String::new(), |code| {
            values.push(code.to_string())
        });
        values
    }

    fn item_value(item: &FundingItem, facet: Facet) -> String {
        funding_core::facets::item_value(item, facet, &mut String::new()).to_string()
    }
    use funding_core::model::{Dataset, FundingItem, FundingRecord, RecordKind, Role};
    use funding_core::money::Money;
    use funding_core::period::FinancialYear;
    use funding_core::query::parse;
    use funding_core::search::SearchIndex;
    use funding_core::totals::{
        Bound, Contribution, DisagreeingFigure, Disagreement, ItemRef, KindTotal, MoneyKind,
        OverfullWhole, SpanFigure, Totals, YearTotal,
    };
    use funding_core::view::{Facet, SortOrder, ViewState};
    use rustc_hash::FxHashMap as HashMap;
    use std::cmp::Ordering;
    use std::collections::{BTreeMap, BTreeSet};

    pub struct ReferenceExplorer<'a> {
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

    impl<'a> ReferenceExplorer<'a> {
        pub fn new(dataset: &'a Dataset) -> ReferenceExplorer<'a> {
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
            for (facet, code) in funding_core::facets::always_known(dataset) {
                known.entry(facet).or_default().insert(code.to_string());
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
            for (rank, record) in funding_core::listing::default_order_indices(dataset)
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
            ReferenceExplorer {
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
                        items: items.into_iter().collect(),
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
                    code: code.as_str().into(),
                    label: self
                        .labels
                        .get(&(facet, code.clone()))
                        .cloned()
                        .unwrap_or_else(|| label(self.dataset, facet, code))
                        .into(),
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
            // Money for recipients before programme totals and the rest.
            let other_role = |r: &ResultRow| {
                r.shown_item(dataset).is_none_or(|i| {
                    dataset.records[r.record].items[i].role != funding_core::Role::Allocation
                })
            };
            let date = |r: &ResultRow| dataset.records[r.record].published_on;
            let recipient = |r: &ResultRow| self.recipient_keys[r.record].as_str();
            rows.sort_by(|a, b| {
                let by = match order {
                    SortOrder::Relevance if has_search => b.score.total_cmp(&a.score),
                    SortOrder::Relevance => Ordering::Equal,
                    SortOrder::AmountHighToLow => other_role(a)
                        .cmp(&other_role(b))
                        .then(amount(b).cmp(&amount(a))),
                    SortOrder::AmountLowToHigh => other_role(a)
                        .cmp(&other_role(b))
                        .then(amount(a).cmp(&amount(b))),
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
        use funding_core::facets::{programme_code, role_code};
        use funding_core::model::{CareModel, Programme, Role};
        let position = |code: &str| -> usize {
            match facet {
                Facet::Programme => Programme::ALL
                    .iter()
                    .position(|p| programme_code(*p) == code),
                Facet::CareModel => CareModel::ALL.iter().position(|m| m.code() == code),
                Facet::Role => Role::ALL.iter().position(|r| role_code(*r) == code),
                Facet::Stream => funding_core::model::FundingStream::ALL
                    .iter()
                    .position(|s| s.code() == code),
                Facet::MoneyType => funding_core::model::MoneyType::ALL
                    .iter()
                    .position(|t| t.code() == code),
                Facet::FullText => Some(usize::from(code == NONE)),
                _ => None,
            }
            .unwrap_or(usize::MAX)
        };
        values.sort_by(|a, b| {
            (&*a.code == NONE)
                .cmp(&(&*b.code == NONE))
                .then_with(|| match facet {
                    Facet::FinancialYear | Facet::YearAnnounced => a.code.cmp(&b.code),
                    Facet::Recipient | Facet::Publisher => {
                        a.label.to_lowercase().cmp(&b.label.to_lowercase())
                    }
                    _ => position(&a.code).cmp(&position(&b.code)),
                })
        });
    }

    /// Per record: the sum of its figures in one group, and the figures.
    type PerRecord<'a> = BTreeMap<usize, (Money, Vec<&'a FundingItem>)>;

    fn item(dataset: &Dataset, r: ItemRef) -> Option<&FundingItem> {
        dataset.records.get(r.record)?.items.get(r.item)
    }

    /// The totals of the given items.
    pub fn totals(dataset: &Dataset, selection: &[ItemRef]) -> Totals {
        let mut out = Totals::default();
        let mut disagreements: Vec<Disagreement> = Vec::new();
        // Items that name another as the same money, by the other's id.
        let mut named_as_same: HashMap<&str, Vec<&FundingItem>> = HashMap::default();
        for r in selection {
            if let Some(i) = item(dataset, *r) {
                if let Some(other) = &i.same_as {
                    named_as_same.entry(other.as_str()).or_default().push(i);
                }
            }
        }
        let single_year = |i: &FundingItem| i.period.single_year().is_some();
        let kind = |i: &FundingItem| MoneyKind::of(i.stream, i.money_type);
        // The items in view, by id.
        let by_id: HashMap<&str, &FundingItem> = selection
            .iter()
            .filter_map(|r| item(dataset, *r).map(|i| (i.id.as_str(), i)))
            .collect();

        let mut not_added: BTreeMap<Role, usize> = BTreeMap::new();
        // (kind, recipients, year) -> per record, the sum of its figures.
        let mut grouped: BTreeMap<(MoneyKind, Vec<String>, FinancialYear), PerRecord> =
            BTreeMap::new();

        for r in selection {
            let Some(i) = item(dataset, *r) else { continue };
            if i.role != Role::Allocation {
                *not_added.entry(i.role).or_default() += 1;
                continue;
            }
            out.allocations += 1;
            // Counted within its whole only when both state the same period.
            if i.part_of
                .as_deref()
                .and_then(|whole| by_id.get(whole))
                .is_some_and(|whole| whole.period.single_year() == i.period.single_year())
            {
                out.parts_of_wholes += 1;
                continue;
            }
            // Of two items that are the same money, keep the one that states a
            // single year; if both or neither do, keep the one the other
            // names. Two different single years are two years' money.
            if let Some(other) = i.same_as.as_deref().and_then(|o| by_id.get(o)) {
                let different_years = single_year(i)
                    && single_year(other)
                    && i.period.single_year() != other.period.single_year();
                if (!single_year(i) || single_year(other)) && !different_years {
                    out.same_money += 1;
                    continue;
                }
            }
            if let Some(namers) = named_as_same.get(i.id.as_str()) {
                if !single_year(i) && namers.iter().any(|n| single_year(n)) {
                    out.same_money += 1;
                    continue;
                }
            }
            match i.period.single_year() {
                Some(year) => {
                    let mut recipients = dataset.records[r.record].recipients.clone();
                    recipients.sort();
                    let per_record = grouped.entry((kind(i), recipients, year)).or_default();
                    let entry = per_record.entry(r.record).or_insert((Money(0), Vec::new()));
                    entry.0 = Money(entry.0 .0.saturating_add(i.amount.0));
                    entry.1.push(i);
                }
                None => out.spans.push(SpanFigure {
                    record: r.record,
                    item: r.item,
                    kind: kind(i),
                }),
            }
        }
        // Wholes in view whose parts (anywhere in the dataset) add to more.
        for r in selection {
            let Some(whole) = item(dataset, *r) else {
                continue;
            };
            let parts: u64 = dataset
                .records
                .iter()
                .flat_map(|rec| rec.items.iter())
                .filter(|p| p.part_of.as_deref() == Some(whole.id.as_str()))
                .map(|p| p.amount.0)
                .sum();
            if parts > whole.amount.0 {
                out.overfull.push(OverfullWhole {
                    record: r.record,
                    item: r.item,
                    parts: Money(parts),
                });
            }
        }
        out.overfull.sort_by_key(|w| (w.record, w.item));

        let mut kinds: BTreeMap<MoneyKind, BTreeMap<FinancialYear, YearTotal>> = BTreeMap::new();
        for ((kind, recipients, year), per_record) in grouped {
            let amounts: Vec<Money> = per_record.values().map(|(m, _)| *m).collect();
            let low = amounts.iter().copied().min().unwrap_or(Money(0));
            let high = amounts.iter().copied().max().unwrap_or(Money(0));
            let figures: Vec<&FundingItem> = per_record
                .values()
                .flat_map(|(_, items)| items.iter().copied())
                .collect();
            let bound = figures
                .iter()
                .fold(Bound::EXACT, |b, i| b.and(Bound::of(i.qualifier)));
            let inferred = figures.iter().any(|i| i.period_inferred.is_some());
            if amounts.len() > 1 {
                if low == high {
                    out.agreements += 1;
                } else {
                    let _ = &recipients;
                    disagreements.push(Disagreement {
                        year,
                        figures: per_record
                            .iter()
                            .map(|(record, (amount, items))| DisagreeingFigure {
                                amount: *amount,
                                record: *record,
                                items: items
                                    .iter()
                                    .filter_map(|i| {
                                        dataset.records[*record]
                                            .items
                                            .iter()
                                            .position(|x| std::ptr::eq(x, *i))
                                    })
                                    .collect(),
                            })
                            .collect(),
                    });
                }
            }
            let published_gives = |end: Money| {
                per_record.iter().any(|(record, (amount, _))| {
                    dataset.records[*record].kind != RecordKind::Yours && *amount == end
                })
            };
            let rests_on_yours = per_record
                .keys()
                .any(|record| dataset.records[*record].kind == RecordKind::Yours)
                && !(published_gives(low) && published_gives(high));
            if let Some(first) = per_record.keys().next() {
                out.contributions.push(Contribution {
                    record: *first,
                    year: Some(year),
                    low,
                    high,
                    kind,
                    bound,
                    rests_on_yours,
                });
            }
            let total = kinds
                .entry(kind)
                .or_default()
                .entry(year)
                .or_insert(YearTotal {
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
        let mut kinds: Vec<KindTotal> = kinds
            .into_iter()
            .map(|(kind, years)| {
                let by_year: Vec<YearTotal> = years.into_values().collect();
                KindTotal {
                    kind,
                    low: Money(by_year.iter().map(|y| y.low.0).sum()),
                    high: Money(by_year.iter().map(|y| y.high.0).sum()),
                    figures: by_year.iter().map(|y| y.figures).sum(),
                    bound: by_year.iter().fold(Bound::EXACT, |b, y| b.and(y.bound)),
                    inferred: by_year.iter().map(|y| y.inferred).sum(),
                    by_year,
                }
            })
            .collect();
        if !kinds.is_empty() {
            let headline = kinds.remove(0);
            out.headline = Some(headline.kind);
            out.by_year = headline.by_year;
            out.low = headline.low;
            out.high = headline.high;
            out.bound = headline.bound;
            out.figures_added = headline.figures;
            out.inferred = headline.inferred;
        }
        out.others = kinds;
        out.not_added = not_added.into_iter().collect();
        // The compact form the engine keeps, and spelled out, the same
        // disagreements with their amounts.
        for (n, d) in disagreements.iter().enumerate() {
            out.disagreement_years.push(d.year);
            for f in &d.figures {
                for &i in &f.items {
                    out.disagreeing_items
                        .push((n as u32, f.record as u32, i as u32));
                }
            }
        }
        assert_eq!(out.disagreements(dataset), disagreements);
        out
    }
}

use funding_core::explore::Explorer;
use funding_core::model::{Programme, RecordKind};
use funding_core::sources::load_dir;
use funding_core::view::{Facet, SortOrder, ViewState};
use funding_core::{synthetic, Dataset, Money};
use proptest::prelude::*;
use reference::ReferenceExplorer;
use std::path::PathBuf;
use std::sync::OnceLock;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data")
}

fn real() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| load_dir(&data_dir()).expect("data/ is valid"))
}

/// 1,500 synthetic records: many recipients with several sources each, so the
/// totals' ranges, agreements and same-money rules all come up; a fifth of
/// them as texts added in a browser.
fn synthetic() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut text = String::new();
        let dir = data_dir().join("announcements");
        for entry in std::fs::read_dir(dir).expect("data/announcements") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                text.push_str(&std::fs::read_to_string(path).expect("seed"));
            }
        }
        // Some records are texts added in a browser, and some state no
        // programme, so that the totals' "rests on yours" and the
        // programme's "not stated" are compared too.
        let made = synthetic::dataset(1_500, &text);
        let mut records = made.records.clone();
        for (n, record) in records.iter_mut().enumerate() {
            if n % 5 == 2 {
                record.kind = RecordKind::Yours;
            }
            if n % 7 == 3 {
                record.programme = Programme::NotStated;
            }
        }
        Dataset::new(made.organisations.clone(), records)
    })
}

/// Views a person could make on `dataset`: words from its records (whole, as
/// prefixes, in phrases, excluded), up to four facets with up to three values,
/// amount bounds among its own amounts, any sort.
fn any_view(dataset: &'static Dataset) -> impl Strategy<Value = ViewState> {
    let engine = Explorer::new(dataset);
    let facet_values: Vec<(Facet, Vec<String>)> = Facet::ALL
        .iter()
        .map(|f| {
            let known = engine.known(*f).map(|k| k.iter().cloned().collect());
            (*f, known.unwrap_or_default())
        })
        .collect();
    let mut words: Vec<String> = dataset
        .records
        .iter()
        .take(400)
        .flat_map(|r| funding_core::tokens::tokenize(&r.display_title(dataset)))
        .map(|t| t.word)
        .collect();
    words.sort();
    words.dedup();
    let mut amounts: Vec<u64> = dataset
        .records
        .iter()
        .flat_map(|r| r.items.iter().map(|i| i.amount.0))
        .collect();
    amounts.sort_unstable();
    amounts.dedup();
    let query = proptest::collection::vec(
        (
            proptest::sample::select(words),
            0..5usize,
            proptest::sample::select(vec!["", "-", "\""]),
        )
            .prop_map(|(word, cut, how)| {
                let word: String = if cut > 0 && word.chars().count() > cut + 2 {
                    word.chars().take(cut + 2).collect()
                } else {
                    word
                };
                match how {
                    "\"" => format!("\"{word} {word}\""),
                    other => format!("{other}{word}"),
                }
            }),
        0..3,
    )
    .prop_map(|words| words.join(" "));
    let filters = proptest::collection::vec(
        (0..facet_values.len()).prop_flat_map(move |f| {
            let (facet, values) = facet_values[f].clone();
            proptest::sample::subsequence(values.clone(), 1..=values.len().clamp(1, 3))
                .prop_map(move |v| (facet, v))
        }),
        0..4,
    );
    let bound = proptest::option::of(proptest::sample::select(amounts));
    (
        query,
        filters,
        bound.clone(),
        bound,
        proptest::sample::select(SortOrder::ALL.to_vec()),
    )
        .prop_map(|(query, filters, min, max, sort)| {
            let mut view = ViewState {
                query,
                sort,
                min_amount: min.map(Money),
                max_amount: max.map(Money),
                ..ViewState::default()
            };
            for (facet, values) in filters {
                view.filters.insert(facet, values.into_iter().collect());
            }
            view
        })
}

fn engines(dataset: &'static Dataset) -> (Explorer<'static>, ReferenceExplorer<'static>) {
    (Explorer::new(dataset), ReferenceExplorer::new(dataset))
}

#[test]
fn the_default_view_is_the_same_on_both_datasets() {
    for dataset in [real(), synthetic()] {
        let (engine, reference) = engines(dataset);
        let view = ViewState::default();
        assert_eq!(engine.run(&view), reference.run(&view));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_view_of_the_real_data_gives_what_the_reference_gives(view in any_view(real())) {
        static ENGINES: OnceLock<(Explorer<'static>, ReferenceExplorer<'static>)> = OnceLock::new();
        let (engine, reference) = ENGINES.get_or_init(|| engines(real()));
        prop_assert_eq!(engine.run(&view), reference.run(&view));
    }

    #[test]
    fn any_view_of_synthetic_data_gives_what_the_reference_gives(view in any_view(synthetic())) {
        static ENGINES: OnceLock<(Explorer<'static>, ReferenceExplorer<'static>)> = OnceLock::new();
        let (engine, reference) = ENGINES.get_or_init(|| engines(synthetic()));
        prop_assert_eq!(engine.run(&view), reference.run(&view));
    }
}
