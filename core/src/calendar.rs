//! Calendar dates, possibly partial: a source may say `2015-03` (a month) and
//! nothing more, and the app must not invent the day. Written as ISO 8601.
//! Also reads the English dates announcements use (`Jan 9, 2017`, `10th March 2016`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    /// Only present when `month` is.
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl PartialDate {
    /// The date as one number in the same order as the date itself (a year
    /// alone before its months, a month alone before its days): for sort keys.
    pub fn ordinal(&self) -> u32 {
        u32::from(self.year) * 10_000
            + u32::from(self.month.unwrap_or(0)) * 100
            + u32::from(self.day.unwrap_or(0))
    }

    pub fn full(year: u16, month: u8, day: u8) -> Option<PartialDate> {
        let valid = (1000..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// Reads `2017-01-09`, `2015-03` or `2015`.
    pub fn parse_iso(text: &str) -> Option<PartialDate> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |s: &str, len: usize| -> Option<u16> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let year = number(parts.first()?, 4).filter(|y| *y >= 1000)?;
        match parts.len() {
            1 => Some(PartialDate {
                year,
                month: None,
                day: None,
            }),
            2 => {
                let month = number(parts[1], 2)? as u8;
                (1..=12).contains(&month).then_some(PartialDate {
                    year,
                    month: Some(month),
                    day: None,
                })
            }
            3 => PartialDate::full(year, number(parts[1], 2)? as u8, number(parts[2], 2)? as u8),
            _ => None,
        }
    }

    /// `9 January 2017`, `March 2015`, `2015`: for people.
    pub fn readable(&self) -> String {
        // The month names are plain ASCII: capitalised without Unicode's tables.
        let month_name = |m: u8| {
            let name = MONTHS
                .get(usize::from(m).wrapping_sub(1))
                .copied()
                .unwrap_or_default();
            let mut name = name.to_string();
            if let Some(first) = name.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            name
        };
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", month_name(m), self.year),
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            _ => self.year.to_string(),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        PartialDate::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO date: {text:?}")))
    }
}

/// A word of letters starting at `at`, lower-cased, and its length.
fn word_at(chars: &[char], at: usize) -> (String, usize) {
    let len = chars[at..]
        .iter()
        .take_while(|c| c.is_alphabetic())
        .take(12)
        .count();
    let word = chars[at..at + len]
        .iter()
        .map(|&c| crate::case::lower_case(c))
        .collect();
    (word, len)
}

/// A month name or its three-letter abbreviation (`Jan`, `Sept` too), with an
/// optional full stop after an abbreviation.
fn month_at(chars: &[char], at: usize) -> Option<(u8, usize)> {
    if at >= chars.len() || (at > 0 && chars[at - 1].is_alphabetic()) {
        return None;
    }
    let (word, len) = word_at(chars, at);
    if len < 3 || chars.get(at + len).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let index = MONTHS.iter().position(|m| {
        *m == word || (word.len() >= 3 && m.starts_with(word.as_str()) && word.len() <= 4)
    })?;
    let mut used = len;
    if len < MONTHS[index].len() && chars.get(at + len) == Some(&'.') {
        used += 1;
    }
    Some((index as u8 + 1, used))
}

/// Digits at `at` (at most `max`), not preceded by a digit.
fn number_at(chars: &[char], at: usize, max: usize) -> Option<(u32, usize)> {
    if at > 0 && chars.get(at - 1).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let len = chars[at.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if len == 0 || len > max {
        return None;
    }
    let value = chars[at..at + len]
        .iter()
        .fold(0u32, |v, c| v * 10 + c.to_digit(10).unwrap_or(0));
    Some((value, len))
}

fn skip_spaces(chars: &[char], mut at: usize) -> usize {
    while at < chars.len() && crate::money::is_space(chars[at]) {
        at += 1;
    }
    at
}

/// A day number with an optional ordinal suffix (`10th`, `2nd`), and its length.
fn day_at(chars: &[char], at: usize) -> Option<(u8, usize)> {
    let (day, len) = number_at(chars, at, 2)?;
    let mut used = len;
    let (suffix, suffix_len) = word_at(chars, at + len);
    if matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
        used += suffix_len;
    } else if suffix_len > 0 {
        return None;
    }
    Some((u8::try_from(day).ok()?, used))
}

fn year_at(chars: &[char], at: usize) -> Option<u16> {
    let (year, len) = number_at(chars, at, 4)?;
    if len != 4 || chars.get(at + len).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    u16::try_from(year).ok()
}

/// Reads a full calendar date starting at `at`: `Jan 9, 2017`, `January 9 2017`,
/// `10th March 2016`, `9 January 2017`. Returns the date and its length.
pub(crate) fn scan_date(chars: &[char], at: usize) -> Option<(PartialDate, usize)> {
    // Month first: "Jan 9, 2017".
    if let Some((month, mlen)) = month_at(chars, at) {
        let d_at = skip_spaces(chars, at + mlen);
        if d_at == at + mlen {
            return None;
        }
        let (day, dlen) = day_at(chars, d_at)?;
        let mut y_at = d_at + dlen;
        if chars.get(y_at) == Some(&',') {
            y_at += 1;
        }
        let y_start = skip_spaces(chars, y_at);
        if y_start == y_at && chars.get(y_at - 1) != Some(&',') {
            return None;
        }
        let year = year_at(chars, y_start)?;
        return PartialDate::full(year, month, day).map(|d| (d, y_start + 4 - at));
    }
    // Day first: "10th March 2016".
    let (day, dlen) = day_at(chars, at)?;
    let m_at = skip_spaces(chars, at + dlen);
    if m_at == at + dlen {
        return None;
    }
    let (month, mlen) = month_at(chars, m_at)?;
    let mut y_at = m_at + mlen;
    if chars.get(y_at) == Some(&',') {
        y_at += 1;
    }
    let y_start = skip_spaces(chars, y_at);
    if y_start == y_at {
        return None;
    }
    let year = year_at(chars, y_start)?;
    PartialDate::full(year, month, day).map(|d| (d, y_start + 4 - at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        scan_date(&chars, 0).map(|(d, len)| {
            assert_eq!(len, chars.len(), "{text}");
            d.to_string()
        })
    }

    #[test]
    fn reads_the_date_forms_of_the_announcements() {
        assert_eq!(scan("Jan 9, 2017").as_deref(), Some("2017-01-09"));
        assert_eq!(scan("10th March 2016").as_deref(), Some("2016-03-10"));
        assert_eq!(scan("22 August 2018").as_deref(), Some("2018-08-22"));
        assert_eq!(scan("9 January 2017").as_deref(), Some("2017-01-09"));
        assert_eq!(scan("Jan 2nd, 2025").as_deref(), Some("2025-01-02"));
        assert_eq!(scan("Sept. 1, 2016").as_deref(), Some("2016-09-01"));
        assert_eq!(
            scan("22\u{a0}August\u{a0}2018").as_deref(),
            Some("2018-08-22")
        );
    }

    #[test]
    fn does_not_read_partial_or_impossible_dates() {
        assert_eq!(scan("May 2018"), None);
        assert_eq!(scan("31 February 2016"), None);
        assert_eq!(scan("March"), None);
        assert_eq!(scan("10 Marching 2016"), None);
        assert_eq!(scan("2 million"), None);
    }

    #[test]
    fn iso_round_trips_at_each_precision() {
        for text in ["2017-01-09", "2015-03", "2015"] {
            assert_eq!(PartialDate::parse_iso(text).unwrap().to_string(), text);
        }
        for bad in ["2017-13", "2017-02-30", "17-01-01", "2017-1-9", "", "abcd"] {
            assert_eq!(PartialDate::parse_iso(bad), None, "{bad}");
        }
        assert_eq!(
            PartialDate::parse_iso("2015-03").unwrap().readable(),
            "March 2015"
        );
        assert_eq!(
            PartialDate::parse_iso("2017-01-09").unwrap().readable(),
            "9 January 2017"
        );
    }
}
