//! Full-text search over the records: an inverted index built once, BM25F-style
//! ranking with titles and recipients weighted above the body, word prefixes,
//! phrases and exclusions; and the highlighting that shows why a record matched.

use crate::model::{Dataset, FundingRecord, Programme};
use crate::query::{Query, QueryTerm};
use crate::tokens::{each_word_into, search_form, tokenize};

/// The parts of a record that are searched, and how much a match in each counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Recipients,
    Places,
    People,
    Details,
    Body,
}

impl Field {
    /// In declaration order: `Field::ALL[field as usize] == field`.
    const ALL: [Field; 6] = [
        Field::Title,
        Field::Recipients,
        Field::Places,
        Field::People,
        Field::Details,
        Field::Body,
    ];

    fn weight(self) -> f32 {
        match self {
            Field::Title | Field::Recipients => 3.0,
            Field::Places | Field::People => 1.5,
            Field::Details | Field::Body => 1.0,
        }
    }
}

/// The searchable text of one record, piece by piece, field by field (in
/// `Field::ALL` order): titles, names, notes, the full text. Read in place,
/// without copying the texts.
pub fn each_field_text(dataset: &Dataset, record: &FundingRecord, mut f: impl FnMut(Field, &str)) {
    let organisations = || {
        record
            .recipients
            .iter()
            .filter_map(|id| dataset.organisation(id))
    };
    match &record.title {
        Some(title) => f(Field::Title, title),
        // The title shown (`display_title`), read part by part rather than
        // joined into a new string: the same words.
        None => {
            let (names, figure) = record.untitled_parts(dataset);
            names.chain(figure).for_each(|part| f(Field::Title, part));
        }
    }
    for org in organisations() {
        f(Field::Recipients, &org.name);
        org.aliases.iter().for_each(|a| f(Field::Recipients, a));
    }
    record.places.iter().for_each(|p| f(Field::Places, p));
    for org in organisations() {
        org.places.iter().for_each(|p| f(Field::Places, p));
    }
    for person in &record.people {
        [&person.name, &person.role, &person.organisation]
            .into_iter()
            .flatten()
            .for_each(|text| f(Field::People, text));
    }
    let details = record
        .notes
        .iter()
        .chain(&record.conditions)
        .chain(&record.publisher)
        .chain(&record.author);
    details.for_each(|text| f(Field::Details, text));
    // A programme not stated is no words of the record's to find it by.
    if record.programme != Programme::NotStated {
        f(Field::Details, record.programme.name());
    }
    if let Some(model) = dataset.effective_care_model(record) {
        f(Field::Details, model.name());
        f(Field::Details, model.code());
    }
    for item in &record.items {
        f(Field::Details, &item.stated_as);
        item.purpose.iter().for_each(|p| f(Field::Details, p));
    }
    if let Some(text) = &record.text {
        f(Field::Body, text);
    }
}

/// A word's postings record by record, each record's weighted count of the
/// word: a record's postings for a word are next to one another (the index
/// is built record by record).
fn weighted_by_record(list: &[Posting]) -> impl Iterator<Item = (u32, f32)> + '_ {
    list.chunk_by(|a, b| a.doc == b.doc).map(|run| {
        let weighted: f32 = run
            .iter()
            .map(|p| Field::ALL[p.field as usize].weight() * p.count as f32)
            .sum();
        (run[0].doc, weighted)
    })
}

#[derive(Debug, Clone, Copy, Default)]
struct Posting {
    doc: u32,
    field: u8,
    count: u16,
}

/// The distinct words met while building the index, numbered in the order
/// met: one string holds them all, and an open-addressed table of ids finds
/// a word by its hash. Every word read is looked up here, and nearly every
/// one was met before (a few thousand distinct words in millions): a look-up
/// hashes the word's bytes once and compares bytes only on a matching hash.
struct WordTable {
    text: String,
    /// Word id to where it ends in `text` (it starts where the last ended).
    ends: Vec<u32>,
    /// (hash, id + 1) per slot, 0 for none; a power of two, at most half full.
    slots: Vec<(u32, u32)>,
}

impl WordTable {
    fn new() -> WordTable {
        WordTable {
            text: String::new(),
            ends: Vec::new(),
            slots: vec![(0, 0); 1024],
        }
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn word(&self, id: u32) -> &str {
        let id = id as usize;
        let from = match id {
            0 => 0,
            _ => self.ends.get(id - 1).copied().unwrap_or_default(),
        };
        let to = self.ends.get(id).copied().unwrap_or_default();
        self.text
            .get(from as usize..to as usize)
            .unwrap_or_default()
    }

    /// The hash the engine's maps use (FxHash), on the word's bytes.
    fn hash(word: &str) -> u32 {
        use std::hash::BuildHasher;
        let h = rustc_hash::FxBuildHasher.hash_one(word.as_bytes());
        (h ^ (h >> 32)) as u32
    }

    /// The slot that holds `word`, or the empty one where it would go.
    fn slot(&self, word: &str, hash: u32) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = hash as usize & mask;
        loop {
            match self.slots[at] {
                (_, 0) => return at,
                (h, id) if h == hash && same_bytes(self.word(id - 1), word) => return at,
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// The word's id, given it if new.
    fn id(&mut self, word: &str) -> u32 {
        let hash = Self::hash(word);
        let at = self.slot(word, hash);
        if let (_, id @ 1..) = self.slots[at] {
            return id - 1;
        }
        let id = self.ends.len() as u32;
        self.text.push_str(word);
        self.ends.push(self.text.len() as u32);
        self.slots[at] = (hash, id + 1);
        if self.ends.len() * 2 > self.slots.len() {
            let grown = vec![(0, 0); self.slots.len() * 2];
            let old = std::mem::replace(&mut self.slots, grown);
            for (hash, id) in old.into_iter().filter(|(_, id)| *id != 0) {
                let at = self.slot(self.word(id - 1), hash);
                self.slots[at] = (hash, id);
            }
        }
        id
    }
}

/// Each record's postings, record by record, field by field: `f(posting,
/// word id)` once per word and field it is in, with the word's uses there.
/// `uses` (one zero per word id) counts them, and is zeros again after.
fn each_posting(
    words: &[u32],
    spans: &[(u8, u32, u32)],
    doc_spans: &[u32],
    uses: &mut [u16],
    mut f: impl FnMut(Posting, u32),
) {
    // The ids used in the field being read: no map, no sort.
    let mut used: Vec<u32> = Vec::new();
    for (doc, doc_span) in doc_spans.windows(2).enumerate() {
        for &(field, from, to) in &spans[doc_span[0] as usize..doc_span[1] as usize] {
            for &id in &words[from as usize..to as usize] {
                let n = &mut uses[id as usize];
                if *n == 0 {
                    used.push(id);
                }
                *n = n.saturating_add(1);
            }
            for id in used.drain(..) {
                let count = std::mem::take(&mut uses[id as usize]);
                f(
                    Posting {
                        doc: doc as u32,
                        field,
                        count,
                    },
                    id,
                );
            }
        }
    }
}

/// Whether two words are the same, byte by byte in place (words are short:
/// a call to `memcmp` would cost more than the comparison).
fn same_bytes(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// The index over a dataset's records (by their position in `dataset.records`).
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// Every distinct word, sorted, with its id: prefix look-ups are a range.
    vocabulary: Vec<(String, u32)>,
    /// Every word's postings, word after word, each word's in record order:
    /// word id n's are `postings[posting_start[n]..posting_start[n + 1]]`.
    postings: Vec<Posting>,
    posting_start: Vec<u32>,
    /// Every field's word ids in order (for phrases), all in one list:
    /// `spans` says where each field's run is (field, from, to), and
    /// `doc_spans[d]..doc_spans[d + 1]` which spans are record d's.
    words: Vec<u32>,
    spans: Vec<(u8, u32, u32)>,
    doc_spans: Vec<u32>,
    /// Per record, the weighted number of words.
    lengths: Vec<f32>,
    average_length: f32,
}

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A record no word of the term reached (every real score is above zero).
const NO_SCORE: f32 = f32::NEG_INFINITY;

impl SearchIndex {
    pub fn build(dataset: &Dataset) -> SearchIndex {
        let mut table = WordTable::new();
        let mut words: Vec<u32> = Vec::new();
        let mut spans: Vec<(u8, u32, u32)> = Vec::new();
        let mut doc_spans: Vec<u32> = Vec::with_capacity(dataset.records.len() + 1);
        let mut lengths = Vec::with_capacity(dataset.records.len());
        let mut word_buffer = String::new();
        // Every record's fields, word by word.
        for record in &dataset.records {
            let first_span = spans.len();
            doc_spans.push(first_span as u32);
            // A field's pieces follow one another: one span per field.
            each_field_text(dataset, record, |field, text| {
                let field_index = field as u8;
                let at = words.len() as u32;
                if spans.len() == first_span || spans.last().is_some_and(|s| s.0 != field_index) {
                    spans.push((field_index, at, at));
                }
                each_word_into(&mut word_buffer, text, |word, _, _| {
                    words.push(table.id(&search_form(word)))
                });
                if let Some(span) = spans.last_mut() {
                    span.2 = words.len() as u32;
                }
            });
            let length: f32 = spans[first_span..]
                .iter()
                .map(|&(field, from, to)| Field::ALL[field as usize].weight() * (to - from) as f32)
                .sum();
            lengths.push(length);
        }
        doc_spans.push(spans.len() as u32);
        // Each word's postings (one per field it is in), counted, then laid
        // out word after word: one list for all, not a list per word.
        let mut uses = vec![0u16; table.len()];
        let mut posting_start = vec![0u32; table.len() + 1];
        each_posting(&words, &spans, &doc_spans, &mut uses, |_, id| {
            posting_start[id as usize + 1] += 1;
        });
        for id in 0..table.len() {
            posting_start[id + 1] += posting_start[id];
        }
        let mut postings = vec![Posting::default(); posting_start[table.len()] as usize];
        let mut next = posting_start.clone();
        each_posting(&words, &spans, &doc_spans, &mut uses, |posting, id| {
            let at = &mut next[id as usize];
            postings[*at as usize] = posting;
            *at += 1;
        });
        let mut vocabulary: Vec<(String, u32)> = (0..table.len() as u32)
            .map(|id| (table.word(id).to_string(), id))
            .collect();
        crate::order::sort(&mut vocabulary);
        let average_length = if lengths.is_empty() {
            1.0
        } else {
            (lengths.iter().sum::<f32>() / lengths.len() as f32).max(1.0)
        };
        SearchIndex {
            vocabulary,
            postings,
            posting_start,
            words,
            spans,
            doc_spans,
            lengths,
            average_length,
        }
    }

    /// A word's postings, in record order.
    fn postings_of(&self, id: u32) -> &[Posting] {
        let id = id as usize;
        match (self.posting_start.get(id), self.posting_start.get(id + 1)) {
            (Some(&from), Some(&to)) => self.postings.get(from as usize..to as usize),
            _ => None,
        }
        .unwrap_or_default()
    }

    /// Whether some word of the index is `word`, or (`prefix`) begins with it.
    pub fn has_word(&self, word: &str, prefix: bool) -> bool {
        !self.word_ids(word, prefix).is_empty()
    }

    /// The word of the index nearest to `word` (a search form), for "did
    /// you mean": one letter added, dropped, changed or two swapped for a
    /// word of four or five letters, two such edits for a longer one; of
    /// several, the one in most records' fields. None for a shorter word or
    /// none near enough.
    pub fn nearest_word(&self, word: &str) -> Option<&str> {
        let length = word.chars().count();
        let most = match length {
            0..=3 => return None,
            4 | 5 => 1,
            _ => 2,
        };
        let wanted: Vec<char> = word.chars().collect();
        self.vocabulary
            .iter()
            .filter(|(w, _)| w.len().abs_diff(word.len()) <= most)
            .filter_map(|(w, id)| {
                let distance = edit_distance(&wanted, w, most)?;
                Some((
                    distance,
                    std::cmp::Reverse(self.postings_of(*id).len()),
                    w.as_str(),
                ))
            })
            .min()
            .map(|(_, _, w)| w)
    }

    pub fn record_count(&self) -> usize {
        self.lengths.len()
    }

    /// Ids of the words that `word` matches: itself, or every word it begins.
    fn word_ids(&self, word: &str, prefix: bool) -> Vec<u32> {
        let from = self.vocabulary.partition_point(|(w, _)| w.as_str() < word);
        let mut ids = Vec::new();
        for (w, id) in &self.vocabulary[from..] {
            let hit = if prefix {
                w.starts_with(word)
            } else {
                w == word
            };
            if !hit {
                break;
            }
            ids.push(*id);
        }
        ids
    }

    /// How much a word found in `documents_with_it` records says: worked
    /// out once per word, not per record (a logarithm each).
    fn idf(&self, documents_with_it: usize) -> f32 {
        let n = self.record_count() as f32;
        let df = documents_with_it as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    fn bm25(&self, doc: usize, weighted_count: f32, idf: f32) -> f32 {
        let norm = K1 * (1.0 - B + B * self.lengths[doc] / self.average_length);
        idf * weighted_count * (K1 + 1.0) / (weighted_count + norm)
    }

    /// Each matching record's score for one term, in record order.
    fn term_scores(&self, term: &QueryTerm) -> Vec<(usize, f32)> {
        if term.words.len() == 1 {
            // A word, or every word it is a prefix of: the best expansion
            // counts. Scores are kept in one slot per record, not a map: a
            // short prefix ("t") reaches nearly every record, and hashing
            // each of their postings was most of a broad search's time.
            let mut best = vec![NO_SCORE; self.record_count()];
            let mut reached: Vec<u32> = Vec::new();
            let mut in_order = true;
            for id in self.word_ids(&term.words[0], term.last_is_prefix()) {
                let list = self.postings_of(id);
                // How many records hold the word: its runs, counted without
                // weighing them.
                let idf = self.idf(list.chunk_by(|a, b| a.doc == b.doc).count());
                for (doc, weighted) in weighted_by_record(list) {
                    let s = self.bm25(doc as usize, weighted, idf);
                    let slot = &mut best[doc as usize];
                    if *slot == NO_SCORE {
                        in_order &= reached.last().is_none_or(|last| *last < doc);
                        reached.push(doc);
                    }
                    *slot = slot.max(s);
                }
            }
            if !in_order {
                // Several words' records, each word's in order: sort them
                // (or, when they are most records, read the slots in order).
                if reached.len() * 8 >= best.len() {
                    reached.clear();
                    reached.extend(
                        (0..best.len() as u32).filter(|doc| best[*doc as usize] != NO_SCORE),
                    );
                } else {
                    crate::order::sort(&mut reached);
                }
            }
            return reached
                .into_iter()
                .map(|doc| (doc as usize, best[doc as usize]))
                .collect();
        }
        // A phrase: the ids each position may take, then a scan of the records
        // that hold the first word.
        let choices: Vec<Vec<u32>> = (0..term.words.len())
            .map(|i| {
                let prefix = i + 1 == term.words.len() && term.last_is_prefix();
                let mut ids = self.word_ids(&term.words[i], prefix);
                crate::order::sort(&mut ids);
                ids
            })
            .collect();
        if choices.iter().any(|c| c.is_empty()) {
            return Vec::new();
        }
        let mut candidates: Vec<usize> = choices[0]
            .iter()
            .flat_map(|id| self.postings_of(*id).iter().map(|p| p.doc as usize))
            .collect();
        crate::order::sort(&mut candidates);
        candidates.dedup();
        let mut weighted_counts: Vec<(usize, f32)> = Vec::new();
        for doc in candidates {
            let mut weighted = 0.0;
            let doc_spans = match (self.doc_spans.get(doc), self.doc_spans.get(doc + 1)) {
                (Some(&from), Some(&to)) => &self.spans[from as usize..to as usize],
                _ => &[],
            };
            for &(field, from, to) in doc_spans {
                let sequence = &self.words[from as usize..to as usize];
                let occurrences = sequence
                    .windows(choices.len())
                    .filter(|w| {
                        w.iter()
                            .zip(&choices)
                            .all(|(id, allowed)| allowed.binary_search(id).is_ok())
                    })
                    .count();
                weighted += Field::ALL[field as usize].weight() * occurrences as f32;
            }
            if weighted > 0.0 {
                weighted_counts.push((doc, weighted));
            }
        }
        let idf = self.idf(weighted_counts.len());
        weighted_counts
            .into_iter()
            .map(|(doc, weighted)| (doc, self.bm25(doc, weighted, idf)))
            .collect()
    }

    /// The records that match every included term and no excluded one, with
    /// their scores, in record order; every record (score 0) for a query with
    /// nothing to include.
    pub fn matching(&self, query: &Query) -> Vec<(usize, f32)> {
        let mut included = query.included();
        let mut list: Vec<(usize, f32)> = match included.next() {
            None => (0..self.record_count()).map(|d| (d, 0.0)).collect(),
            Some(first) => self.term_scores(first),
        };
        // Every list is in record order: each further term is a merge.
        for term in included {
            let scores = self.term_scores(term);
            let mut other = scores.iter().peekable();
            list.retain_mut(|(doc, score)| {
                while other.next_if(|(d, _)| d < doc).is_some() {}
                match other.next_if(|(d, _)| d == doc) {
                    Some((_, s)) => {
                        *score += s;
                        true
                    }
                    None => false,
                }
            });
        }
        for term in query.excluded() {
            let scores = self.term_scores(term);
            let mut other = scores.iter().map(|(d, _)| *d).peekable();
            list.retain(|(doc, _)| {
                while other.next_if(|d| d < doc).is_some() {}
                other.peek() != Some(doc)
            });
        }
        list
    }

    /// The same records as `matching`, best first (ties in record order).
    pub fn search(&self, query: &Query) -> Vec<(usize, f32)> {
        let mut list = self.matching(query);
        crate::order::sort_by(&mut list, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        list
    }
}

/// The edits (a letter added, dropped or changed, or two next to each
/// other swapped) that make `a` into `b`, if at most `most`.
fn edit_distance(a: &[char], b: &str, most: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    // Three rows of the table: two back for a swap, one back, this one.
    let mut before: Vec<usize> = Vec::new();
    let mut last: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let change = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + change);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        if row.iter().min().is_some_and(|&m| m > most) {
            return None;
        }
        before = std::mem::replace(&mut last, row);
    }
    last.last().copied().filter(|&d| d <= most)
}

/// Character ranges of `text` that the query's included terms match: whole
/// phrases, and words (prefixes where the term allows).
pub fn hit_ranges(text: &str, query: &Query) -> Vec<(usize, usize)> {
    if query.included().next().is_none() {
        return Vec::new();
    }
    let tokens = tokenize(text);
    let mut ranges = Vec::new();
    for term in query.included() {
        let n = term.words.len();
        if tokens.len() < n {
            continue;
        }
        for start in 0..=tokens.len() - n {
            let window = &tokens[start..start + n];
            if window
                .iter()
                .enumerate()
                .all(|(i, t)| term.word_matches(i, &t.word))
            {
                ranges.push((window[0].start, window[n - 1].end));
            }
        }
    }
    crate::order::sort(&mut ranges);
    // Merge overlapping ranges so each character is highlighted once.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// A piece of text, highlighted when it is a search hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlighted {
    pub text: String,
    pub hit: bool,
}

/// `text` cut at the query's hits.
pub fn highlight(text: &str, query: &Query) -> Vec<Highlighted> {
    let chars: Vec<char> = text.chars().collect();
    cut(&chars, 0, chars.len(), &hit_ranges(text, query))
}

fn cut(chars: &[char], from: usize, to: usize, ranges: &[(usize, usize)]) -> Vec<Highlighted> {
    let mut pieces = Vec::new();
    let mut at = from;
    for &(s, e) in ranges {
        let (s, e) = (s.max(from), e.min(to));
        if s >= e {
            continue;
        }
        if s > at {
            pieces.push(Highlighted {
                text: chars[at..s].iter().collect(),
                hit: false,
            });
        }
        pieces.push(Highlighted {
            text: chars[s..e].iter().collect(),
            hit: true,
        });
        at = e;
    }
    if at < to {
        pieces.push(Highlighted {
            text: chars[at..to].iter().collect(),
            hit: false,
        });
    }
    pieces
}

/// A short passage of `text` around its first hit, about `width` characters,
/// cut at word boundaries, with spaces folded; None when nothing in it matches.
pub fn snippet(text: &str, query: &Query, width: usize) -> Option<Vec<Highlighted>> {
    let ranges = hit_ranges(text, query);
    let &(first_start, _) = ranges.first()?;
    let chars: Vec<char> = text.chars().collect();
    let mut from = first_start.saturating_sub(width / 3);
    let mut to = (from + width).min(chars.len());
    // Move out to word boundaries.
    while from > 0 && !chars[from - 1].is_whitespace() && first_start - from < width / 2 {
        from -= 1;
    }
    while to < chars.len() && !chars[to].is_whitespace() && to - from < width + 20 {
        to += 1;
    }
    let mut pieces = cut(&chars, from, to, &ranges);
    for piece in &mut pieces {
        piece.text = collapse_spaces(&piece.text);
    }
    if from > 0 {
        pieces.insert(
            0,
            Highlighted {
                text: "… ".into(),
                hit: false,
            },
        );
    }
    if to < chars.len() {
        pieces.push(Highlighted {
            text: " …".into(),
            hit: false,
        });
    }
    Some(pieces)
}

/// The passage of a record's full text that shows why it matched; None for
/// a record without text or whose text does not match (its title, recipients
/// and notes are on show already).
pub fn record_snippet(
    record: &FundingRecord,
    query: &Query,
    width: usize,
) -> Option<Vec<Highlighted>> {
    snippet(record.text.as_deref()?, query, width)
}

/// Where in a record the query's words are, in words a reader knows
/// ("recipient", "publisher", "full text"), each once, in the order the
/// record's parts are searched: what a row says when the words it shows
/// (title, passage, notes) hold none of them.
pub fn matched_in(dataset: &Dataset, record: &FundingRecord, query: &Query) -> Vec<&'static str> {
    let mut found: Vec<&'static str> = Vec::new();
    let mut check = |place: &'static str, text: &str| {
        if !found.contains(&place) && !hit_ranges(text, query).is_empty() {
            found.push(place);
        }
    };
    if query.included().next().is_none() {
        return found;
    }
    check("title", &record.display_title(dataset));
    for organisation in record
        .recipients
        .iter()
        .filter_map(|id| dataset.organisation(id))
    {
        check("recipient", &organisation.name);
        organisation
            .aliases
            .iter()
            .for_each(|a| check("recipient", a));
        organisation.places.iter().for_each(|p| check("places", p));
    }
    record.places.iter().for_each(|p| check("places", p));
    for person in &record.people {
        [&person.name, &person.role, &person.organisation]
            .into_iter()
            .flatten()
            .for_each(|text| check("people quoted", text));
    }
    record.notes.iter().for_each(|n| check("notes", n));
    record
        .conditions
        .iter()
        .for_each(|c| check("conditions", c));
    record.publisher.iter().for_each(|p| check("publisher", p));
    record.author.iter().for_each(|a| check("author", a));
    if record.programme != Programme::NotStated {
        check("programme", record.programme.name());
    }
    if let Some(model) = dataset.effective_care_model(record) {
        check("care model", model.name());
        check("care model", model.code());
    }
    for item in &record.items {
        check("figures", &item.stated_as);
        item.purpose.iter().for_each(|p| check("figures", p));
    }
    record.text.iter().for_each(|t| check("full text", t));
    found
}

/// Runs of white space (line breaks, non-breaking spaces) as one space.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse;

    #[test]
    fn edits_are_counted_as_a_person_makes_them() {
        let chars = |w: &str| w.chars().collect::<Vec<char>>();
        assert_eq!(edit_distance(&chars("dudly"), "dudley", 2), Some(1));
        assert_eq!(
            edit_distance(&chars("sunderlnad"), "sunderland", 2),
            Some(1)
        );
        assert_eq!(edit_distance(&chars("vangaurd"), "vanguard", 2), Some(1));
        assert_eq!(edit_distance(&chars("wirral"), "wirral", 2), Some(0));
        assert_eq!(edit_distance(&chars("care"), "dudley", 2), None);
    }

    #[test]
    fn a_fields_number_is_its_place_in_the_list() {
        for (n, field) in Field::ALL.iter().enumerate() {
            assert_eq!(*field as usize, n, "{field:?}");
        }
    }

    #[test]
    fn the_word_table_numbers_each_word_once_in_the_order_met() {
        let mut table = WordTable::new();
        // Enough words to grow the table several times; each met twice.
        let words: Vec<String> = (0..5_000).map(|n| format!("w{n}")).collect();
        for (n, word) in words.iter().enumerate() {
            assert_eq!(table.id(word), n as u32);
            assert_eq!(table.id(&words[n / 2]), (n / 2) as u32);
        }
        assert_eq!(table.len(), words.len());
        for (n, word) in words.iter().enumerate() {
            assert_eq!(table.word(n as u32), word);
        }
        assert_eq!(table.id(""), words.len() as u32);
        assert_eq!(table.word(words.len() as u32), "");
        assert_eq!(table.id("café"), words.len() as u32 + 1);
    }

    #[test]
    fn a_title_not_written_is_searched_as_it_is_shown() {
        let dataset = crate::synthetic::dataset(60, "some words to draw from, and more of them");
        let untitled = dataset.records.iter().filter(|r| r.title.is_none());
        let mut checked = 0;
        for record in untitled {
            let mut read = Vec::new();
            each_field_text(&dataset, record, |field, text| {
                if field == Field::Title {
                    read.extend(tokenize(text).into_iter().map(|t| t.word));
                }
            });
            let shown: Vec<String> = tokenize(&record.display_title(&dataset))
                .into_iter()
                .map(|t| t.word)
                .collect();
            assert_eq!(read, shown, "{}", record.id);
            checked += 1;
        }
        assert!(checked > 40);
    }

    #[test]
    fn highlights_whole_phrases_and_prefixes() {
        let q = parse(r#"transf "care homes" -dudley"#);
        let pieces = highlight("Transformation of care homes, not care or homes.", &q);
        let hits: Vec<&str> = pieces
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(hits, ["Transformation", "care homes"]);
        let rebuilt: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(rebuilt, "Transformation of care homes, not care or homes.");
    }

    #[test]
    fn a_snippet_shows_the_first_hit_in_context() {
        let text = format!(
            "{} The fund is investing £900m over the next five years. {}",
            "lorem ".repeat(50),
            "ipsum ".repeat(50)
        );
        let pieces = snippet(&text, &parse("investing"), 80).unwrap();
        let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert!(joined.starts_with("… "), "{joined}");
        assert!(joined.contains("investing £900m"), "{joined}");
        assert!(joined.ends_with(" …"));
        assert!(joined.chars().count() < 130, "{joined}");
        assert!(snippet(&text, &parse("absent"), 80).is_none());
    }
}
