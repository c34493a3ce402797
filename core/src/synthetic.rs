//! Benchmark-only: synthetic datasets of any size with the real records'
//! shape (mostly reported figures with a recipient, amount, period, publisher
//! and a note; one in twenty an announcement with a few hundred words of text
//! whose figures carry evidence spans), words drawn from the seed texts.
//! Deterministic: the same size gives the same dataset.

use crate::calendar::PartialDate;
use crate::model::{
    CareModel, Dataset, Evidence, FundingItem, FundingRecord, Organisation, OrganisationKind,
    Programme, RecordKind, Role,
};
use crate::money::Money;
use crate::period::{FinancialYear, Period};

/// A small, fast, deterministic random number generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const PUBLISHERS: [&str; 12] = [
    "HSJ",
    "LGC",
    "NHS England",
    "National Audit Office",
    "Black Country Radio",
    "Morpeth Herald",
    "Stockport Practice Hub",
    "Harrogate and Rural District CCG",
    "Dorset HealthCare",
    "Surrey Heartlands",
    "Wirral Council",
    "Cumbria Partnership NHS FT",
];

const BASES: [&str; 8] = [
    "transformation funding received",
    "approved funding",
    "first allocation from the £200m fund",
    "national funding awarded",
    "new funding",
    "planned local continuation after national funding ended",
    "acceleration zone revenue funding",
    "capital funding",
];

/// The vocabulary of the seed texts, for realistic words and lengths.
fn vocabulary(seed_text: &str) -> Vec<String> {
    let mut words: Vec<String> = seed_text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| w.len() > 1 && !w.contains('£'))
        .collect();
    if words.is_empty() {
        words.push("funding".into());
    }
    words
}

/// A dataset of `records` records. `seed_text` supplies the vocabulary (the
/// seed announcements' texts, concatenated).
pub fn dataset(records: usize, seed_text: &str) -> Dataset {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ records as u64);
    let words = vocabulary(seed_text);
    let org_count = (records / 20).clamp(50, 5_000);
    let organisations: Vec<Organisation> = (0..org_count)
        .map(|i| {
            let place = rng.pick(&words).clone();
            Organisation {
                id: format!("synthetic-partnership-{i}"),
                name: format!("{place} Partnership {i}"),
                kind: OrganisationKind::Vanguard,
                care_model: Some(CareModel::ALL[i % CareModel::ALL.len()]),
                selected_on: PartialDate::parse_iso("2015-03-10"),
                source_url: None,
                aliases: Vec::new(),
                org_id: None,
                places: vec![place],
            }
        })
        .collect();
    let mut out = Vec::with_capacity(records);
    for i in 0..records {
        let org = &organisations[rng.below(org_count)];
        // Amounts from £100k to about £50m, most of them a few million.
        let amount = Money(100_000 * (1 + rng.below(60) as u64) * (1 + rng.below(8) as u64));
        let year =
            FinancialYear::starting(2015 + rng.below(6) as u16).map(|y| Period::Year { year: y });
        let period = if rng.below(10) == 0 {
            Period::Unstated
        } else {
            year.unwrap_or(Period::Unstated)
        };
        let published_on = (rng.below(3) > 0)
            .then(|| {
                PartialDate::full(
                    2015 + rng.below(5) as u16,
                    1 + rng.below(12) as u8,
                    1 + rng.below(28) as u8,
                )
            })
            .flatten();
        let stated_as = amount.compact();
        let is_announcement = i % 20 == 0;
        let note_len = 8 + rng.below(25);
        let note: Vec<&str> = (0..note_len).map(|_| rng.pick(&words).as_str()).collect();
        let (text, evidence) = if is_announcement {
            let mut text = String::new();
            let length = 250 + rng.below(400);
            let mut evidence = Vec::new();
            let mut chars = 0usize;
            for w in 0..length {
                if w == length / 3 {
                    let quote = stated_as.clone();
                    evidence.push(Evidence {
                        start: chars,
                        end: chars + quote.chars().count(),
                        quote: quote.clone(),
                    });
                    text.push_str(&quote);
                    chars += quote.chars().count();
                } else {
                    let word = rng.pick(&words);
                    text.push_str(word);
                    chars += word.chars().count();
                }
                text.push(if w % 17 == 16 { '\n' } else { ' ' });
                chars += 1;
            }
            (Some(text), evidence)
        } else {
            (None, Vec::new())
        };
        let id = format!("synthetic-{i}");
        out.push(FundingRecord {
            id: id.clone(),
            kind: if is_announcement {
                RecordKind::Announcement
            } else {
                RecordKind::ReportedFigure
            },
            title: is_announcement
                .then(|| format!("{} receives {} for transformation", org.name, stated_as)),
            publisher: (rng.below(8) > 0).then(|| rng.pick(&PUBLISHERS).to_string()),
            author: None,
            published_on,
            recipients: vec![org.id.clone()],
            places: Vec::new(),
            programme: Programme::ALL[rng.below(10).min(3) * usize::from(rng.below(4) == 0)],
            care_model: None,
            source_url: Some(format!("https://example.org/synthetic/{i}")),
            text_file: None,
            text,
            items: vec![FundingItem {
                id,
                amount,
                stated_as,
                qualifier: None,
                period,
                period_inferred: None,
                role: if rng.below(25) == 0 {
                    Role::ProgrammeTotal
                } else {
                    Role::Allocation
                },
                // Most synthetic money is the national fund's, as in the real
                // data. Taken from the record's number, not the generator,
                // so the records are otherwise those of earlier builds (the
                // benchmarks compare builds on the same records).
                stream: crate::model::FundingStream::ALL[if i % 3 == 0 { i / 3 % 6 } else { 0 }],
                money_type: crate::model::MoneyType::ALL[i / 7 % 3],
                classified_by: None,
                purpose: Some(rng.pick(&BASES).to_string()),
                part_of: None,
                same_as: None,
                evidence,
            }],
            people: Vec::new(),
            conditions: Vec::new(),
            notes: vec![note.join(" ")],
        });
    }
    Dataset::new(organisations, out)
}

/// The operation the benchmarks compare with crossfilter (natively and in the
/// browser): figures of 2016/17 or 2017/18 between £1m and £20m, then the
/// counts by care model and the sums by year (no search).
pub fn crossfilter_view() -> crate::view::ViewState {
    let mut view = crate::view::ViewState::default();
    view.filters.insert(
        crate::view::Facet::FinancialYear,
        ["2016/17".to_string(), "2017/18".to_string()]
            .into_iter()
            .collect(),
    );
    view.min_amount = Some(Money(1_000_000));
    view.max_amount = Some(Money(20_000_000));
    view
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_records_have_true_evidence_and_the_asked_size() {
        let d = dataset(
            200,
            "The vanguards are making great progress in Sunderland and Dudley.",
        );
        assert_eq!(d.records.len(), 200);
        for r in d.records.iter().filter(|r| r.text.is_some()) {
            let chars: Vec<char> = r.text.as_deref().unwrap().chars().collect();
            for e in &r.items[0].evidence {
                assert_eq!(chars[e.start..e.end].iter().collect::<String>(), e.quote);
            }
        }
        assert_eq!(
            dataset(200, "a b c"),
            dataset(200, "a b c"),
            "deterministic"
        );
    }
}
