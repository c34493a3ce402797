//! The view in the URL's query string: the one place that names the parameters
//! and writes and reads their values, for example
//! `?q=dudley&fy=2017/18&model=MCP&sort=amount-desc&open=dudley-mcp-4-4m`.
//!
//! Decoding is total: any string at all gives a view, plus a notice for each
//! part that was ignored; the rest of the view still applies.

use crate::money::{parse_typed, typed};
use crate::view::{Facet, SortOrder, ViewState};
use std::collections::BTreeSet;
use std::fmt;

/// Every query parameter the explorer understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    Query,
    Filter(Facet),
    MinAmount,
    MaxAmount,
    Sort,
    /// The record open in the reader, by id.
    Open,
    /// The organisation whose page is in the reader, by id.
    About,
}

impl Param {
    /// In the order links write them.
    pub const ALL: [Param; 16] = [
        Param::Query,
        Param::Filter(Facet::Programme),
        Param::Filter(Facet::CareModel),
        Param::Filter(Facet::FinancialYear),
        Param::Filter(Facet::Role),
        Param::Filter(Facet::Stream),
        Param::Filter(Facet::MoneyType),
        Param::Filter(Facet::Recipient),
        Param::Filter(Facet::YearAnnounced),
        Param::Filter(Facet::Publisher),
        Param::Filter(Facet::FullText),
        Param::MinAmount,
        Param::MaxAmount,
        Param::Sort,
        Param::Open,
        Param::About,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Param::Query => "q",
            Param::Filter(Facet::Programme) => "programme",
            Param::Filter(Facet::CareModel) => "model",
            Param::Filter(Facet::Recipient) => "recipient",
            Param::Filter(Facet::FinancialYear) => "fy",
            Param::Filter(Facet::YearAnnounced) => "announced",
            Param::Filter(Facet::Publisher) => "publisher",
            Param::Filter(Facet::Role) => "role",
            Param::Filter(Facet::Stream) => "stream",
            Param::Filter(Facet::MoneyType) => "type",
            Param::Filter(Facet::FullText) => "text",
            Param::MinAmount => "min",
            Param::MaxAmount => "max",
            Param::Sort => "sort",
            Param::Open => "open",
            Param::About => "about",
        }
    }

    fn from_name(name: &str) -> Option<Param> {
        Param::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// A part of a link that was not applied, said politely to the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub parameter: String,
    pub reason: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A link's text could hold bidirectional controls (U+202E reverses
        // what follows): they are written as their code points, so the
        // message reads as written.
        let mut shown = String::with_capacity(self.parameter.len());
        for c in self.parameter.chars() {
            if matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            {
                shown.push_str("U+");
                for shift in [12, 8, 4, 0] {
                    shown.push(char::from(
                        b"0123456789ABCDEF"[(u32::from(c) >> shift & 15) as usize],
                    ));
                }
            } else {
                shown.push(c);
            }
        }
        write!(f, "“{shown}” was ignored: {}", self.reason)
    }
}

/// Longest value shown back in a notice: a megabyte-long value is cut.
const NOTICE_VALUE_CHARS: usize = 60;
/// Longest search kept from a link.
pub const MAX_QUERY_CHARS: usize = 500;
/// Most parameters read from one link; the rest are ignored in one notice.
const MAX_PAIRS: usize = 100;
/// Most notices given for one link.
const MAX_NOTICES: usize = 12;

pub fn shorten(value: &str) -> String {
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

/// What a link's values are checked against: the codes each filter knows,
/// and the records and organisations there are. The engine answers
/// (`explore::Explorer`); the format itself knows no dataset.
pub trait KnownValues {
    /// Whether `code` is a value of `facet` (a filter the page can show).
    fn knows(&self, facet: Facet, code: &str) -> bool;
    fn has_record(&self, id: &str) -> bool;
    fn has_organisation(&self, id: &str) -> bool;
}

/// Reads a query string (with or without its leading `?`), keeping the
/// values `known` has.
pub fn decode(query: &str, known: &dyn KnownValues) -> (ViewState, Vec<Notice>) {
    let mut view = ViewState::default();
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut seen: Vec<Param> = Vec::new();
    let mut pairs = query.split('&').filter(|p| !p.is_empty());
    for pair in pairs.by_ref().take(MAX_PAIRS) {
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
        let mut ignore = |reason: &str, shown: &str| {
            notices.push(Notice {
                parameter: format!("{}={}", param.name(), shorten(shown)),
                reason: reason.to_string(),
            })
        };
        match param {
            Param::Query => {
                if value.chars().count() > MAX_QUERY_CHARS {
                    ignore(
                        "the search is too long; its first 500 characters are used",
                        &value,
                    );
                    view.query = value.chars().take(MAX_QUERY_CHARS).collect();
                } else {
                    view.query = value;
                }
            }
            Param::Filter(facet) => {
                let mut chosen = BTreeSet::new();
                for code in raw_value
                    .split(',')
                    .map(percent_decode)
                    .filter(|c| !c.is_empty())
                {
                    if known.knows(facet, &code) {
                        chosen.insert(code);
                    } else {
                        ignore(
                            &format!("no record has this {}", facet.title().to_ascii_lowercase()),
                            &code,
                        );
                    }
                }
                if !chosen.is_empty() {
                    view.filters.insert(facet, chosen);
                }
            }
            Param::MinAmount | Param::MaxAmount => match parse_typed(&value) {
                Some(amount) if param == Param::MinAmount => view.min_amount = Some(amount),
                Some(amount) => view.max_amount = Some(amount),
                None => ignore(
                    "this is not an amount of money (try 4.5m, 450k or 1200000)",
                    &value,
                ),
            },
            Param::Sort => match SortOrder::from_code(&value) {
                Some(order) => view.sort = order,
                None => ignore("this is not a sort order", &value),
            },
            Param::Open => {
                if known.has_record(&value) {
                    view.open = Some(value);
                } else {
                    ignore("no record has this id", &value);
                }
            }
            Param::About => {
                if known.has_organisation(&value) {
                    view.about = Some(value);
                } else {
                    ignore("no organisation has this id", &value);
                }
            }
        }
    }
    let rest = pairs.count();
    if rest > 0 {
        notices.push(Notice {
            parameter: format!("{rest} more setting{}", if rest == 1 { "" } else { "s" }),
            reason: format!("a link is read up to its first {MAX_PAIRS} settings"),
        });
    }
    if let (Some(min), Some(max)) = (view.min_amount, view.max_amount) {
        if min > max {
            notices.push(Notice {
                parameter: format!("max={}", typed(max)),
                reason: format!("it is below the minimum of {}", min.compact()),
            });
            view.max_amount = None;
        }
    }
    if notices.len() > MAX_NOTICES {
        let more = notices.len() - MAX_NOTICES + 1;
        notices.truncate(MAX_NOTICES - 1);
        notices.push(Notice {
            parameter: format!("{more} more parts of the link"),
            reason: "they could not be used either".into(),
        });
    }
    (view, notices)
}

/// Writes the view as a query string, with its `?`, or an empty string for the
/// default view.
/// The record a link opens, whatever data it is read against: what the
/// page asks before it deletes a record that may be open.
pub fn opened_record(query: &str) -> Option<String> {
    struct AnyValue;
    impl KnownValues for AnyValue {
        fn knows(&self, _: Facet, _: &str) -> bool {
            true
        }
        fn has_record(&self, _: &str) -> bool {
            true
        }
        fn has_organisation(&self, _: &str) -> bool {
            true
        }
    }
    decode(query, &AnyValue).0.open
}

pub fn encode(view: &ViewState) -> String {
    encode_opening(view, view.open.as_deref())
}

/// The view with `open` in the reader instead of its own open record (a
/// row's link), written without copying the view.
pub fn encode_opening(view: &ViewState, open: Option<&str>) -> String {
    let mut pairs = Vec::new();
    for param in Param::ALL {
        let value = match param {
            Param::Query => Some(view.query.clone())
                .filter(|q| !q.is_empty())
                .map(|q| percent_encode(&q)),
            Param::Filter(facet) => view.selected(facet).map(|codes| {
                codes
                    .iter()
                    .map(|c| percent_encode(c).replace(',', "%2C"))
                    .collect::<Vec<_>>()
                    .join(",")
            }),
            Param::MinAmount => view.min_amount.map(typed),
            Param::MaxAmount => view.max_amount.map(typed),
            Param::Sort => {
                (view.sort != SortOrder::default()).then(|| view.sort.code().to_string())
            }
            Param::Open => open.map(percent_encode),
            Param::About => view.about.as_deref().map(percent_encode),
        };
        if let Some(value) = value {
            pairs.push(format!("{}={value}", param.name()));
        }
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

    /// A link read against a table of its own: the format needs no dataset.
    struct Known;

    impl KnownValues for Known {
        fn knows(&self, facet: Facet, code: &str) -> bool {
            facet == Facet::CareModel && code == "MCP"
        }
        fn has_record(&self, id: &str) -> bool {
            id == "dudley-2017"
        }
        fn has_organisation(&self, _: &str) -> bool {
            false
        }
    }

    #[test]
    fn the_record_a_link_opens_is_read_as_decode_reads_it() {
        assert_eq!(opened_record("?q=x&open=a-b").as_deref(), Some("a-b"));
        assert_eq!(opened_record("?open=a-b-2").as_deref(), Some("a-b-2"));
        assert_eq!(opened_record("?q=open%3Da-b"), None);
        assert_eq!(opened_record(""), None);
    }

    #[test]
    fn a_link_keeps_what_is_known_and_says_what_it_ignored() {
        let (view, notices) = decode("?model=MCP,PACS&open=dudley-2017&about=nobody", &Known);
        assert!(view.is_selected(Facet::CareModel, "MCP"));
        assert!(!view.is_selected(Facet::CareModel, "PACS"));
        assert_eq!(view.open.as_deref(), Some("dudley-2017"));
        assert_eq!(view.about, None);
        let ignored: Vec<String> = notices.iter().map(|n| n.parameter.clone()).collect();
        assert_eq!(ignored, ["model=PACS", "about=nobody"]);
        assert_eq!(decode(&encode(&view), &Known), (view, Vec::new()));
    }
}
