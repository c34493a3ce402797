//! Search, filters, facet counts, sort, totals and the link format, on the real
//! dataset, as a person using the explorer would see them.

use funding_core::explore::{Exploration, Explorer};
use funding_core::facets::NONE;
use funding_core::page::active_filters;
use funding_core::sources::load_dir;
use funding_core::url_state::{decode, encode};
use funding_core::view::{Facet, SortOrder, ViewState};
use funding_core::{Dataset, Money};
use proptest::prelude::*;
use std::path::PathBuf;
use std::sync::OnceLock;

fn dataset() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data");
        load_dir(&dir).expect("data/ is valid")
    })
}

fn explorer() -> &'static Explorer<'static> {
    static EXPLORER: OnceLock<Explorer<'static>> = OnceLock::new();
    EXPLORER.get_or_init(|| Explorer::new(dataset()))
}

fn ids(e: &Exploration) -> Vec<&'static str> {
    e.rows
        .iter()
        .map(|r| dataset().records[r.record].id.as_str())
        .collect()
}

fn search(q: &str) -> Exploration {
    explorer().run(&ViewState {
        query: q.into(),
        ..ViewState::default()
    })
}

fn view(query: &str) -> ViewState {
    let (view, notices) = decode(query, explorer());
    assert!(notices.is_empty(), "{notices:?}");
    view
}

#[test]
fn search_finds_words_prefixes_and_accents_in_any_case() {
    let e = search("MAUBACH");
    assert_eq!(ids(&e), ["dudley-mcp-4-4m"]);
    // A prefix: "loneli" finds "loneliness" in the West Yorkshire text.
    assert_eq!(
        ids(&search("loneli")),
        ["west-yorkshire-harrogate-ics-2018"]
    );
    // Accents fold both ways.
    assert_eq!(ids(&search("maubäch")), ids(&search("maubach")));
}

#[test]
fn titles_and_recipients_rank_above_the_body() {
    // Stockport Together is the recipient of some records; others only name
    // "Stockport Practice Hub" as their publisher.
    let e = search("stockport");
    let is_recipient = |r: &funding_core::explore::ResultRow| {
        dataset().records[r.record]
            .recipients
            .contains(&"stockport-together".to_string())
    };
    let mentions_only: Vec<usize> = e
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !is_recipient(r))
        .map(|(i, _)| i)
        .collect();
    assert!(!mentions_only.is_empty(), "{:?}", ids(&e));
    let recipients: Vec<usize> = (0..e.rows.len())
        .filter(|i| !mentions_only.contains(i))
        .collect();
    assert!(
        recipients.iter().max() < mentions_only.iter().min(),
        "{:?}",
        ids(&e)
    );
}

#[test]
fn phrases_and_exclusions() {
    let all_together = ids(&search("\"all together better\""));
    assert!(all_together.contains(&"dudley-mcp-4-4m"));
    assert!(all_together.contains(&"sunderland-all-together-better-2017-18"));
    let without_dudley = ids(&search("\"all together better\" -dudley"));
    assert!(!without_dudley.contains(&"dudley-mcp-4-4m"));
    assert!(without_dudley.contains(&"sunderland-all-together-better-2017-18"));
    // Words in the wrong order are not the phrase.
    assert!(ids(&search("\"better together all\"")).is_empty());
    // Only exclusions: everything else.
    assert_eq!(
        search("-dudley").rows.len(),
        dataset().records.len() - search("dudley").rows.len()
    );
}

#[test]
fn a_search_that_finds_nothing_finds_nothing() {
    assert!(search("xylophone").rows.is_empty());
    assert_eq!(search("xylophone").totals.figures_added, 0);
}

#[test]
fn facets_combine_and_within_or_across() {
    let v = view("?fy=2017/18&model=MCP");
    let e = explorer().run(&v);
    let found = ids(&e);
    for expected in [
        "sunderland-all-together-better-2017-18",
        "tower-hamlets-together-2017-18",
        "bcr-dudley-2017-18",
    ] {
        assert!(found.contains(&expected), "{expected} in {found:?}");
    }
    // Every row is an MCP record with a 2017/18 figure.
    for row in &e.rows {
        let r = &dataset().records[row.record];
        assert_eq!(
            dataset().effective_care_model(r).map(|m| m.code()),
            Some("MCP"),
            "{}",
            r.id
        );
        assert!(row.items.iter().all(|&i| r.items[i]
            .period
            .single_year()
            .map(|y| y.to_string())
            .as_deref()
            == Some("2017/18")));
    }
    // OR within a facet: two years give at least as many as either.
    let one = explorer().run(&view("?fy=2017/18")).rows.len();
    let two = explorer().run(&view("?fy=2017/18,2016/17")).rows.len();
    let other = explorer().run(&view("?fy=2016/17")).rows.len();
    assert_eq!(two, one + other, "no record has figures in both years");
}

#[test]
fn facet_counts_follow_every_other_filter() {
    let e = explorer().run(&view("?model=MCP"));
    let years = &e
        .facets
        .iter()
        .find(|(f, _)| *f == Facet::FinancialYear)
        .unwrap()
        .1;
    for value in years {
        let mut v = view("?model=MCP");
        v.toggle(Facet::FinancialYear, &value.code);
        assert_eq!(
            explorer().run(&v).rows.len(),
            value.count,
            "count for {}",
            value.code
        );
    }
    // A facet's own selection does not shrink its own counts.
    let e = explorer().run(&view("?model=MCP"));
    let models = &e
        .facets
        .iter()
        .find(|(f, _)| *f == Facet::CareModel)
        .unwrap()
        .1;
    let pacs = models
        .iter()
        .find(|v| &*v.code == "PACS")
        .expect("PACS still offered");
    assert!(pacs.count > 0);
    assert!(models.iter().find(|v| &*v.code == "MCP").unwrap().selected);
}

#[test]
fn amount_ranges_and_roles_filter_figures() {
    let e = explorer().run(&view("?min=4.5m&max=5m&role=recipient"));
    for row in &e.rows {
        for &i in &row.items {
            let amount = dataset().records[row.record].items[i].amount;
            assert!(amount >= Money(4_500_000) && amount <= Money(5_000_000));
        }
    }
    assert!(ids(&e).contains(&"sunderland-all-together-better-2017-18"));
    assert!(!ids(&e).contains(&"adass-transformation-fund-2015-16"));
}

#[test]
fn sorts_by_amount_date_and_recipient() {
    let amounts = |sort: &str| -> Vec<u64> {
        let e = explorer().run(&view(&format!("?role=recipient&sort={sort}")));
        e.rows
            .iter()
            .map(|r| {
                dataset().records[r.record].items[r.shown_item(dataset()).unwrap()]
                    .amount
                    .pounds()
            })
            .collect()
    };
    let high = amounts("amount-desc");
    assert!(high.windows(2).all(|w| w[0] >= w[1]));
    let low = amounts("amount-asc");
    assert!(low.windows(2).all(|w| w[0] <= w[1]));
    let e = explorer().run(&view("?sort=date-desc"));
    let dates: Vec<_> = e
        .rows
        .iter()
        .map(|r| dataset().records[r.record].published_on)
        .collect();
    let dated: Vec<_> = dates.iter().take_while(|d| d.is_some()).collect();
    assert!(dated.windows(2).all(|w| w[0] >= w[1]));
    assert!(
        dates[dated.len()..].iter().all(|d| d.is_none()),
        "undated records come last"
    );
    let e = explorer().run(&view("?sort=date-asc"));
    assert_eq!(
        dataset().records[e.rows[0].record]
            .published_on
            .unwrap()
            .to_string(),
        "2015-10-20"
    );
    let e = explorer().run(&view("?sort=recipient"));
    let names: Vec<String> = e
        .rows
        .iter()
        .map(|r| dataset().recipient_names(&dataset().records[r.record])[0].to_lowercase())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn totals_never_double_count() {
    // Sunderland 2015/16: HSJ says £6.77m, LGC £6.5m. A range, not £13.27m.
    let e = explorer().run(&view(
        "?recipient=all-together-better-sunderland&fy=2015/16",
    ));
    assert_eq!(e.rows.len(), 2);
    assert_eq!(e.totals.low, Money(6_500_000));
    assert_eq!(e.totals.high, Money(6_770_000));
    assert_eq!(e.totals.disagreement_count(), 1);
    let disagreements = e.totals.disagreements(dataset());
    assert_eq!(disagreements.len(), 1);
    let disagreement = &disagreements[0];
    assert_eq!(
        disagreement.recipients(dataset()),
        "All Together Better Sunderland"
    );
    let figures: Vec<(String, String)> = disagreement
        .figures
        .iter()
        .map(|f| (f.stated_as(dataset()), f.source(dataset())))
        .collect();
    assert_eq!(figures.len(), 2);
    assert!(
        figures
            .iter()
            .any(|(stated, source)| stated.contains("6.77") && source == "HSJ"),
        "{figures:?}"
    );
    assert!(
        figures
            .iter()
            .any(|(stated, source)| stated.contains("6.5") && source == "LGC"),
        "{figures:?}"
    );
    assert!(e
        .totals
        .explanation()
        .iter()
        .any(|l| l.contains("Sources disagree for 1 recipient-year")));

    // West Yorkshire: no year is stated, so the whole (over £8.5m) is a line
    // of its own, never added into a year; its four parts are counted within
    // it, and flagged for adding to more than it.
    let e = explorer().run(&view(
        "?open=west-yorkshire-harrogate-ics-2018&q=%22leadership+meeting%22",
    ));
    assert_eq!(ids(&e), ["west-yorkshire-harrogate-ics-2018"]);
    assert_eq!(e.totals.headline, None);
    assert_eq!(e.totals.low, Money(0));
    assert_eq!(e.totals.parts_of_wholes, 4);
    assert_eq!(e.totals.spans.len(), 1);
    let line = e.totals.spans[0].describe(dataset());
    assert!(
        line.contains("over £8.5m") && line.contains("period not stated"),
        "{line}"
    );
    assert_eq!(e.totals.overfull.len(), 1);
    assert_eq!(e.totals.overfull[0].parts, Money(8_600_000));
    assert!(e.totals.overfull[0]
        .describe(dataset())
        .contains("adds to £8.6m, more than the whole"));
    // Filtered to the parts alone, each part is a line of its own.
    let e = explorer().run(&view("?q=%22leadership+meeting%22&max=5m"));
    assert_eq!(e.totals.spans.len(), 4);
    assert!(e.totals.overfull.is_empty());

    // Dudley: the seed's £4.4m is HSJ's 2016/17 £4.4m, added once, in 2016/17.
    let e = explorer().run(&view("?recipient=dudley-mcp"));
    let y2016 = e
        .totals
        .by_year
        .iter()
        .find(|y| y.year.map(|y| y.to_string()).as_deref() == Some("2016/17"))
        .unwrap();
    assert_eq!(y2016.low, Money(4_400_000));
    assert_eq!(e.totals.same_money, 2);
    // The £900m context figure is not added.
    assert!(e
        .totals
        .not_added
        .iter()
        .any(|(role, n)| role.code() == "context" && *n == 1));
    assert!(e.totals.high < Money(900_000_000));

    // Programme totals and fund sizes are never added.
    let e = explorer().run(&view("?role=programme-total,fund"));
    assert_eq!(e.totals.figures_added, 0);
    assert_eq!(e.totals.low, Money(0));
}

#[test]
fn the_example_link_reads_as_its_view_and_writes_back_the_same() {
    let link = "?q=dudley&model=MCP&fy=2017/18&sort=amount-desc&open=dudley-mcp-4-4m";
    let v = view(link);
    assert_eq!(v.query, "dudley");
    assert_eq!(v.sort, SortOrder::AmountHighToLow);
    assert!(v.is_selected(Facet::CareModel, "MCP"));
    assert!(v.is_selected(Facet::FinancialYear, "2017/18"));
    assert_eq!(v.open.as_deref(), Some("dudley-mcp-4-4m"));
    assert_eq!(encode(&v), link);
}

#[test]
fn a_bad_parameter_is_dropped_with_a_notice_and_the_rest_applies() {
    let (v, notices) = decode(
        "?fy=2099/00,2017/18&min=abc&open=nope&model=MCP&sort=sideways&zoom=3&max=-5",
        explorer(),
    );
    assert!(v.is_selected(Facet::CareModel, "MCP"));
    assert!(v.is_selected(Facet::FinancialYear, "2017/18"));
    assert_eq!(v.min_amount, None);
    assert_eq!(v.open, None);
    let text: Vec<String> = notices.iter().map(|n| n.to_string()).collect();
    for expected in [
        "“fy=2099/00” was ignored: no record has this financial year",
        "“min=abc” was ignored: this is not an amount of money",
        "“open=nope” was ignored: no record has this id",
        "“sort=sideways” was ignored: this is not a sort order",
        "“zoom” was ignored: this is not a setting the explorer knows",
        "“max=-5” was ignored",
    ] {
        assert!(
            text.iter().any(|t| t.starts_with(expected)),
            "{expected:?} in {text:?}"
        );
    }
    let (v, notices) = decode("?min=5m&max=1m", explorer());
    assert_eq!((v.min_amount, v.max_amount), (Some(Money(5_000_000)), None));
    assert!(notices[0].to_string().contains("below the minimum"));
}

#[test]
fn a_notice_shows_bidirectional_controls_as_code_points() {
    // U+202E in a link would reverse the rest of the message on screen.
    let (_, notices) = decode("?sort=%E2%80%AEabc", explorer());
    assert_eq!(notices.len(), 1);
    let text = notices[0].to_string();
    assert!(text.starts_with("“sort=U+202Eabc” was ignored: "), "{text}");
    assert!(!text.contains('\u{202e}'));
}

#[test]
fn each_active_filter_is_a_chip_that_removes_only_itself() {
    let v = view("?q=care&model=MCP,PACS&min=1m");
    let chips = active_filters(&v, explorer());
    let text: Vec<&str> = chips.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        text,
        [
            "Search: care",
            "Care model: Multispecialty community provider (MCP)",
            "Care model: Integrated primary and acute care system (PACS)",
            "At least £1m"
        ]
    );
    assert_eq!(encode(&chips[2].without), "?q=care&model=MCP&min=1m");
    assert_eq!(encode(&chips[0].without), "?model=MCP,PACS&min=1m");
}

#[test]
fn the_none_value_selects_what_the_sources_leave_unstated() {
    let e = explorer().run(&view(&format!("?announced={NONE}")));
    assert!(e
        .rows
        .iter()
        .all(|r| dataset().records[r.record].published_on.is_none()));
    assert!(ids(&e).contains(&"dudley-mcp-4-4m"));
}

// ---- properties ----

fn any_view() -> impl Strategy<Value = ViewState> {
    let facet_values: Vec<(Facet, Vec<String>)> = Facet::ALL
        .iter()
        .map(|f| {
            (
                *f,
                explorer()
                    .known(*f)
                    .map(|k| k.iter().cloned().collect())
                    .unwrap_or_default(),
            )
        })
        .collect();
    let ids: Vec<String> = dataset().records.iter().map(|r| r.id.clone()).collect();
    let organisations: Vec<String> = dataset()
        .organisations
        .iter()
        .map(|o| o.id.clone())
        .collect();
    let filters = proptest::collection::vec(
        (0..facet_values.len()).prop_flat_map(move |f| {
            let (facet, values) = facet_values[f].clone();
            proptest::sample::subsequence(values.clone(), 1..=values.len().clamp(1, 3))
                .prop_map(move |v| (facet, v))
        }),
        0..4,
    );
    (
        "\\PC{0,40}",
        filters,
        proptest::option::of(0u64..u64::MAX),
        proptest::option::of(0u64..u64::MAX),
        proptest::sample::select(SortOrder::ALL.to_vec()),
        proptest::option::of(proptest::sample::select(ids)),
        proptest::option::of(proptest::sample::select(organisations)),
    )
        .prop_map(|(query, filters, min, max, sort, open, about)| {
            let mut view = ViewState {
                query,
                sort,
                open,
                about,
                min_amount: min.map(Money),
                max_amount: max.map(Money),
                ..ViewState::default()
            };
            if let (Some(a), Some(b)) = (view.min_amount, view.max_amount) {
                if a > b {
                    view.max_amount = None;
                }
            }
            for (facet, values) in filters {
                view.filters.insert(facet, values.into_iter().collect());
            }
            view
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn decode_of_encode_is_the_view(v in any_view()) {
        let (back, notices) = decode(&encode(&v), explorer());
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(back, v);
    }

    #[test]
    fn decoding_any_string_gives_a_view(s in "\\PC{0,300}") {
        let (v, notices) = decode(&s, explorer());
        // Whatever it was, the view runs, and the notices stay short.
        let _ = explorer().run(&v);
        prop_assert!(notices.len() <= 12);
        prop_assert!(notices.iter().all(|n| n.to_string().chars().count() < 300));
    }

    #[test]
    fn decoding_link_shaped_junk_gives_a_view(parts in proptest::collection::vec(("[a-z%=+&,]{0,8}", "[-a-z0-9/%,.+\"]{0,16}"), 0..30)) {
        let s: String = parts.iter().map(|(k, v)| format!("{k}={v}&")).collect();
        let (v, _) = decode(&s, explorer());
        let _ = explorer().run(&v);
    }

    #[test]
    fn any_search_runs(q in "[\"\\- a-zé£0-9]{0,60}") {
        let _ = search(&q);
    }
}

#[test]
fn hostile_links_and_queries_still_give_a_page() {
    let megabyte = format!("?q={}", "a".repeat(1_000_000));
    let (v, notices) = decode(&megabyte, explorer());
    assert_eq!(v.query.chars().count(), 500);
    assert_eq!(notices.len(), 1);
    let quotes = "\"-".repeat(5_000);
    let _ = search(&quotes);
    let (_, notices) = decode(&"x=1&".repeat(10_000), explorer());
    assert!(notices.len() <= 12);
    let (v, _) = decode("?min=99999999999999999999999&max=%FF%FE", explorer());
    assert_eq!((v.min_amount, v.max_amount), (None, None));
}

#[test]
fn a_rows_item_list_holds_any_number_of_items_in_order() {
    use funding_core::explore::ItemList;
    for n in 0..6 {
        let items: Vec<usize> = (0..n).map(|i| i * 3 + 1).collect();
        let list: ItemList = items.iter().copied().collect();
        assert_eq!(&list[..], &items[..], "{n} items");
        assert_eq!(list.len(), n);
        assert_eq!((&list).into_iter().copied().collect::<Vec<_>>(), items);
        assert_eq!(list.clone(), list);
    }
    let short: ItemList = [1usize, 2].into_iter().collect();
    let long: ItemList = [1usize, 2, 3].into_iter().collect();
    assert_ne!(short, long);
}

#[test]
fn every_organisation_can_be_found_and_says_no_figure_held() {
    let names = |link: &str| -> Vec<String> {
        let (v, notices) = decode(link, explorer());
        assert!(notices.is_empty(), "{link}: {notices:?}");
        explorer()
            .no_figure_held(&v)
            .iter()
            .map(|o| dataset().organisations[*o].name.clone())
            .collect()
    };
    assert_eq!(names("?q=gateshead"), ["Gateshead Care Home Project"]);
    // The care-home vanguards: a link to their model is applied, not
    // dropped; no record matches, and each vanguard is named.
    let e = explorer().run(&view("?model=EHCH"));
    assert!(e.rows.is_empty());
    let ehch = names("?model=EHCH");
    assert_eq!(ehch.len(), 6, "{ehch:?}");
    assert!(ehch.contains(&"Airedale & Partners".to_string()));
    assert_eq!(
        names("?recipient=gateshead-care-home-project"),
        ["Gateshead Care Home Project"]
    );
    // Organisations with figures are found as records, not listed here;
    // nothing is listed unless the view asks.
    assert!(names("?q=dudley").is_empty());
    assert!(names("").is_empty());
    assert!(names("?q=gateshead+-care").is_empty());
}

#[test]
fn a_word_finds_its_plural_and_its_singular_alike() {
    let rows = |q: &str| {
        let (view, _) = decode(&format!("?q={q}"), explorer());
        explorer().run(&view).rows.len()
    };
    assert!(rows("vanguard") > 20);
    assert_eq!(rows("vanguards"), rows("vanguard"));
    assert_eq!(rows("communities"), rows("community"));
    // The search box's own examples each find something.
    for example in [
        "dudley",
        "%22new%20care%20models%22",
        "transf%20-sunderland",
    ] {
        assert!(rows(example) > 0, "{example}");
    }
}

#[test]
fn a_misspelt_word_gets_a_search_that_finds_something() {
    assert_eq!(explorer().did_you_mean("dudly").as_deref(), Some("dudley"));
    assert_eq!(
        explorer().did_you_mean("sunderlnad -dudley").as_deref(),
        Some("sunderland -dudley")
    );
    assert_eq!(
        explorer().did_you_mean("\"new care modles\"").as_deref(),
        Some("\"new care model\"")
    );
    // A known word, or nothing near, gets no suggestion.
    assert_eq!(explorer().did_you_mean("dudley"), None);
    assert_eq!(explorer().did_you_mean("zzzzzzzz"), None);
    // Only the unknown word changes; the rest stays as typed, and numbers
    // are never corrected.
    assert_eq!(
        explorer().did_you_mean("Funding dudly").as_deref(),
        Some("Funding dudley")
    );
    assert_eq!(explorer().did_you_mean("2099"), None);
}

#[test]
fn a_record_says_where_a_search_found_it() {
    let dataset = explorer().dataset;
    let query = funding_core::query::parse("transformation -sunderland");
    let (view, _) = decode("?q=transformation%20-sunderland", explorer());
    let rows = explorer().run(&view).rows;
    assert!(rows.len() > 10);
    for row in &rows {
        let record = &dataset.records[row.record];
        let places = funding_core::search::matched_in(dataset, record, &query);
        assert!(!places.is_empty(), "{}: found, but nowhere", record.id);
    }
    // A recipient's other name is a place a record is found by.
    let query = funding_core::query::parse("\"all together better\"");
    let record = dataset
        .record("sunderland-all-together-better-2017-18")
        .unwrap();
    assert!(funding_core::search::matched_in(dataset, record, &query).contains(&"recipient"));
    assert!(funding_core::search::matched_in(
        dataset,
        record,
        &funding_core::query::parse("-dudley")
    )
    .is_empty());
}
