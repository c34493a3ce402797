//! No input breaks the core: the extractor and the query parser take any text,
//! and what they report points at the text they were given.

use funding_core::extract::{extract, Gazetteer};
use funding_core::query::parse;
use funding_core::sources::load_dir;
use proptest::prelude::*;
use std::path::PathBuf;
use std::sync::OnceLock;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data");
        Gazetteer::from_dataset(&load_dir(&dir).expect("valid data"))
    })
}

fn check_spans(text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let e = extract(text, gazetteer());
    let mut last_end = 0;
    for a in &e.amounts {
        assert!(a.start < a.end && a.end <= chars.len());
        assert!(
            a.start >= last_end,
            "amounts are in order and do not overlap"
        );
        last_end = a.end;
        assert_eq!(chars[a.start..a.end].iter().collect::<String>(), a.text);
        assert!(a.text.contains('£'));
        assert_eq!(a.gbp.is_none(), a.problem.is_some());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn any_text_extracts_with_true_spans(text in "\\PC{0,200}") {
        check_spans(&text);
    }

    #[test]
    fn money_shaped_text_extracts_with_true_spans(text in "[£0-9.,mkbnilo \u{a0}/\\-–JanMrch]{0,120}") {
        check_spans(&text);
    }

    #[test]
    fn any_text_parses_as_a_query(text in "\\PC{0,200}") {
        let q = parse(&text);
        prop_assert!(q.terms.len() <= funding_core::query::MAX_TERMS);
    }
}

#[test]
fn extreme_inputs_are_reported_not_fatal() {
    let huge = format!("£{} and £1,000,000,000,000,000bn", "9".repeat(400));
    let e = extract(&huge, gazetteer());
    assert_eq!(e.amounts.len(), 2);
    assert!(e
        .amounts
        .iter()
        .all(|a| a.gbp.is_none() && a.problem.as_deref() == Some("too large to hold")));
    check_spans("\u{202e}£5m\u{202c} 🙂 مرحبا £٣m ２０１７/１８ £\u{0}1");
    let binary: String = (0u8..=255).map(char::from).cycle().take(100_000).collect();
    check_spans(&binary);
    let bytes: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    check_spans(&String::from_utf8_lossy(&bytes));
}
