//! The real dataset in data/: it loads, it keeps its promises (every seed figure
//! tied to the words that state it, every record linked to its organisation,
//! disagreements kept), and a broken file is reported with its file and record.

use funding_core::extract::{extract, Gazetteer};
use funding_core::model::{OrganisationKind, RecordKind, Role};
use funding_core::sources::{build, load_dir, Sources};
use funding_core::{Dataset, Money};
use std::path::PathBuf;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data")
}

fn dataset() -> Dataset {
    match load_dir(&data_dir()) {
        Ok(dataset) => dataset,
        Err(problems) => panic!("data/ has problems:\n{problems:#?}"),
    }
}

#[test]
fn holds_the_five_seeds_the_fifty_vanguards_and_the_sixty_four_facts() {
    let d = dataset();
    assert_eq!(d.announcements().count(), 5);
    let vanguards = d
        .organisations
        .iter()
        .filter(|o| o.kind == OrganisationKind::Vanguard)
        .count();
    assert_eq!(vanguards, 50);
    let facts = d
        .records
        .iter()
        .filter(|r| r.kind == RecordKind::ReportedFigure)
        .count();
    assert_eq!(facts, 64);
    for record in d
        .records
        .iter()
        .filter(|r| r.kind == RecordKind::ReportedFigure)
    {
        assert!(
            record
                .source_url
                .as_deref()
                .is_some_and(|u| u.starts_with("http")),
            "{}",
            record.id
        );
        assert!(record.text.is_none());
    }
}

#[test]
fn the_extractor_finds_every_curated_seed_figure_at_its_span_and_nothing_uncurated() {
    let d = dataset();
    let gazetteer = Gazetteer::from_dataset(&d);
    for record in d.announcements() {
        let text = record.text.as_deref().expect("a seed has its text");
        let found = extract(text, &gazetteer);
        let mut curated: Vec<(usize, usize, u64)> = record
            .items
            .iter()
            .flat_map(|item| {
                item.evidence
                    .iter()
                    .map(move |e| (e.start, e.end, item.amount.pounds()))
            })
            .collect();
        curated.sort();
        let extracted: Vec<(usize, usize, u64)> = found
            .amounts
            .iter()
            .map(|a| (a.start, a.end, a.gbp.expect("seed amounts fit")))
            .collect();
        assert_eq!(
            extracted, curated,
            "{}: extracted spans differ from the curated record",
            record.id
        );
    }
}

#[test]
fn seeds_are_linked_to_their_registry_partnerships() {
    let d = dataset();
    let recipient_of = |id: &str| d.recipient_names(d.record(id).unwrap()).join(", ");
    assert_eq!(
        recipient_of("sunderland-all-together-better-2017-18"),
        "All Together Better Sunderland"
    );
    assert_eq!(recipient_of("dudley-mcp-4-4m"), "Dudley MCP");
    assert_eq!(
        recipient_of("tower-hamlets-together-2017-18"),
        "Tower Hamlets Together"
    );
    // The registry supplies the care model the Tower Hamlets text does not state.
    let tower_hamlets = d.record("tower-hamlets-together-2017-18").unwrap();
    assert_eq!(tower_hamlets.care_model, None);
    assert_eq!(
        d.effective_care_model(tower_hamlets).map(|m| m.code()),
        Some("MCP")
    );
}

#[test]
fn unknown_dates_and_years_stay_unknown() {
    let d = dataset();
    let sunderland = d.record("sunderland-all-together-better-2017-18").unwrap();
    // Not the scrape date at the top of the page.
    assert_eq!(
        sunderland.published_on.map(|p| p.to_string()).as_deref(),
        Some("2017-01-09")
    );
    let dudley = d.record("dudley-mcp-4-4m").unwrap();
    assert_eq!(dudley.published_on, None);
    assert!(dudley
        .items
        .iter()
        .all(|i| i.period.single_year().is_none()));
    let fylde = d.record("blackpool-fth-fylde-coast-2017-18").unwrap();
    assert_eq!(fylde.published_on, None);
}

#[test]
fn disagreeing_sources_are_both_kept() {
    let d = dataset();
    let sunderland_2015: Vec<Money> = d
        .records
        .iter()
        .filter(|r| r.recipients == ["all-together-better-sunderland"])
        .flat_map(|r| &r.items)
        .filter(|i| i.period.single_year().map(|y| y.to_string()).as_deref() == Some("2015/16"))
        .map(|i| i.amount)
        .collect();
    assert!(sunderland_2015.contains(&Money(6_500_000)));
    assert!(sunderland_2015.contains(&Money(6_770_000)));
    let national_2015: Vec<u64> = d
        .records
        .iter()
        .flat_map(|r| &r.items)
        .filter(|i| {
            i.role == Role::ProgrammeTotal
                && i.period.single_year().map(|y| y.to_string()).as_deref() == Some("2015/16")
        })
        .map(|i| i.amount.pounds())
        .collect();
    assert!(national_2015.contains(&120_000_000) && national_2015.contains(&132_600_000));
}

#[test]
fn context_figures_and_breakdowns_are_marked() {
    let d = dataset();
    let dudley = d.record("dudley-mcp-4-4m").unwrap();
    let fund = dudley
        .items
        .iter()
        .find(|i| i.amount == Money(900_000_000))
        .unwrap();
    assert_eq!(fund.role, Role::Context);
    let wyh = d.record("west-yorkshire-harrogate-ics-2018").unwrap();
    let parts: Vec<u64> = wyh
        .items
        .iter()
        .filter(|i| i.part_of.is_some())
        .map(|i| i.amount.pounds())
        .collect();
    assert_eq!(parts, [2_600_000, 4_000_000, 1_000_000, 1_000_000]);
    let total = wyh.headline_item().unwrap();
    assert_eq!(total.stated_as, "over £8.5m");
    assert!(total.qualifier.is_some());
}

#[test]
fn the_json_export_reads_back_to_the_same_dataset() {
    let d = dataset();
    assert_eq!(Dataset::from_json(&d.to_json()).unwrap(), d);
    assert!(Dataset::from_json("{\"organisations\": 3").is_err());
}

#[test]
fn the_embedded_form_reads_back_to_the_same_dataset() {
    use funding_core::codec::{decode, encode};
    let hostile = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/hostile-data");
    let hostile = load_dir(&hostile).expect("the hostile test data is valid");
    let mut seeds = String::new();
    for r in &dataset().records {
        seeds.push_str(r.text.as_deref().unwrap_or_default());
    }
    let synthetic = funding_core::synthetic::dataset(2_000, &seeds);
    for d in [dataset(), hostile, synthetic] {
        let bytes = encode(&d);
        assert_eq!(decode(&bytes).unwrap(), d);
    }
    // Smaller than the JSON it replaces.
    assert!(encode(&dataset()).len() < dataset().to_json().len() * 9 / 10);
}

#[test]
fn a_damaged_compact_form_is_an_error_not_a_panic() {
    use funding_core::codec::{decode, encode};
    let bytes = encode(&dataset());
    assert!(decode(&[]).is_err());
    assert!(decode(b"{\"organisations\": []}").is_err());
    // Cut short anywhere (every 97th length), or with one byte changed.
    for len in (0..bytes.len()).step_by(97) {
        assert!(decode(&bytes[..len]).is_err(), "cut at {len}");
    }
    for at in (4..bytes.len()).step_by(89) {
        for value in [0x00, 0x7f, 0x80, 0xff] {
            let mut damaged = bytes.clone();
            damaged[at] = value;
            // It may still read (the byte may be inside a text): it must not panic.
            let _ = decode(&damaged);
        }
    }
    // A count that claims more than the data holds.
    let mut huge = bytes[..4].to_vec();
    huge.extend([0xff, 0xff, 0xff, 0xff, 0x0f]);
    assert!(decode(&huge).is_err());
    // Another version's file is named as such.
    let mut other = bytes.clone();
    other[3] = b'0';
    assert!(decode(&other).unwrap_err().contains("not in the form"));
}

// ---- broken data files ----

fn sources() -> Sources {
    Sources::read_dir(&data_dir()).expect("data/ can be read")
}

fn problems_after(change: impl FnOnce(&mut Sources)) -> Vec<String> {
    let mut s = sources();
    change(&mut s);
    match build(&s) {
        Ok(_) => panic!("the broken data was accepted"),
        Err(problems) => problems.iter().map(|p| p.to_string()).collect(),
    }
}

fn announcement<'a>(s: &'a mut Sources, id: &str) -> &'a mut funding_core::sources::SourceFile {
    s.announcements
        .iter_mut()
        .find(|f| f.name.ends_with(&format!("{id}.toml")))
        .expect("announcement file")
}

#[test]
fn an_evidence_span_that_does_not_match_its_text_is_named() {
    let problems = problems_after(|s| {
        let f = announcement(s, "tower-hamlets-together-2017-18");
        f.text = f
            .text
            .replace("start = 73, end = 83", "start = 74, end = 84");
    });
    assert_eq!(problems.len(), 1, "{problems:?}");
    let p = &problems[0];
    assert!(p.contains("tower-hamlets-together-2017-18.toml"), "{p}");
    assert!(
        p.contains("tower-hamlets-together-2017-18, item \"allocation\""),
        "{p}"
    );
    assert!(
        p.contains("is at 73..83"),
        "the message says where the quote really is: {p}"
    );
}

#[test]
fn a_span_past_the_end_of_the_text_is_named() {
    let problems = problems_after(|s| {
        let f = announcement(s, "tower-hamlets-together-2017-18");
        f.text = f
            .text
            .replace("start = 73, end = 83", "start = 90000, end = 90010");
    });
    assert!(problems[0].contains("outside the text"), "{problems:?}");
}

#[test]
fn an_amount_that_does_not_match_its_words_is_named() {
    let problems = problems_after(|s| {
        let f = announcement(s, "tower-hamlets-together-2017-18");
        f.text = f
            .text
            .replace("amount_gbp = 3945000", "amount_gbp = 3945001");
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("does not match its words \"£3,945,000\"")),
        "{problems:?}"
    );
    let problems = problems_after(|s| {
        s.figures.text = s.figures.text.replace("4590000,£4.59m", "4590000,£4.95m");
    });
    assert!(
        problems.iter().any(|p| p.contains(
            "reported_figures.csv: hsj-morecambe-bay-2015-16: amount_gbp 4590000 does not match"
        )),
        "{problems:?}"
    );
    let problems = problems_after(|s| {
        s.figures.text = s.figures.text.replace("4590000,£4.59m", "lots,£4.59m");
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("\"lots\" is not a whole number")),
        "{problems:?}"
    );
}

#[test]
fn a_record_that_names_an_unknown_organisation_is_named() {
    let problems = problems_after(|s| {
        let f = announcement(s, "dudley-mcp-4-4m");
        f.text = f.text.replace(
            "recipients = [\"Dudley MCP\"]",
            "recipients = [\"Dudley Vanguard\"]",
        );
    });
    assert!(problems.iter().any(|p| p.contains("dudley-mcp-4-4m.toml: dudley-mcp-4-4m: recipient \"Dudley Vanguard\" is no known organisation")), "{problems:?}");
    let problems = problems_after(|s| {
        s.figures.text = s
            .figures
            .text
            .replace(",Royal Free London,", ",Royal Free Hospital,");
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("hsj-royal-free-2016-17: recipient \"Royal Free Hospital\"")),
        "{problems:?}"
    );
}

#[test]
fn a_duplicate_id_is_named() {
    let problems = problems_after(|s| {
        s.figures.text = s
            .figures
            .text
            .replace("hsj-harrogate-2015-16,", "hsj-morecambe-bay-2015-16,");
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("hsj-morecambe-bay-2015-16: duplicate id")),
        "{problems:?}"
    );
}

#[test]
fn a_stated_date_or_year_the_text_does_not_state_is_named() {
    let problems = problems_after(|s| {
        let f = announcement(s, "sunderland-all-together-better-2017-18");
        f.text = f.text.replace(
            "published_on = \"2017-01-09\"",
            "published_on = \"2017-01-10\"",
        );
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("published_on 2017-01-10 is not a date the text states")),
        "{problems:?}"
    );
    let problems = problems_after(|s| {
        let f = announcement(s, "sunderland-all-together-better-2017-18");
        f.text = f
            .text
            .replace("period = \"2017/18\"", "period = \"2018/19\"");
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("period 2018/19 is not a financial year the text states")),
        "{problems:?}"
    );
}

#[test]
fn malformed_files_and_unsafe_links_are_named() {
    let problems = problems_after(|s| {
        let f = announcement(s, "dudley-mcp-4-4m");
        f.text = f
            .text
            .replace("amount_gbp = 4400000", "amount_gbp = \"four million\"");
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("dudley-mcp-4-4m.toml: cannot be read")),
        "{problems:?}"
    );
    let problems = problems_after(|s| {
        s.figures.text = s.figures.text.replace(
            "https://www.hsj.co.uk/topics/finance-and-efficiency/exclusive-vanguards-scale-back-plans-due-to-funding-shortfall/7010668.article,HSJ names it Accountable",
            "javascript:alert(1),HSJ names it Accountable",
        );
    });
    assert!(problems.iter().any(|p| p.contains("hsj-cancer-network-2016-17: source link \"javascript:alert(1)\" is not an http(s) address")), "{problems:?}");
}

#[test]
fn every_problem_is_reported_at_once() {
    let problems = problems_after(|s| {
        s.figures.text = s.figures.text.replace(",Royal Free London,", ",Nobody,");
        let f = announcement(s, "tower-hamlets-together-2017-18");
        f.text = f
            .text
            .replace("amount_gbp = 3945000", "amount_gbp = 3945001");
    });
    assert_eq!(problems.len(), 2, "{problems:?}");
}

#[test]
fn same_money_must_name_a_figure_of_the_same_amount() {
    let problems = problems_after(|s| {
        s.figures.text = s
            .figures
            .text
            .replace("4400000,£4.4m,2016/17", "4500000,£4.5m,2016/17");
    });
    assert!(
        problems.iter().any(|p| p.contains(
            "same_as names \"hsj-dudley-2016-17\", which is £4,500,000 and not £4,400,000"
        )),
        "{problems:?}"
    );
    let problems = problems_after(|s| {
        let f = announcement(s, "dudley-mcp-4-4m");
        f.text = f.text.replace(
            "same_as = \"hsj-dudley-2016-17\"",
            "same_as = \"hsj-dudley-2099\"",
        );
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("which is no other funding item")),
        "{problems:?}"
    );
}

#[test]
fn the_list_says_unknowns_plainly_and_puts_full_texts_first() {
    use funding_core::listing::{default_order, summarise};
    let d = dataset();
    let order = default_order(&d);
    let first: Vec<&str> = order.iter().take(5).map(|r| r.id.as_str()).collect();
    assert_eq!(
        first,
        [
            "west-yorkshire-harrogate-ics-2018",
            "sunderland-all-together-better-2017-18",
            "stockport-together-first-anniversary-2016",
            "dudley-mcp-4-4m",
            "tower-hamlets-together-2017-18"
        ]
    );
    assert_eq!(order.len(), d.records.len());
    let dudley = summarise(&d, d.record("dudley-mcp-4-4m").unwrap());
    assert_eq!(dudley.title, "Dudley MCP: £4.4million");
    assert_eq!(dudley.amount_in_pounds.as_deref(), Some("£4,400,000"));
    assert_eq!(dudley.period, "Not stated");
    assert_eq!(dudley.date, "Not stated");
    assert_eq!(dudley.publisher, "Dudley News");
    assert_eq!(dudley.other_figures, 2);
    // The page dates itself "Tuesday 10 March" with no year: no date is made up.
    let fund = summarise(&d, d.record("adass-transformation-fund-2015-16").unwrap());
    assert_eq!(fund.role, Some("Fund size"));
    assert_eq!(fund.date, "Not stated");
    let sunderland = summarise(
        &d,
        d.record("sunderland-all-together-better-2017-18").unwrap(),
    );
    assert_eq!(
        sunderland.recipients.as_deref(),
        Some("All Together Better Sunderland")
    );
    assert_eq!(sunderland.amount_as_written.as_deref(), Some("£4.8m"));
}

/// A link that would take money out of the totals is refused: a part of a
/// programme total, two figures that each call the other the same money,
/// parts that go round; and a stream or type the data does not know.
#[test]
fn links_between_figures_are_between_money_for_recipients() {
    let problems = problems_after(|s| {
        s.figures.text = s.figures.text.replace(
            "hsj-harrogate-2016-17,allocation,new_care_models,,",
            "hsj-harrogate-2016-17,allocation,new_care_models,hsj-all-vanguards-2016-17,",
        );
    });
    assert!(
        problems.iter().any(|p| p.contains(
            "hsj-harrogate-2016-17: part_of names \"hsj-all-vanguards-2016-17\", which is a programme total and not money for a recipient"
        )),
        "{problems:?}"
    );
    let problems = problems_after(|s| {
        s.figures.text = s.figures.text.replace(
            "surrey-heartlands-five-years,allocation,devolution,,",
            "surrey-heartlands-five-years,allocation,devolution,surrey-heartlands-2017-18,",
        );
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("its part_of links go round in a circle")),
        "{problems:?}"
    );
    let problems = problems_after(|s| {
        s.figures.text = s
            .figures
            .text
            .replace(
                ",vanguard-fund,not-stated,initial funding,",
                ",vanguard-funds,not-stated,initial funding,",
            )
            .replace(
                "hsj-dudley-2016-17,allocation,new_care_models,,vanguard-fund,not-stated,",
                "hsj-dudley-2016-17,allocation,new_care_models,,vanguard-fund,operating,",
            );
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("unknown stream \"vanguard-funds\"")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("unknown money_type \"operating\"")),
        "{problems:?}"
    );
}
