//! Any text extracts, and every amount's span reads the amount's words.
#![no_main]

use funding_core::extract::{extract, Gazetteer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let chars: Vec<char> = text.chars().collect();
    for amount in extract(&text, &Gazetteer::default()).amounts {
        assert!(amount.start < amount.end && amount.end <= chars.len());
        assert_eq!(chars[amount.start..amount.end].iter().collect::<String>(), amount.text);
    }
});
