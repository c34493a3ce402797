//! The extractor: reads raw announcement text and finds the money amounts (with
//! their spans and the financial year their sentence ties them to), financial
//! years, full calendar dates, and the organisations and places the dataset knows.
//!
//! It must cope with scraped text (non-breaking spaces, words run together, odd
//! bullets) and with any input at all: it never panics, and its cost grows in
//! proportion to the text's length. Offsets are in characters (Unicode scalar
//! values), end exclusive.

use crate::calendar::{scan_date, PartialDate};
use crate::model::{Dataset, Organisation};
use crate::money::{scan_amount, MoneyError, Qualifier};
use crate::period::{scan_financial_year, FinancialYear};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundAmount {
    /// Whole pounds; None when the amount is too large to hold (see `problem`).
    pub gbp: Option<u64>,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub financial_year: Option<FinancialYear>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extraction {
    pub amounts: Vec<FoundAmount>,
    /// Each financial year named, once, in order of first mention.
    pub financial_years: Vec<FinancialYear>,
    /// Each full date named, once, in order of first mention.
    pub dates: Vec<PartialDate>,
    /// Canonical names of the known organisations named, in order of first mention.
    pub organisations: Vec<String>,
    /// Known places named, in order of first mention.
    pub places: Vec<String>,
    /// Where each find is in the text, in text order: every amount, financial
    /// year and date, and every mention of a name found (what a page marks).
    pub marks: Vec<Mark>,
}

/// One find's place in the text, in characters, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub kind: MarkKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    Amount,
    FinancialYear,
    Date,
    Organisation,
    Place,
}

impl MarkKind {
    /// What a person reads for it.
    pub fn name(self) -> &'static str {
        match self {
            MarkKind::Amount => "amount",
            MarkKind::FinancialYear => "financial year",
            MarkKind::Date => "date",
            MarkKind::Organisation => "organisation",
            MarkKind::Place => "place",
        }
    }
}

/// The names the extractor recognises: organisations (with their aliases and
/// places) and places.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    organisations: Vec<KnownOrganisation>,
    places: Vec<String>,
    /// Every folded name, and the automaton that finds them all in one pass:
    /// built on first use, rebuilt after a name is added.
    searcher: std::sync::OnceLock<Option<NameSearcher>>,
}

#[derive(Debug, Clone)]
struct NameSearcher {
    patterns: Vec<String>,
    automaton: aho_corasick::AhoCorasick,
}

impl Gazetteer {
    fn searcher(&self) -> Option<&NameSearcher> {
        self.searcher
            .get_or_init(|| {
                let mut patterns: Vec<String> = self.places.iter().map(|p| fold_str(p)).collect();
                patterns.extend(
                    self.organisations
                        .iter()
                        .flat_map(|o| o.names.iter().map(|n| fold_str(n))),
                );
                patterns.retain(|p| !p.is_empty());
                patterns.sort();
                patterns.dedup();
                let automaton = aho_corasick::AhoCorasick::new(&patterns).ok()?;
                Some(NameSearcher {
                    patterns,
                    automaton,
                })
            })
            .as_ref()
    }
}

#[derive(Debug, Clone)]
struct KnownOrganisation {
    name: String,
    /// The name and its aliases.
    names: Vec<String>,
    places: Vec<String>,
}

impl Gazetteer {
    pub fn from_dataset(dataset: &Dataset) -> Gazetteer {
        let mut gazetteer = Gazetteer::of_organisations(&dataset.organisations);
        for record in &dataset.records {
            for place in &record.places {
                gazetteer.add_place(place);
            }
        }
        gazetteer
    }

    /// The organisations' names, aliases and places, and no other place.
    pub fn of_organisations(organisations: &[Organisation]) -> Gazetteer {
        let mut gazetteer = Gazetteer::default();
        for org in organisations {
            gazetteer.add_organisation(&org.name, &org.aliases, &org.places);
        }
        gazetteer
    }

    pub fn add_organisation(&mut self, name: &str, aliases: &[String], places: &[String]) {
        let mut names = vec![name.to_string()];
        names.extend(aliases.iter().cloned());
        self.searcher = std::sync::OnceLock::new();
        self.organisations.push(KnownOrganisation {
            name: name.to_string(),
            names,
            places: places.to_vec(),
        });
        for place in places {
            self.add_place(place);
        }
    }

    pub fn add_place(&mut self, place: &str) {
        self.searcher = std::sync::OnceLock::new();
        if !self.places.iter().any(|p| p == place) {
            self.places.push(place.to_string());
        }
    }
}

/// One character folded for name matching, one for one so offsets still line up:
/// lower case, non-breaking and other spaces as a plain space, curly quotes straight.
fn fold(c: char) -> char {
    match c {
        '\u{a0}' | '\u{202f}' | '\u{2007}' | '\t' | '\n' | '\r' => ' ',
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        '–' | '—' => '-',
        _ => crate::case::lower_case(c),
    }
}

fn fold_str(s: &str) -> String {
    // Runs of spaces in a name match a single space in the text and vice versa is
    // not needed: names in the data are written with single spaces.
    s.chars().map(fold).collect()
}

/// Positions (in characters) where `needle` occurs in `haystack` as whole words.
struct FoldedText {
    folded: String,
    /// Byte offset of each character of `folded`, plus one past the end.
    char_starts: Vec<usize>,
}

impl FoldedText {
    fn new(chars: &[char]) -> FoldedText {
        let folded: String = chars.iter().map(|&c| fold(c)).collect();
        let mut char_starts: Vec<usize> = folded.char_indices().map(|(i, _)| i).collect();
        char_starts.push(folded.len());
        FoldedText {
            folded,
            char_starts,
        }
    }

    fn char_at_byte(&self, byte: usize) -> usize {
        self.char_starts.partition_point(|&b| b < byte)
    }
}

/// Sentence boundaries: a full stop, question or exclamation mark followed by a
/// space or the end; a blank line; a bullet. Returns the start of each sentence.
fn sentence_starts(chars: &[char]) -> Vec<usize> {
    let mut starts = vec![0];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let ends = match c {
            '.' | '!' | '?' => next.is_none_or(crate::money::is_space),
            '\n' => {
                // A blank line (only spaces between two line breaks).
                let mut j = i + 1;
                while j < chars.len() && chars[j] != '\n' && crate::money::is_space(chars[j]) {
                    j += 1;
                }
                chars.get(j) == Some(&'\n')
            }
            '•' | '·' | '●' | '▪' => {
                starts.push(i);
                false
            }
            _ => false,
        };
        if ends {
            starts.push(i + 1);
        }
        i += 1;
    }
    starts
}

/// Extracts everything from `text`. Linear in its length (times the number of
/// known names, for the name search).
pub fn extract(text: &str, gazetteer: &Gazetteer) -> Extraction {
    let chars: Vec<char> = text.chars().collect();
    let mut amounts = Vec::new();
    let mut years: Vec<(usize, FinancialYear)> = Vec::new();
    let mut dates = UniqueList::default();
    let mut marks: Vec<Mark> = Vec::new();
    let mut mark = |start: usize, end: usize, kind: MarkKind| marks.push(Mark { start, end, kind });

    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let word_start = i == 0 || !chars[i - 1].is_alphanumeric();
        if c == '£' {
            if let Some(found) = scan_amount(&chars, i) {
                let next = found.end.max(i + 1);
                let (gbp, problem) = match &found.amount {
                    Ok(money) => (Some(money.pounds()), None),
                    Err(MoneyError::TooLarge) => (None, Some("too large to hold".to_string())),
                    Err(e) => (None, Some(e.to_string())),
                };
                mark(found.start, found.end, MarkKind::Amount);
                amounts.push(FoundAmount {
                    gbp,
                    text: chars[found.start..found.end].iter().collect(),
                    start: found.start,
                    end: found.end,
                    financial_year: None,
                    qualifier: found.qualifier,
                    problem,
                });
                i = next;
                continue;
            }
        } else if c.is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            if let Some((fy, len)) = scan_financial_year(&chars, i) {
                let after_digit = chars.get(i + len).is_some_and(|c| c.is_ascii_digit());
                if !after_digit {
                    mark(i, i + len, MarkKind::FinancialYear);
                    years.push((i, fy));
                    i += len;
                    continue;
                }
            }
            if let Some((date, len)) = scan_date(&chars, i) {
                mark(i, i + len, MarkKind::Date);
                dates.push(date);
                i += len;
                continue;
            }
        } else if c.is_alphabetic() && word_start {
            if let Some((date, len)) = scan_date(&chars, i) {
                mark(i, i + len, MarkKind::Date);
                dates.push(date);
                i += len;
                continue;
            }
        }
        i += 1;
    }

    tie_amounts_to_years(&chars, &mut amounts, &years);

    let mut financial_years = UniqueList::default();
    for (_, fy) in &years {
        financial_years.push(*fy);
    }

    let folded = FoldedText::new(&chars);
    let (organisations, places) = find_names(&folded, gazetteer, &mut marks);
    // The longer of two finds that start together ("Dudley MCP" over the
    // place "Dudley"); a find inside one marked before is left unmarked, so
    // marks never overlap.
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut end = 0;
    marks.retain(|m| {
        let keep = m.start >= end;
        if keep {
            end = m.end;
        }
        keep
    });

    Extraction {
        amounts,
        financial_years: financial_years.list,
        dates: dates.list,
        organisations,
        places,
        marks,
    }
}

/// Values in order of first appearance, each once, in constant time a value.
struct UniqueList<T> {
    list: Vec<T>,
    seen: std::collections::HashSet<T>,
}

impl<T> Default for UniqueList<T> {
    fn default() -> Self {
        UniqueList {
            list: Vec::new(),
            seen: std::collections::HashSet::new(),
        }
    }
}

impl<T: std::hash::Hash + Eq + Clone> UniqueList<T> {
    fn push(&mut self, value: T) {
        if self.seen.insert(value.clone()) {
            self.list.push(value);
        }
    }
}

/// Gives each amount the financial year named in its own sentence, the nearest
/// one when there are several. Years are in text order, so the nearest ones
/// are found by binary search: no text can make this quadratic.
fn tie_amounts_to_years(
    chars: &[char],
    amounts: &mut [FoundAmount],
    years: &[(usize, FinancialYear)],
) {
    if years.is_empty() {
        return;
    }
    let starts = sentence_starts(chars);
    let sentence_of = |pos: usize| starts.partition_point(|&s| s <= pos).saturating_sub(1);
    for amount in amounts.iter_mut() {
        let sentence = sentence_of(amount.start);
        let from = starts[sentence];
        let to = starts.get(sentence + 1).copied().unwrap_or(chars.len());
        // The last year before the amount and the first one after it.
        let after = years.partition_point(|(p, _)| *p < amount.end);
        let before = years[..after]
            .iter()
            .rev()
            .find(|(p, _)| *p < amount.start)
            .filter(|(p, _)| *p >= from)
            .map(|(p, fy)| (amount.start - p, *fy));
        let next = years
            .get(after)
            .filter(|(p, _)| *p < to)
            .map(|(p, fy)| (p - amount.end, *fy));
        amount.financial_year = match (before, next) {
            (Some(b), Some(n)) => Some(if n.0 <= b.0 { n.1 } else { b.1 }),
            (b, n) => b.or(n).map(|(_, fy)| fy),
        };
    }
}

/// Every whole-word occurrence (in characters, start and end) of each known
/// name, all found in one pass over the text.
fn occurrences(
    folded: &FoldedText,
    gazetteer: &Gazetteer,
) -> std::collections::HashMap<String, Vec<(usize, usize)>> {
    let mut found: std::collections::HashMap<String, Vec<(usize, usize)>> =
        std::collections::HashMap::new();
    let Some(searcher) = gazetteer.searcher() else {
        return found;
    };
    let text = folded.folded.as_str();
    let boundary = |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric());
    for m in searcher.automaton.find_overlapping_iter(text) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if boundary(before) && boundary(after) {
            let pattern = &searcher.patterns[m.pattern().as_usize()];
            let span = (folded.char_at_byte(m.start()), folded.char_at_byte(m.end()));
            found.entry(pattern.clone()).or_default().push(span);
        }
    }
    found
}

fn find_names(
    folded: &FoldedText,
    gazetteer: &Gazetteer,
    marks: &mut Vec<Mark>,
) -> (Vec<String>, Vec<String>) {
    let occurrences = occurrences(folded, gazetteer);
    let spans = |name: &str| occurrences.get(&fold_str(name));
    let find = |name: &str| spans(name).and_then(|s| s.first()).map(|s| s.0);

    // Places first: they settle which organisation an ambiguous alias means.
    let mut places: Vec<(usize, &str)> = gazetteer
        .places
        .iter()
        .filter_map(|p| find(p).map(|at| (at, p.as_str())))
        .collect();
    places.sort();
    for (_, place) in &places {
        for &(start, end) in spans(place).into_iter().flatten() {
            marks.push(Mark {
                start,
                end,
                kind: MarkKind::Place,
            });
        }
    }

    // How many organisations answer to each folded name.
    let mut owners: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for org in &gazetteer.organisations {
        let mut seen = Vec::new();
        for name in &org.names {
            let f = fold_str(name);
            if !seen.contains(&f) {
                *owners.entry(f.clone()).or_default() += 1;
                seen.push(f);
            }
        }
    }

    let mut found: Vec<(usize, &str)> = Vec::new();
    for org in &gazetteer.organisations {
        let mut first: Option<usize> = None;
        for name in &org.names {
            let f = fold_str(name);
            let Some(at) = find(name) else {
                continue;
            };
            let shared = owners.get(&f).copied().unwrap_or(0) > 1;
            // A name several organisations share counts only when the text also
            // names one of this organisation's places.
            let settled = !shared
                || org
                    .places
                    .iter()
                    .any(|p| places.iter().any(|(_, found)| found == p));
            if settled {
                first = Some(first.map_or(at, |f: usize| f.min(at)));
                for &(start, end) in spans(name).into_iter().flatten() {
                    marks.push(Mark {
                        start,
                        end,
                        kind: MarkKind::Organisation,
                    });
                }
            }
        }
        if let Some(at) = first {
            found.push((at, org.name.as_str()));
        }
    }
    found.sort();
    (
        found.into_iter().map(|(_, n)| n.to_string()).collect(),
        places.into_iter().map(|(_, p)| p.to_string()).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(text: &str) -> Vec<(Option<u64>, String)> {
        extract(text, &Gazetteer::default())
            .amounts
            .into_iter()
            .map(|a| (a.gbp, a.text))
            .collect()
    }

    #[test]
    fn finds_each_form_with_its_words() {
        let text = "£4.8m, £4.8million, £3,945,000, £2.72 million, £900m, £200 million, \
                    £1.3bn, £955,313, over £8.5m and £0.2m.";
        let found = amounts(text);
        let expected: Vec<(Option<u64>, String)> = [
            (4_800_000, "£4.8m"),
            (4_800_000, "£4.8million"),
            (3_945_000, "£3,945,000"),
            (2_720_000, "£2.72 million"),
            (900_000_000, "£900m"),
            (200_000_000, "£200 million"),
            (1_300_000_000, "£1.3bn"),
            (955_313, "£955,313"),
            (8_500_000, "over £8.5m"),
            (200_000, "£0.2m"),
        ]
        .iter()
        .map(|(g, t)| (Some(*g), t.to_string()))
        .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn marks_every_find_once_in_text_order() {
        let mut gazetteer = Gazetteer::default();
        gazetteer.add_organisation("Dudley MCP", &[], &["Dudley".to_string()]);
        let text =
            "Dudley MCP gets £4m in 2017/18, said Dudley on 9 January 2017. Dudley MCP again.";
        let e = extract(text, &gazetteer);
        let chars: Vec<char> = text.chars().collect();
        let marked: Vec<(String, MarkKind)> = e
            .marks
            .iter()
            .map(|m| (chars[m.start..m.end].iter().collect(), m.kind))
            .collect();
        let expected: Vec<(String, MarkKind)> = [
            ("Dudley MCP", MarkKind::Organisation),
            ("£4m", MarkKind::Amount),
            ("2017/18", MarkKind::FinancialYear),
            ("Dudley", MarkKind::Place),
            ("9 January 2017", MarkKind::Date),
            ("Dudley MCP", MarkKind::Organisation),
        ]
        .iter()
        .map(|(t, k)| (t.to_string(), *k))
        .collect();
        assert_eq!(marked, expected);
    }

    #[test]
    fn spans_are_character_offsets() {
        let text = "Café £4m\u{a0}for 2017/18";
        let e = extract(text, &Gazetteer::default());
        let a = &e.amounts[0];
        let chars: Vec<char> = text.chars().collect();
        assert_eq!((a.start, a.end), (5, 8));
        assert_eq!(chars[a.start..a.end].iter().collect::<String>(), "£4m");
        assert_eq!(
            a.financial_year.map(|y| y.to_string()).as_deref(),
            Some("2017/18")
        );
    }

    #[test]
    fn copes_with_run_together_words_and_odd_spaces() {
        assert_eq!(
            amounts("£3,945,000 of newfunding"),
            vec![(Some(3_945_000), "£3,945,000".into())]
        );
        assert_eq!(
            amounts("received £4.8millionfunding"),
            vec![(Some(4_800_000), "£4.8million".into())]
        );
        assert_eq!(
            amounts("an extra £2.72\u{a0}million"),
            vec![(Some(2_720_000), "£2.72\u{a0}million".into())]
        );
        // "m" run into a word is not a unit: "£4more" is four pounds.
        assert_eq!(amounts("£4more"), vec![(Some(4), "£4".into())]);
        // Not money: no pound sign.
        assert_eq!(amounts("the 2.6million people"), vec![]);
    }

    #[test]
    fn the_year_comes_from_the_amounts_own_sentence() {
        let text =
            "It received £3.9m of funding. The money covers 2015/16 and a £200 million fund.";
        let e = extract(text, &Gazetteer::default());
        assert_eq!(e.amounts[0].financial_year, None);
        assert_eq!(
            e.amounts[1]
                .financial_year
                .map(|y| y.to_string())
                .as_deref(),
            Some("2015/16")
        );
        // A blank line ends a headline that has no full stop.
        let text = "£4.8m for Sunderland\n\nJan 9, 2017\n\nIt gets £4.8million for 2017/18.";
        let e = extract(text, &Gazetteer::default());
        assert_eq!(e.amounts[0].financial_year, None);
        assert!(e.amounts[1].financial_year.is_some());
        assert_eq!(e.dates[0].to_string(), "2017-01-09");
    }

    #[test]
    fn reads_years_and_dates_once_each_in_order() {
        let text = "In 2016-17 and 2015/16, then 2016/17 again. 10th March 2016; 22 August 2018.";
        let e = extract(text, &Gazetteer::default());
        let years: Vec<String> = e.financial_years.iter().map(|y| y.to_string()).collect();
        assert_eq!(years, ["2016/17", "2015/16"]);
        let dates: Vec<String> = e.dates.iter().map(|d| d.to_string()).collect();
        assert_eq!(dates, ["2016-03-10", "2018-08-22"]);
    }

    #[test]
    fn a_shared_alias_counts_only_with_its_place() {
        let mut g = Gazetteer::default();
        let alias = vec!["All Together Better".to_string()];
        g.add_organisation(
            "All Together Better Sunderland",
            &alias,
            &["Sunderland".to_string()],
        );
        g.add_organisation("Dudley MCP", &alias, &["Dudley".to_string()]);
        g.add_organisation(
            "Tower Hamlets Together",
            &[],
            &["Tower Hamlets".to_string()],
        );
        let e = extract("The All\u{a0}Together Better partnership in Dudley.", &g);
        assert_eq!(e.organisations, ["Dudley MCP"]);
        assert_eq!(e.places, ["Dudley"]);
        let e = extract("All Together Better, somewhere.", &g);
        assert!(e.organisations.is_empty());
        let e = extract("TOWER HAMLETS TOGETHER will receive", &g);
        assert_eq!(e.organisations, ["Tower Hamlets Together"]);
    }

    #[test]
    fn the_nearest_year_in_the_sentence_wins() {
        let e = extract(
            "In 2015/16 a fund; for 2017/18 £4m. Later £1m.",
            &Gazetteer::default(),
        );
        assert_eq!(
            e.amounts[0]
                .financial_year
                .map(|y| y.to_string())
                .as_deref(),
            Some("2017/18")
        );
        assert_eq!(e.amounts[1].financial_year, None);
        let e = extract("£4m for 2016-17 and 2019/20 later", &Gazetteer::default());
        assert_eq!(
            e.amounts[0]
                .financial_year
                .map(|y| y.to_string())
                .as_deref(),
            Some("2016/17")
        );
    }

    #[test]
    fn never_panics_on_hostile_text() {
        let long_digits = format!("£{}", "9".repeat(400));
        let e = extract(&long_digits, &Gazetteer::default());
        assert_eq!(e.amounts.len(), 1);
        assert_eq!(e.amounts[0].gbp, None);
        assert!(e.amounts[0].problem.is_some());
        let pounds = "£".repeat(100_000);
        assert!(extract(&pounds, &Gazetteer::default()).amounts.is_empty());
        for text in [
            "",
            "£",
            "£,",
            "£1,",
            "£1.",
            "2017/",
            "Jan",
            "31st",
            "\u{202e}£5m\u{202c} 🙂",
            "over",
            "£1 over £",
        ] {
            let _ = extract(text, &Gazetteer::default());
        }
    }
}
