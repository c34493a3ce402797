//! Money: whole pounds in one newtype, the one parser for the ways announcements
//! write amounts (`£4.8m`, `£3,945,000`, `over £8.5m`, `almost £5million`), and the
//! one formatter. Nothing else in the code base reads or writes an amount.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of money in whole pounds sterling.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(pub u64);

impl Money {
    pub fn pounds(self) -> u64 {
        self.0
    }

    /// `£4,800,000`: every pound, with thousands separators.
    pub fn full(self) -> String {
        format!("£{}", group_thousands(self.0))
    }

    /// `£4.8m`, `£955k`, `£1.3bn`, `£800`: short, for lists and chart labels.
    /// Keeps up to two decimals and drops trailing zeros, so `£2.72m` stays `£2.72m`.
    pub fn compact(self) -> String {
        let p = self.0;
        let (unit, suffix) = if p >= 1_000_000_000 {
            (1_000_000_000, "bn")
        } else if p >= 1_000_000 {
            (1_000_000, "m")
        } else if p >= 10_000 {
            (1_000, "k")
        } else {
            return self.full();
        };
        // Round to hundredths of the unit, in integers: in 64 bits when they
        // hold it (every real amount), else in 128 (£18 quintillion times 100
        // does not fit in 64 bits). Both parts fit in 64 bits again.
        let hundredths = p
            .checked_mul(100)
            .and_then(|h| h.checked_add(unit / 2))
            .map_or_else(
                || ((p as u128 * 100 + unit as u128 / 2) / unit as u128) as u64,
                |h| h / unit,
            );
        let (whole, frac) = (hundredths / 100, hundredths % 100);
        let digit = |d: u64| char::from(b'0' + d as u8);
        let mut out = String::with_capacity(16);
        out.push('£');
        out.push_str(&group_thousands(whole));
        if frac != 0 {
            out.push('.');
            out.push(digit(frac / 10));
            if frac % 10 != 0 {
                out.push(digit(frac % 10));
            }
        }
        out.push_str(suffix);
        out
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.full())
    }
}

fn group_thousands(n: u64) -> String {
    // The digits from the last, then written first to last with a comma
    // before each group of three (no formatting machinery: every amount on
    // the page comes through here).
    let mut digits = [0u8; 20];
    let (mut len, mut rest) = (0, n);
    loop {
        digits[len] = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(len + len / 3);
    for at in (0..len).rev() {
        out.push(char::from(digits[at]));
        if at > 0 && at % 3 == 0 {
            out.push(',');
        }
    }
    out
}

/// A word before an amount that changes what it claims: `over £8.5m` is not `£8.5m`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Over,
    MoreThan,
    Almost,
    Nearly,
    UpTo,
    Around,
}

impl Qualifier {
    /// The name the data files and exports use (serde's, above).
    pub fn code(self) -> &'static str {
        match self {
            Qualifier::Over => "over",
            Qualifier::MoreThan => "more_than",
            Qualifier::Almost => "almost",
            Qualifier::Nearly => "nearly",
            Qualifier::UpTo => "up_to",
            Qualifier::Around => "around",
        }
    }

    /// The words as they are matched in text, lower case, longest first where one
    /// is a prefix of another.
    pub const ALL: [(Qualifier, &'static str); 7] = [
        (Qualifier::MoreThan, "more than"),
        (Qualifier::Over, "over"),
        (Qualifier::Almost, "almost"),
        (Qualifier::Nearly, "nearly"),
        (Qualifier::UpTo, "up to"),
        (Qualifier::Around, "around"),
        (Qualifier::Around, "about"),
    ];

    pub fn label(self) -> &'static str {
        match self {
            Qualifier::Over => "over",
            Qualifier::MoreThan => "more than",
            Qualifier::Almost => "almost",
            Qualifier::Nearly => "nearly",
            Qualifier::UpTo => "up to",
            Qualifier::Around => "around",
        }
    }
}

/// An amount as a text states it: the pounds and the qualifier, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatedAmount {
    pub amount: Money,
    pub qualifier: Option<Qualifier>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    /// No `£` amount where one was expected.
    NotAnAmount,
    /// The amount does not fit in 64 bits of pounds (more than £18 quintillion).
    TooLarge,
    /// Something other than the amount stands around it.
    TrailingText(String),
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoneyError::NotAnAmount => f.write_str("no £ amount found"),
            MoneyError::TooLarge => f.write_str("the amount is too large to hold"),
            MoneyError::TrailingText(t) => write!(f, "unexpected text {t:?} around the amount"),
        }
    }
}

/// The result of reading one `£` amount out of a slice of characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Scanned {
    /// Index of the first character of the amount's words (the qualifier, if any).
    pub start: usize,
    /// One past the last character (the unit, if any).
    pub end: usize,
    pub qualifier: Option<Qualifier>,
    /// `Err(TooLarge)` when the digits do not fit.
    pub amount: Result<Money, MoneyError>,
}

pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

/// Reads the amount whose `£` sign is at `pound`, with the qualifier just before
/// it. Returns None when no digit follows the sign. Linear in the digits read.
pub(crate) fn scan_amount(chars: &[char], pound: usize) -> Option<Scanned> {
    debug_assert_eq!(chars.get(pound), Some(&'£'));
    let mut i = pound + 1;
    let digits_start = i;
    // Integer part: digits, with commas only between groups of exactly three.
    let mut integer: Option<u128> = Some(0);
    let mut too_large = false;
    let push_digit = |acc: &mut Option<u128>, d: u32| {
        *acc = acc
            .and_then(|v| v.checked_mul(10))
            .and_then(|v| v.checked_add(d as u128));
    };
    while i < chars.len() {
        let c = chars[i];
        if let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            push_digit(&mut integer, d);
            i += 1;
        } else if c == ','
            && i > digits_start
            && chars.len() >= i + 4
            && chars[i + 1..i + 4].iter().all(|c| c.is_ascii_digit())
            && !chars.get(i + 4).is_some_and(|c| c.is_ascii_digit())
        {
            i += 1;
        } else {
            break;
        }
    }
    if i == digits_start {
        return None;
    }
    if integer.is_none() {
        too_large = true;
    }
    // Decimal part: a point followed by at least one digit.
    let mut fraction_digits: Vec<u32> = Vec::new();
    if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
        i += 1;
        while i < chars.len() && chars[i].is_ascii_digit() {
            // Digits past the 30th cannot change whole pounds of any unit we know.
            if fraction_digits.len() < 30 {
                fraction_digits.push(chars[i].to_digit(10).unwrap_or(0));
            }
            i += 1;
        }
    }
    let number_end = i;
    // Unit: optional spaces then m / mn / million / bn / billion / k / thousand.
    let (multiplier, end) = scan_unit(chars, number_end);
    let amount = if too_large {
        Err(MoneyError::TooLarge)
    } else {
        combine(integer.unwrap_or(0), &fraction_digits, multiplier)
    };
    let (start, qualifier) = scan_qualifier(chars, pound);
    Some(Scanned {
        start,
        end,
        qualifier,
        amount,
    })
}

fn scan_unit(chars: &[char], number_end: usize) -> (u128, usize) {
    let mut j = number_end;
    while j < chars.len() && is_space(chars[j]) && j - number_end < 3 {
        j += 1;
    }
    // Long words are unambiguous even when run into the next word ("£4.8millionfunding");
    // one- and two-letter units must end at a word boundary ("£4m of", not "£4more").
    const UNITS: [(&str, u128, bool); 7] = [
        ("million", 1_000_000, false),
        ("billion", 1_000_000_000, false),
        ("thousand", 1_000, false),
        ("mn", 1_000_000, true),
        ("bn", 1_000_000_000, true),
        ("m", 1_000_000, true),
        ("k", 1_000, true),
    ];
    for (word, multiplier, needs_boundary) in UNITS {
        let len = word.chars().count();
        if j + len > chars.len() {
            continue;
        }
        let matches = chars[j..j + len]
            .iter()
            .zip(word.chars())
            .all(|(a, b)| a.to_ascii_lowercase() == b);
        if !matches {
            continue;
        }
        if needs_boundary && chars.get(j + len).is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        return (multiplier, j + len);
    }
    (1, number_end)
}

fn combine(integer: u128, fraction: &[u32], multiplier: u128) -> Result<Money, MoneyError> {
    let whole = integer
        .checked_mul(multiplier)
        .ok_or(MoneyError::TooLarge)?;
    // Fractional part times the multiplier, rounded to the nearest pound.
    let mut scale: u128 = 1;
    let mut frac: u128 = 0;
    for &d in fraction {
        scale *= 10;
        frac = frac * 10 + d as u128;
    }
    let frac_pounds = (frac * multiplier + scale / 2) / scale;
    let total = whole.checked_add(frac_pounds).ok_or(MoneyError::TooLarge)?;
    u64::try_from(total)
        .map(Money)
        .map_err(|_| MoneyError::TooLarge)
}

fn scan_qualifier(chars: &[char], pound: usize) -> (usize, Option<Qualifier>) {
    // Up to two spaces between the qualifier and the sign.
    let mut j = pound;
    while j > 0 && is_space(chars[j - 1]) && pound - j < 2 {
        j -= 1;
    }
    for (qualifier, word) in Qualifier::ALL {
        let len = word.chars().count();
        if j < len {
            continue;
        }
        let s = j - len;
        let matches = chars[s..j]
            .iter()
            .zip(word.chars())
            .all(|(a, b)| crate::case::lower_case(*a) == b || (b == ' ' && is_space(*a)));
        if matches && (s == 0 || !chars[s - 1].is_alphanumeric()) {
            return (s, Some(qualifier));
        }
    }
    (pound, None)
}

/// Reads a whole string as one stated amount, e.g. a CSV cell `almost £5million`
/// or an evidence quote `£3,945,000`.
pub fn parse_stated(text: &str) -> Result<StatedAmount, MoneyError> {
    let chars: Vec<char> = text.trim().chars().collect();
    let pound = chars
        .iter()
        .position(|&c| c == '£')
        .ok_or(MoneyError::NotAnAmount)?;
    let scanned = scan_amount(&chars, pound).ok_or(MoneyError::NotAnAmount)?;
    if scanned.start != 0 || scanned.end != chars.len() {
        let extra: String = chars[..scanned.start]
            .iter()
            .chain(chars[scanned.end..].iter())
            .collect();
        return Err(MoneyError::TrailingText(extra.trim().to_string()));
    }
    Ok(StatedAmount {
        amount: scanned.amount?,
        qualifier: scanned.qualifier,
    })
}

/// Writes an amount the short way a person would type it and [`parse_typed`]
/// reads back exactly: `4.5m`, `450k`, `955313`.
pub fn typed(amount: Money) -> String {
    let p = amount.0;
    // (unit, suffix, the smallest step written): at most three decimals of a
    // million or billion, whole thousands only.
    for (unit, suffix, step) in [
        (1_000_000_000u64, "bn", 1_000_000u64),
        (1_000_000, "m", 1_000),
        (1_000, "k", 1_000),
    ] {
        if p >= unit && p % step == 0 {
            let whole = p / unit;
            let steps = (p % unit) / step;
            let digits = (unit / step).ilog10() as usize;
            let frac = format!("{steps:0digits$}");
            let frac = frac.trim_end_matches('0');
            return if frac.is_empty() {
                format!("{whole}{suffix}")
            } else {
                format!("{whole}.{frac}{suffix}")
            };
        }
    }
    p.to_string()
}

/// Reads an amount a person types in a filter box: `4.5m`, `450k`, `£1,200,000`,
/// `2bn`, `1200`. The `£` is optional here. Returns None for anything else.
pub fn parse_typed(text: &str) -> Option<Money> {
    let t = text.trim();
    let with_sign = if t.starts_with('£') {
        t.to_string()
    } else {
        format!("£{t}")
    };
    match parse_stated(&with_sign) {
        Ok(StatedAmount {
            amount,
            qualifier: None,
        }) => Some(amount),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pounds(text: &str) -> u64 {
        parse_stated(text).expect(text).amount.0
    }

    #[test]
    fn reads_every_way_the_sources_write_an_amount() {
        assert_eq!(pounds("£4.8m"), 4_800_000);
        assert_eq!(pounds("£4.8million"), 4_800_000);
        assert_eq!(pounds("£3,945,000"), 3_945_000);
        assert_eq!(pounds("£2.72 million"), 2_720_000);
        assert_eq!(pounds("£900m"), 900_000_000);
        assert_eq!(pounds("£200 million"), 200_000_000);
        assert_eq!(pounds("£1.3bn"), 1_300_000_000);
        assert_eq!(pounds("£2.2 billion"), 2_200_000_000);
        assert_eq!(pounds("£955,313"), 955_313);
        assert_eq!(pounds("£0.2m"), 200_000);
        assert_eq!(pounds("£800,000"), 800_000);
        assert_eq!(pounds("£4.32 million"), 4_320_000);
        assert_eq!(pounds("£450k"), 450_000);
        assert_eq!(pounds("£2.725m"), 2_725_000);
    }

    #[test]
    fn keeps_the_qualifier() {
        let s = parse_stated("over £8.5m").unwrap();
        assert_eq!(s.amount, Money(8_500_000));
        assert_eq!(s.qualifier, Some(Qualifier::Over));
        assert_eq!(
            parse_stated("almost £5million").unwrap().qualifier,
            Some(Qualifier::Almost)
        );
        assert_eq!(
            parse_stated("nearly £3.8m").unwrap().qualifier,
            Some(Qualifier::Nearly)
        );
    }

    #[test]
    fn rejects_what_is_not_one_amount() {
        assert_eq!(parse_stated("2.6million"), Err(MoneyError::NotAnAmount));
        assert_eq!(parse_stated("£"), Err(MoneyError::NotAnAmount));
        assert!(matches!(
            parse_stated("£4m a year"),
            Err(MoneyError::TrailingText(_))
        ));
    }

    #[test]
    fn an_amount_too_large_is_reported_not_wrapped() {
        let huge = format!("£{}", "9".repeat(400));
        assert_eq!(parse_stated(&huge), Err(MoneyError::TooLarge));
        assert_eq!(parse_stated("£99999999999bn"), Err(MoneyError::TooLarge));
        assert_eq!(pounds("£18446744073709551615"), u64::MAX);
        assert_eq!(
            parse_stated("£18446744073709551616"),
            Err(MoneyError::TooLarge)
        );
    }

    #[test]
    fn formats_compact_and_full() {
        assert_eq!(Money(4_800_000).compact(), "£4.8m");
        assert_eq!(Money(2_720_000).compact(), "£2.72m");
        assert_eq!(Money(3_945_000).compact(), "£3.95m");
        assert_eq!(Money(955_313).compact(), "£955.31k");
        assert_eq!(Money(450_000).compact(), "£450k");
        assert_eq!(Money(1_300_000_000).compact(), "£1.3bn");
        assert_eq!(Money(800).compact(), "£800");
        // Rounding up to the next unit, a tenth kept, and amounts too large
        // for hundredths of a pound in 64 bits.
        assert_eq!(Money(999_995).compact(), "£1,000k");
        assert_eq!(Money(1_050_000).compact(), "£1.05m");
        assert_eq!(Money(18_446_744_073_709_551).compact(), "£18,446,744.07bn");
        assert_eq!(Money(u64::MAX).compact(), "£18,446,744,073.71bn");
        assert_eq!(Money(3_945_000).full(), "£3,945,000");
        assert_eq!(Money(0).full(), "£0");
        assert_eq!(Money(u64::MAX).full(), "£18,446,744,073,709,551,615");
    }

    #[test]
    fn typed_amounts_read_back_exactly() {
        for (pounds, text) in [
            (4_500_000, "4.5m"),
            (450_000, "450k"),
            (955_313, "955313"),
            (1_300_000_000, "1.3bn"),
            (0, "0"),
            (2_725_000, "2.725m"),
            (1_000_001, "1000001"),
        ] {
            assert_eq!(typed(Money(pounds)), text);
            assert_eq!(parse_typed(text), Some(Money(pounds)));
        }
        assert_eq!(parse_typed(&typed(Money(u64::MAX))), Some(Money(u64::MAX)));
    }

    #[test]
    fn reads_typed_filter_amounts() {
        assert_eq!(parse_typed("4.5m"), Some(Money(4_500_000)));
        assert_eq!(parse_typed(" 450k "), Some(Money(450_000)));
        assert_eq!(parse_typed("£1,200,000"), Some(Money(1_200_000)));
        assert_eq!(parse_typed("abc"), None);
        assert_eq!(parse_typed("-5"), None);
        assert_eq!(parse_typed(""), None);
    }
}
