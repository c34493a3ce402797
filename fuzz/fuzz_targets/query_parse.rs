//! Any search text parses, and searching with it runs.
#![no_main]

use funding_core::query::{parse, MAX_TERMS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let query = parse(&text);
    assert!(query.terms.len() <= MAX_TERMS);
    for term in &query.terms {
        assert!(!term.words.is_empty());
    }
});
