//! Lower case, one character for one, for search and matching. The same as
//! the standard library's `char::to_lowercase` for every character, except
//! that 'İ' lowers to "i" alone (Unicode adds a combining dot), read from a
//! table of runs that `build.rs` derives from the standard library itself:
//! the standard table costs the page 11.7 KB, the runs about 3 KB.

include!(concat!(env!("OUT_DIR"), "/lower_case_runs.rs"));

/// `c` in lower case; `c` itself when it has none.
pub fn lower_case(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let code = c as u32;
    // The last run that starts at or before `c`.
    let starts_before = LOWER_CASE_RUNS.partition_point(|run| run.0 <= code);
    let Some(&(first, last, every, delta)) = LOWER_CASE_RUNS[..starts_before].last() else {
        return c;
    };
    if code > last || (code - first) % every != 0 {
        return c;
    }
    char::from_u32(code.wrapping_add_signed(delta)).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_lowers_as_the_standard_library_lowers_it() {
        for code in 0..=char::MAX as u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut standard = c.to_lowercase();
            let first = standard.next().unwrap_or(c);
            assert_eq!(lower_case(c), first, "U+{code:04X}");
            if standard.next().is_some() {
                assert_eq!(c, 'İ', "the one letter that lowers to two");
            }
        }
    }

    #[test]
    fn letters_people_type() {
        assert_eq!(lower_case('É'), 'é');
        assert_eq!(lower_case('Ω'), 'ω');
        assert_eq!(lower_case('Ж'), 'ж');
        assert_eq!(lower_case('Ā'), 'ā');
        assert_eq!(lower_case('ǅ'), 'ǆ');
        assert_eq!(lower_case('İ'), 'i');
        assert_eq!(lower_case('1'), '1');
        assert_eq!(lower_case('ß'), 'ß');
        assert_eq!(lower_case('😀'), '😀');
    }
}
