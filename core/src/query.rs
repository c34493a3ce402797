//! The search box's language: words (each a prefix: `transf` finds
//! "transformation"), `"quoted phrases"`, and `-word` or `-"phrase"` to exclude.
//! Parsing is total: any string gives a query, and what could not be used is
//! counted, never a failure.

use crate::tokens::{search_form, tokenize};

/// One part of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    /// Folded words, in order: one for a plain word, several for a phrase (or a
    /// word such as `4.8m` that the tokeniser splits).
    pub words: Vec<String>,
    /// Written in quotes: the words must match whole.
    pub quoted: bool,
    /// Written with a leading `-`: records that match it are left out.
    pub excluded: bool,
    /// The last word was typed as a plural ("wells", "news"): a finished
    /// word, so its singular matches whole, not as the start of "wellbeing"
    /// or "new…".
    pub last_whole: bool,
}

impl QueryTerm {
    /// Whether the last word may match as a prefix (unquoted terms whose
    /// last word was not a plural).
    pub fn last_is_prefix(&self) -> bool {
        !self.quoted && !self.last_whole
    }

    /// Does `word` (folded) match the term's word at `index`?
    /// Whether a word of a text (folded, as the tokeniser gives it) is the
    /// term's `index`th word: the same search form, or for the last word of
    /// a term not in quotes, a search form it begins.
    pub fn word_matches(&self, index: usize, word: &str) -> bool {
        let wanted = &self.words[index];
        let word = search_form(word);
        if index + 1 == self.words.len() && self.last_is_prefix() {
            word.starts_with(wanted.as_str())
        } else {
            *word == **wanted
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<QueryTerm>,
    /// Terms past [`MAX_TERMS`], not used.
    pub ignored_terms: usize,
}

/// The most terms one query uses; more would only slow the page down.
pub const MAX_TERMS: usize = 12;
/// The most words one phrase uses.
pub const MAX_PHRASE_WORDS: usize = 8;

impl Query {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn included(&self) -> impl Iterator<Item = &QueryTerm> {
        self.terms.iter().filter(|t| !t.excluded)
    }

    pub fn excluded(&self) -> impl Iterator<Item = &QueryTerm> {
        self.terms.iter().filter(|t| t.excluded)
    }
}

/// Parses what a person typed. Linear in its length.
pub fn parse(text: &str) -> Query {
    let chars: Vec<char> = text.chars().collect();
    let mut query = Query::default();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let mut excluded = false;
        if chars[i] == '-' && chars.get(i + 1).is_some_and(|c| !c.is_whitespace()) {
            excluded = true;
            i += 1;
        }
        let quoted = chars[i] == '"';
        let raw: String = if quoted {
            // A phrase runs to the closing quote, or to the end if there is none.
            let start = i + 1;
            let end = chars[start..]
                .iter()
                .position(|&c| c == '"')
                .map_or(chars.len(), |p| start + p);
            i = end + 1;
            chars[start..end].iter().collect()
        } else {
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '"' {
                i += 1;
            }
            chars[start..i].iter().collect()
        };
        let typed: Vec<String> = tokenize(&raw).into_iter().map(|t| t.word).collect();
        let mut words: Vec<String> = typed
            .iter()
            .take(MAX_PHRASE_WORDS)
            .map(|w| search_form(w).into_owned())
            .collect();
        let Some(last) = typed.get(words.len().wrapping_sub(1)) else {
            continue;
        };
        let last_whole = !quoted && words.last().is_some_and(|w| w != last);
        words.truncate(MAX_PHRASE_WORDS);
        if query.terms.len() >= MAX_TERMS {
            query.ignored_terms += 1;
            continue;
        }
        let term = QueryTerm {
            words,
            quoted,
            excluded,
            last_whole,
        };
        if !query.terms.contains(&term) {
            query.terms.push(term);
        }
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(words: &[&str], quoted: bool, excluded: bool) -> QueryTerm {
        QueryTerm {
            words: words.iter().map(|w| w.to_string()).collect(),
            quoted,
            excluded,
            last_whole: false,
        }
    }

    #[test]
    fn reads_words_phrases_and_exclusions() {
        let q = parse(r#"Dudley "care homes" -Sunderland -"new funding" transf"#);
        assert_eq!(
            q.terms,
            [
                term(&["dudley"], false, false),
                term(&["care", "home"], true, false),
                term(&["sunderland"], false, true),
                term(&["new", "funding"], true, true),
                term(&["transf"], false, false),
            ]
        );
    }

    #[test]
    fn folds_case_and_accents_and_splits_numbers() {
        let q = parse("CAFÉ £4.8m");
        assert_eq!(q.terms[0].words, ["cafe"]);
        assert_eq!(q.terms[1].words, ["4", "8m"]);
        assert!(q.terms[1].word_matches(1, "8million"));
        assert!(!q.terms[1].word_matches(0, "45"));
    }

    #[test]
    fn a_plural_typed_is_a_whole_word_and_a_word_being_typed_is_a_prefix() {
        let q = parse("wells news transf");
        assert_eq!(q.terms[0].words, ["well"]);
        assert!(!q.terms[0].word_matches(0, "wellbeing"));
        assert!(q.terms[0].word_matches(0, "well"));
        assert!(q.terms[0].word_matches(0, "wells"));
        assert!(!q.terms[1].word_matches(0, "newcastle"));
        assert!(q.terms[1].word_matches(0, "news"));
        assert!(q.terms[2].word_matches(0, "transformation"));
    }

    #[test]
    fn odd_input_still_gives_a_query() {
        assert!(parse("").is_empty());
        assert!(parse("   - -- \"\" \"").is_empty());
        assert_eq!(
            parse("\"unclosed phrase").terms[0].words,
            ["unclosed", "phrase"]
        );
        assert_eq!(parse("a - b").terms.len(), 2);
        let hostile: String = "\"-".repeat(5_000);
        assert!(parse(&hostile).is_empty());
        let many: String = (0..100).map(|i| format!("w{i} ")).collect();
        let q = parse(&many);
        assert_eq!(q.terms.len(), MAX_TERMS);
        assert_eq!(q.ignored_terms, 100 - MAX_TERMS);
    }
}
