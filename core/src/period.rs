//! Financial years and the periods money is stated for. A UK financial year runs
//! April to March and is written one way everywhere in the app: `2017/18`.
//! `2016-17`, `2016–17` and `2016/2017` are read; only `2016/17` is written.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A UK financial year, named by the calendar year it starts in (April).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FinancialYear {
    start: u16,
}

impl FinancialYear {
    /// Years the app accepts: wide enough for any NHS record, narrow enough that
    /// `2099/00` or `0001/02` in a link is recognised as a mistake.
    pub const EARLIEST: u16 = 1948;
    pub const LATEST: u16 = 2060;

    pub fn starting(start: u16) -> Option<FinancialYear> {
        (Self::EARLIEST..=Self::LATEST)
            .contains(&start)
            .then_some(FinancialYear { start })
    }

    pub fn start_year(self) -> u16 {
        self.start
    }

    pub fn next(self) -> FinancialYear {
        FinancialYear {
            start: self.start + 1,
        }
    }

    /// Reads `2017/18`, `2017-18`, `2017–18` (en dash) or `2017/2018`. The second
    /// year must follow the first: `2017/19` is not a financial year.
    pub fn parse(text: &str) -> Option<FinancialYear> {
        let chars: Vec<char> = text.trim().chars().collect();
        let (fy, len) = scan_financial_year(&chars, 0)?;
        (len == chars.len()).then_some(fy)
    }
}

/// Reads a financial year at `at`, returning it and how many characters it took.
pub(crate) fn scan_financial_year(chars: &[char], at: usize) -> Option<(FinancialYear, usize)> {
    let digit = |i: usize| {
        chars
            .get(at + i)
            .and_then(|c| c.to_digit(10).filter(|_| c.is_ascii()))
    };
    let mut start: u32 = 0;
    for i in 0..4 {
        start = start * 10 + digit(i)?;
    }
    if !matches!(chars.get(at + 4), Some('/' | '-' | '–')) {
        return None;
    }
    let mut end: u32 = 0;
    let mut len = 0;
    while len < 4 {
        match digit(5 + len) {
            Some(d) => {
                end = end * 10 + d;
                len += 1;
            }
            None => break,
        }
    }
    let follows = match len {
        2 => (start + 1) % 100 == end,
        4 => start + 1 == end,
        _ => false,
    };
    if !follows {
        return None;
    }
    let fy = FinancialYear::starting(u16::try_from(start).ok()?)?;
    Some((fy, 5 + len))
}

impl fmt::Display for FinancialYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{:02}", self.start, (self.start + 1) % 100)
    }
}

impl Serialize for FinancialYear {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FinancialYear {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        FinancialYear::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a financial year: {text:?}")))
    }
}

/// What period an amount is stated for. Only a single financial year can be added
/// into a per-year total; the others are shown as the source says them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Period {
    /// One financial year: `2017/18`.
    Year { year: FinancialYear },
    /// Several financial years, inclusive: `2015/16 to 2017/18`.
    Years {
        first: FinancialYear,
        last: FinancialYear,
    },
    /// Any other stated period, in the source's words: `three years`, `to June 2018`.
    Described { text: String },
    /// The source states no period.
    Unstated,
}

/// How a period is written: in JSON (the export, and the JSON download) as
/// `{"kind": "year", "year": "2017/18"}`; in the page's compact binary form
/// (codec.rs), which cannot read an internally tagged enum, by variant.
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum TaggedPeriod {
    Year {
        year: FinancialYear,
    },
    Years {
        first: FinancialYear,
        last: FinancialYear,
    },
    Described {
        text: String,
    },
    Unstated,
}

#[derive(Serialize, Deserialize)]
enum CompactPeriod {
    Year(FinancialYear),
    Years(FinancialYear, FinancialYear),
    Described(String),
    Unstated,
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            match self.clone() {
                Period::Year { year } => TaggedPeriod::Year { year },
                Period::Years { first, last } => TaggedPeriod::Years { first, last },
                Period::Described { text } => TaggedPeriod::Described { text },
                Period::Unstated => TaggedPeriod::Unstated,
            }
            .serialize(s)
        } else {
            match self.clone() {
                Period::Year { year } => CompactPeriod::Year(year),
                Period::Years { first, last } => CompactPeriod::Years(first, last),
                Period::Described { text } => CompactPeriod::Described(text),
                Period::Unstated => CompactPeriod::Unstated,
            }
            .serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(if d.is_human_readable() {
            match TaggedPeriod::deserialize(d)? {
                TaggedPeriod::Year { year } => Period::Year { year },
                TaggedPeriod::Years { first, last } => Period::Years { first, last },
                TaggedPeriod::Described { text } => Period::Described { text },
                TaggedPeriod::Unstated => Period::Unstated,
            }
        } else {
            match CompactPeriod::deserialize(d)? {
                CompactPeriod::Year(year) => Period::Year { year },
                CompactPeriod::Years(first, last) => Period::Years { first, last },
                CompactPeriod::Described(text) => Period::Described { text },
                CompactPeriod::Unstated => Period::Unstated,
            }
        })
    }
}

impl Period {
    /// Reads a period as data files and sources write it; empty means unstated.
    pub fn parse(text: &str) -> Period {
        let t = text.trim();
        if t.is_empty() {
            return Period::Unstated;
        }
        if let Some(year) = FinancialYear::parse(t) {
            return Period::Year { year };
        }
        if let Some((a, b)) = t.split_once(" to ") {
            if let (Some(first), Some(last)) = (FinancialYear::parse(a), FinancialYear::parse(b)) {
                if first < last {
                    return Period::Years { first, last };
                }
            }
        }
        Period::Described {
            text: t.to_string(),
        }
    }

    /// The period as the source states it, or None where it states none: the
    /// one place that decides how "unstated" differs from a stated period.
    pub fn stated(&self) -> Option<String> {
        (*self != Period::Unstated).then(|| self.to_string())
    }

    pub fn single_year(&self) -> Option<FinancialYear> {
        match self {
            Period::Year { year } => Some(*year),
            _ => None,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year { year } => write!(f, "{year}"),
            Period::Years { first, last } => write!(f, "{first} to {last}"),
            Period::Described { text } => f.write_str(text),
            Period::Unstated => f.write_str("not stated"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_ways_years_are_written_and_writes_one() {
        for text in ["2017/18", "2017-18", "2017–18", "2017/2018"] {
            assert_eq!(FinancialYear::parse(text).unwrap().to_string(), "2017/18");
        }
        assert_eq!(
            FinancialYear::parse("1999/00").unwrap().to_string(),
            "1999/00"
        );
    }

    #[test]
    fn rejects_what_is_not_a_financial_year() {
        for text in [
            "2017/19",
            "2017",
            "2017/1",
            "17/18",
            "2099/00",
            "2017-01-09",
            "abcd/ef",
            "",
        ] {
            assert_eq!(FinancialYear::parse(text), None, "{text}");
        }
    }

    #[test]
    fn years_sort_in_time_order() {
        let mut years: Vec<_> = ["2017/18", "2015/16", "2016/17"]
            .iter()
            .filter_map(|t| FinancialYear::parse(t))
            .collect();
        years.sort();
        let text: Vec<String> = years.iter().map(|y| y.to_string()).collect();
        assert_eq!(text, ["2015/16", "2016/17", "2017/18"]);
    }

    #[test]
    fn reads_periods() {
        assert_eq!(Period::parse(""), Period::Unstated);
        assert_eq!(
            Period::parse("2016/17").single_year().unwrap().to_string(),
            "2016/17"
        );
        assert_eq!(
            Period::parse("2015/16 to 2017/18").to_string(),
            "2015/16 to 2017/18"
        );
        assert_eq!(
            Period::parse("three years"),
            Period::Described {
                text: "three years".into()
            }
        );
        assert_eq!(Period::parse("from 2017/18").single_year(), None);
    }
}
