//! The view in the URL's query string: the one place that names the parameters
//! and writes and reads their values. Decoding is total: any string at all gives
//! a view, plus a notice for each part that was ignored.

use crate::model::Dataset;
use std::fmt;

/// Every query parameter the explorer understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    /// The record open in the reader, by id.
    Open,
}

impl Param {
    pub const ALL: [Param; 1] = [Param::Open];

    pub fn name(self) -> &'static str {
        match self {
            Param::Open => "open",
        }
    }

    fn from_name(name: &str) -> Option<Param> {
        Param::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// What the page shows, as far as a link can say it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    pub open: Option<String>,
}

/// A part of a link that was not applied, said politely to the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub parameter: String,
    pub reason: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}” was ignored: {}", self.parameter, self.reason)
    }
}

/// Longest value shown back in a notice: a megabyte-long value is cut.
const NOTICE_VALUE_CHARS: usize = 60;

fn shorten(value: &str) -> String {
    let mut short: String = value.chars().take(NOTICE_VALUE_CHARS).collect();
    if value.chars().nth(NOTICE_VALUE_CHARS).is_some() {
        short.push('…');
    }
    short
}

/// Decodes `%XX` escapes and `+` (a space in query strings). A broken escape is
/// kept as it was written; bytes that are not UTF-8 become U+FFFD.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes everything but unreserved characters and the few that read well in a
/// link (`/` in `2017/18`, `:`), so values survive any browser and chat app.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' | b':' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Reads a query string (with or without its leading `?`) against the dataset.
pub fn decode(query: &str, dataset: &Dataset) -> (ViewState, Vec<Notice>) {
    let mut view = ViewState::default();
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut seen: Vec<Param> = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = percent_decode(raw_name);
        let value = percent_decode(raw_value);
        let Some(param) = Param::from_name(&name) else {
            notices.push(Notice {
                parameter: shorten(&name),
                reason: "this is not a setting the explorer knows".into(),
            });
            continue;
        };
        if seen.contains(&param) {
            notices.push(Notice {
                parameter: format!("{}={}", param.name(), shorten(&value)),
                reason: "the link gives this setting twice; the first one is used".into(),
            });
            continue;
        }
        seen.push(param);
        match param {
            Param::Open => {
                if dataset.record(&value).is_some() {
                    view.open = Some(value);
                } else {
                    notices.push(Notice {
                        parameter: format!("open={}", shorten(&value)),
                        reason: "no record has this id".into(),
                    });
                }
            }
        }
    }
    (view, notices)
}

/// Writes the view as a query string, with its `?`, or an empty string for the
/// default view.
pub fn encode(view: &ViewState) -> String {
    let mut pairs = Vec::new();
    if let Some(open) = &view.open {
        pairs.push(format!("{}={}", Param::Open.name(), percent_encode(open)));
    }
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FundingRecord, Programme, RecordKind};

    fn dataset() -> Dataset {
        let record = |id: &str| FundingRecord {
            id: id.into(),
            kind: RecordKind::ReportedFigure,
            title: None,
            publisher: None,
            author: None,
            published_on: None,
            recipients: vec![],
            places: vec![],
            programme: Programme::NewCareModels,
            care_model: None,
            source_url: None,
            text_file: None,
            text: None,
            items: vec![],
            people: vec![],
            conditions: vec![],
            notes: vec![],
        };
        Dataset {
            organisations: vec![],
            records: vec![record("dudley-mcp-4-4m"), record("odd id/é")],
        }
    }

    #[test]
    fn a_view_survives_the_round_trip() {
        let d = dataset();
        for open in [None, Some("dudley-mcp-4-4m"), Some("odd id/é")] {
            let view = ViewState {
                open: open.map(str::to_string),
            };
            let (back, notices) = decode(&encode(&view), &d);
            assert_eq!(back, view);
            assert!(notices.is_empty());
        }
        assert_eq!(
            encode(&ViewState {
                open: Some("dudley-mcp-4-4m".into())
            }),
            "?open=dudley-mcp-4-4m"
        );
    }

    #[test]
    fn what_does_not_apply_is_named_and_the_rest_still_applies() {
        let d = dataset();
        let (view, notices) = decode("?open=nope&colour=blue&open=dudley-mcp-4-4m", &d);
        assert_eq!(view.open, None);
        let text: Vec<String> = notices.iter().map(|n| n.to_string()).collect();
        assert_eq!(text[0], "“open=nope” was ignored: no record has this id");
        assert!(text[1].starts_with("“colour” was ignored"));
        assert!(text[2].contains("gives this setting twice"));
        let (view, notices) = decode("colour=blue&open=dudley-mcp-4-4m", &d);
        assert_eq!(view.open.as_deref(), Some("dudley-mcp-4-4m"));
        assert_eq!(notices.len(), 1);
    }

    #[test]
    fn decoding_never_fails_on_junk() {
        let d = dataset();
        let long = "x".repeat(1_000_000);
        for query in [
            "%",
            "%%",
            "%G1",
            "%e9",
            "open=%",
            "=",
            "&&&",
            "open",
            "?",
            "%FF%FE",
            long.as_str(),
            "open=\u{0}<script>",
        ] {
            let (_, notices) = decode(query, &d);
            for n in notices {
                assert!(n.to_string().chars().count() < 200);
            }
        }
        assert_eq!(percent_decode("a%20b+c%zz%"), "a b c%zz%");
        assert_eq!(percent_decode("%C3%A9"), "é");
    }
}
