//! Words for search: the one tokeniser that the index, the query parser and the
//! highlighter share, so a word highlighted is a word that matched. A word is a
//! run of letters and digits, folded to lower case without accents, with its
//! character span in the original text.

/// A word of a text, folded, with its span in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub word: String,
    pub start: usize,
    pub end: usize,
}

/// Longest word kept: a longer run (a hash, a base64 blob) is cut to this many
/// characters, so hostile input cannot make the index hold huge terms.
pub const MAX_WORD_CHARS: usize = 48;

/// Folds one character: lower case, accents removed for Latin letters, and the
/// ligatures spelled out. Everything else is lower-cased as Unicode says
/// (`case::lower_case`).
pub fn fold_into(c: char, out: &mut String) {
    let plain = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => 'a',
        'Ç' | 'ç' | 'Ć'..='č' => 'c',
        'Ð' | 'ð' | 'Ď'..='đ' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => 'e',
        'Ĝ'..='ģ' => 'g',
        'Ĥ'..='ħ' => 'h',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => 'i',
        'Ĵ' | 'ĵ' => 'j',
        'Ķ' | 'ķ' => 'k',
        'Ĺ'..='ł' => 'l',
        'Ñ' | 'ñ' | 'Ń'..='ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => 'o',
        'Ŕ'..='ř' => 'r',
        'Ś'..='š' => 's',
        'Ţ'..='ŧ' => 't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => 'u',
        'Ŵ' | 'ŵ' => 'w',
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => 'y',
        'Ź'..='ž' => 'z',
        'Æ' | 'æ' => return out.push_str("ae"),
        'Œ' | 'œ' => return out.push_str("oe"),
        'ß' => return out.push_str("ss"),
        _ => crate::case::lower_case(c),
    };
    out.push(plain);
}

/// Folds a whole string the way words are folded.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_into(c, &mut out);
    }
    out
}

/// A word's search form: an English plural folded to its singular, so a
/// search finds a word in either number ("vanguards" finds "vanguard",
/// "homes" finds "home", "communities" finds "community", "classes" finds
/// "class"). Short words, and words ending in "ss", "us" or "is" ("across",
/// "focus", "analysis"), are left as they are. The index, the query and the
/// highlighter all compare search forms.
pub fn search_form(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let n = word.len();
    if n <= 3 || !word.ends_with('s') {
        return Cow::Borrowed(word);
    }
    if n > 4 && word.ends_with("ies") {
        return Cow::Owned(format!("{}y", &word[..n - 3]));
    }
    if word.ends_with("sses")
        || ["xes", "ches", "shes"]
            .iter()
            .any(|end| word.ends_with(end))
    {
        return Cow::Borrowed(&word[..n - 2]);
    }
    if ["ss", "us", "is"].iter().any(|end| word.ends_with(end)) {
        return Cow::Borrowed(word);
    }
    Cow::Borrowed(&word[..n - 1])
}

/// Whether each byte is an ASCII letter or digit: a look-up, where
/// `is_ascii_alphanumeric` is three range tests, for the byte loop that
/// reads nearly every character the index sees.
const ASCII_WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_combining_accent(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The words of `text`, in order. Linear in the text's length.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    each_word(text, |word, start, end| {
        tokens.push(Token {
            word: word.to_string(),
            start,
            end,
        })
    });
    tokens
}

/// Calls `f` with each word of `text` (folded) and its span in characters,
/// in order, reusing one buffer: the index builder's way to read a text
/// without a string per word. Runs of ASCII letters and digits (nearly all
/// of English text) are copied whole and lower-cased in place; other
/// characters are read and folded one at a time.
pub fn each_word(text: &str, f: impl FnMut(&str, usize, usize)) {
    each_word_into(&mut String::new(), text, f);
}

/// `each_word`, building each word in `word` (whatever it held is lost): a
/// caller reading many texts gives one buffer to all of them.
pub fn each_word_into(word: &mut String, text: &str, mut f: impl FnMut(&str, usize, usize)) {
    let bytes = text.as_bytes();
    let (mut start, mut kept, mut index, mut at) = (0, 0, 0, 0);
    let mut emit = |word: &mut String, start: usize, end: usize| {
        // Every ASCII letter of a word is lower case; what folding wrote is.
        word.make_ascii_lowercase();
        f(word, start, end);
    };
    while let Some(&byte) = bytes.get(at) {
        if ASCII_WORD_BYTE[usize::from(byte)] {
            let run = bytes[at..]
                .iter()
                .position(|b| !ASCII_WORD_BYTE[usize::from(*b)])
                .unwrap_or(bytes.len() - at);
            if kept == 0 {
                start = index;
                word.clear();
            }
            let take = run.min(MAX_WORD_CHARS.saturating_sub(kept));
            // ASCII both ends: `get` never fails (and, unlike indexing,
            // brings no panic message into the page).
            word.push_str(text.get(at..at + take).unwrap_or_default());
            kept += run;
            index += run;
            at += run;
            continue;
        }
        if byte.is_ascii() {
            if kept > 0 {
                emit(word, start, index);
                kept = 0;
            }
            index += 1;
            at += 1;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        at += c.len_utf8();
        if kept > 0 && is_combining_accent(c) {
            // "cafe\u{301}" is "café" written with a combining accent: same word.
            index += 1;
            continue;
        }
        if is_word_char(c) {
            if kept == 0 {
                start = index;
                word.clear();
            }
            if kept < MAX_WORD_CHARS {
                fold_into(c, word);
            }
            kept += 1;
        } else if kept > 0 {
            emit(word, start, index);
            kept = 0;
        }
        index += 1;
    }
    if kept > 0 {
        emit(word, start, index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn words_are_folded_and_keep_their_spans() {
        assert_eq!(
            words("Café NHS—£4.8m, 2017/18"),
            ["cafe", "nhs", "4", "8m", "2017", "18"]
        );
        let tokens = tokenize("Ærø  Œuvre straße");
        assert_eq!(tokens[0].word, "aero");
        assert_eq!((tokens[0].start, tokens[0].end), (0, 3));
        assert_eq!(tokens[1].word, "oeuvre");
        assert_eq!((tokens[1].start, tokens[1].end), (5, 10));
        assert_eq!(tokens[2].word, "strasse");
        assert_eq!(words("cafe\u{301}s"), ["cafes"]);
    }

    /// The tokeniser as it was before its ASCII runs, a character at a
    /// time: what `each_word` must give.
    fn each_word_by_character(text: &str, mut f: impl FnMut(&str, usize, usize)) {
        let mut word = String::new();
        let mut start = 0;
        let mut kept = 0;
        let mut index = 0;
        for c in text.chars() {
            if kept > 0 && is_combining_accent(c) {
                // "cafe\u{301}" is "café" written with a combining accent: same word.
                index += 1;
                continue;
            }
            let is_word = if c.is_ascii() {
                c.is_ascii_alphanumeric()
            } else {
                is_word_char(c)
            };
            if is_word {
                if kept == 0 {
                    start = index;
                    word.clear();
                }
                if kept < MAX_WORD_CHARS {
                    if c.is_ascii() {
                        word.push(c.to_ascii_lowercase());
                    } else {
                        fold_into(c, &mut word);
                    }
                }
                kept += 1;
            } else if kept > 0 {
                f(&word, start, index);
                kept = 0;
            }
            index += 1;
        }
        if kept > 0 {
            f(&word, start, index);
        }
    }

    #[test]
    fn ascii_runs_give_the_words_and_spans_of_reading_by_character() {
        let pieces = [
            "NHS",
            "vanguard",
            "£4.8m",
            " ",
            "—",
            "Café",
            "cafe\u{301}",
            "ÆRØ",
            "2017/18",
            "x",
            "MiXeD",
            "ß",
            "🙂",
            "\r\n",
            "Ĳ",
            "İstanbul",
            "ΣΊΣΥΦΟΣ",
            "a1B2",
            "'",
            "…",
            "É",
        ];
        let mut seed = 5u64;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let mut texts: Vec<String> = vec![
            "A".repeat(47) + "é" + &"B".repeat(5),
            "x".repeat(48) + "ÉÉ",
            "é".repeat(50) + "abc",
            String::new(),
        ];
        for _ in 0..2_000 {
            let n = next() % 12;
            texts.push((0..n).map(|_| pieces[next() % pieces.len()]).collect());
        }
        for text in &texts {
            let mut ours = Vec::new();
            each_word(text, |w, s, e| ours.push((w.to_string(), s, e)));
            let mut reference = Vec::new();
            each_word_by_character(text, |w, s, e| reference.push((w.to_string(), s, e)));
            assert_eq!(ours, reference, "{text:?}");
        }
    }

    #[test]
    fn plurals_fold_to_their_singular_and_other_words_stay() {
        for (word, form) in [
            ("vanguards", "vanguard"),
            ("homes", "home"),
            ("communities", "community"),
            ("classes", "class"),
            ("churches", "church"),
            ("boxes", "box"),
            ("sizes", "size"),
            ("ccgs", "ccg"),
            ("across", "across"),
            ("focus", "focus"),
            ("analysis", "analysis"),
            ("nhs", "nhs"),
            ("dudley", "dudley"),
            ("£4m", "£4m"),
        ] {
            assert_eq!(search_form(word), form, "{word}");
        }
    }

    #[test]
    fn odd_input_is_words_or_nothing() {
        assert!(tokenize("").is_empty());
        assert!(tokenize("\"\"\"---   ").is_empty());
        let long = "x".repeat(10_000);
        let t = tokenize(&long);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].word.chars().count(), MAX_WORD_CHARS);
        assert_eq!(t[0].end, 10_000);
        assert_eq!(words("مرحبا 🙂 שלום"), ["مرحبا", "שלום"]);
    }
}
