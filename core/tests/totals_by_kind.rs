//! Totals a journalist can quote: like with like, one total per year
//! whatever path leads to it, qualifiers kept, figures over several years
//! never put into a year. On the real data and on synthetic records.

use funding_core::explore::{Exploration, Explorer};
use funding_core::sources::load_dir;
use funding_core::synthetic;
use funding_core::totals::{Bound, MoneyKind, Totals};
use funding_core::url_state::decode;
use funding_core::view::{Facet, ViewState};
use funding_core::{Dataset, Money};
use proptest::prelude::*;
use std::path::PathBuf;
use std::sync::OnceLock;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data")
}

fn real() -> &'static Explorer<'static> {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    static EXPLORER: OnceLock<Explorer<'static>> = OnceLock::new();
    EXPLORER.get_or_init(|| {
        Explorer::new(DATA.get_or_init(|| load_dir(&data_dir()).expect("data/ is valid")))
    })
}

/// Many recipients with several sources each, random streams and types.
fn synthetic_explorer() -> &'static Explorer<'static> {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    static EXPLORER: OnceLock<Explorer<'static>> = OnceLock::new();
    EXPLORER.get_or_init(|| {
        Explorer::new(DATA.get_or_init(|| synthetic::dataset(800, "NHS England funding £1m.")))
    })
}

fn run(link: &str) -> Exploration {
    let explorer = real();
    explorer.run(&decode(link, explorer).0)
}

/// A year's row: the year, low and high, bound and figures added.
type YearRow = (String, Money, Money, Bound, usize);

/// Every kind's total in a view, by kind: the headline's and the others'.
fn kind_totals(t: &Totals) -> Vec<(MoneyKind, Vec<YearRow>)> {
    let row = |y: &funding_core::totals::YearTotal| {
        (
            y.year.map(|y| y.to_string()).unwrap_or_default(),
            y.low,
            y.high,
            y.bound,
            y.figures,
        )
    };
    let mut out = Vec::new();
    if let Some(kind) = t.headline {
        out.push((kind, t.by_year.iter().map(row).collect()));
    }
    for other in &t.others {
        out.push((other.kind, other.by_year.iter().map(row).collect()));
    }
    out
}

/// The total of one kind in a view, over all its years.
fn total_of(t: &Totals, kind: MoneyKind) -> Option<(Money, Money, Bound, usize)> {
    if t.headline == Some(kind) {
        return Some((t.low, t.high, t.bound, t.figures_added));
    }
    t.others
        .iter()
        .find(|o| o.kind == kind)
        .map(|o| (o.low, o.high, o.bound, o.figures))
}

/// For every year and kind, the row of `view`'s totals for that year and
/// kind is the total of that kind in the same view filtered to that year
/// alone: present in both or in neither, and equal.
fn assert_years_agree(explorer: &Explorer, view: &ViewState) -> Result<(), TestCaseError> {
    let all = kind_totals(&explorer.run(view).totals);
    let Some(years) = explorer.known(Facet::FinancialYear) else {
        return Ok(());
    };
    // Only the years the view keeps: narrowing to another year is not the
    // same view.
    let kept = |y: &String| {
        view.selected(Facet::FinancialYear)
            .is_none_or(|chosen| chosen.contains(y))
    };
    for year in years
        .iter()
        .filter(|y| y.as_str() != funding_core::facets::NONE && kept(y))
    {
        let mut one_year = view.clone();
        one_year.narrow_to(&[(Facet::FinancialYear, year.clone())]);
        let narrowed = explorer.run(&one_year).totals;
        let row_of = |kind: MoneyKind| {
            all.iter()
                .find(|(k, _)| *k == kind)
                .and_then(|(_, rows)| rows.iter().find(|r| r.0 == *year))
                .map(|r| (r.1, r.2, r.3, r.4))
        };
        let mut kinds: Vec<MoneyKind> = all.iter().map(|(k, _)| *k).collect();
        kinds.extend(kind_totals(&narrowed).into_iter().map(|(k, _)| k));
        for kind in kinds {
            prop_assert_eq!(
                row_of(kind),
                total_of(&narrowed, kind),
                "{:?}, {}: the year's row and the view filtered to it differ",
                kind.name(),
                year
            );
        }
    }
    Ok(())
}

/// A view made of the choices a person can make: a few values of each
/// facet, a search word, an amount range.
fn random_view(explorer: &Explorer, picks: &[u16], words: &[&str]) -> ViewState {
    let mut view = ViewState::default();
    let mut picks = picks.iter().copied();
    for facet in Facet::ALL {
        let Some(codes) = explorer.known(facet) else {
            continue;
        };
        let codes: Vec<&String> = codes.iter().collect();
        // Most views leave most facets alone.
        let n = picks.next().unwrap_or(0) % 8;
        for _ in 0..n.saturating_sub(5) {
            let pick = usize::from(picks.next().unwrap_or(0)) % codes.len();
            view.toggle(facet, codes[pick]);
        }
    }
    if let Some(p) = picks.next() {
        if p % 3 == 0 {
            view.query = words[usize::from(p) % words.len()].to_string();
        }
    }
    if let Some(p) = picks.next() {
        match p % 4 {
            0 => view.min_amount = Some(Money(u64::from(p) * 10_000)),
            1 => view.max_amount = Some(Money(u64::from(p) * 100_000)),
            _ => {}
        }
    }
    view
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_years_total_is_the_same_whatever_path_leads_to_it(
        picks in proptest::collection::vec(any::<u16>(), 24)
    ) {
        let words = ["vanguard", "funding", "dudley", "transformation", "capital", "-hsj", "2016"];
        let view = random_view(real(), &picks, &words);
        assert_years_agree(real(), &view)?;
        let view = random_view(synthetic_explorer(), &picks, &["funding", "transformation", "-nhs"]);
        assert_years_agree(synthetic_explorer(), &view)?;
    }
}

#[test]
fn every_year_of_the_default_view_agrees_with_its_filtered_view() {
    assert_years_agree(real(), &ViewState::default()).unwrap();
    assert_years_agree(synthetic_explorer(), &ViewState::default()).unwrap();
}

#[test]
fn surreys_slice_of_five_years_counts_once_in_its_year() {
    // The £15m for 2017/18 is part of the £80m over five years: it is
    // 2017/18's money whether or not the £80m is in view, and the £80m is a
    // line of its own, never in a year.
    let devolution = |link: &str| {
        let e = run(link);
        let kind = [e.totals.headline]
            .into_iter()
            .flatten()
            .chain(e.totals.others.iter().map(|o| o.kind))
            .find(|k| k.name().starts_with("Devolved"))
            .expect("devolved money in view");
        (e, kind)
    };
    let (all, kind) = devolution("?recipient=surrey-heartlands");
    assert_eq!(
        total_of(&all.totals, kind).map(|t| t.0),
        Some(Money(15_000_000))
    );
    assert_eq!(all.totals.spans.len(), 1);
    assert!(all.totals.spans[0]
        .describe(real().dataset)
        .contains("£80 million, five years"));
    let (year, kind) = devolution("?recipient=surrey-heartlands&fy=2017/18");
    assert_eq!(
        total_of(&year.totals, kind).map(|t| t.0),
        Some(Money(15_000_000))
    );
    assert!(year.totals.spans.is_empty());
}

#[test]
fn the_headline_adds_only_national_transformation_money() {
    let e = run("");
    let t = &e.totals;
    assert_eq!(t.headline, Some(MoneyKind::NATIONAL_TRANSFORMATION));
    assert!(t
        .headline_sentence()
        .starts_with("Adds money for recipients of one kind, NHS England transformation funding"));
    // Dorset's "over £100m" is STP capital with no year: a line of its own,
    // never in the headline or the by-recipient chart.
    let dorset = t
        .spans
        .iter()
        .map(|s| s.describe(real().dataset))
        .find(|line| line.contains("over £100m"))
        .expect("Dorset's capital is listed on its own");
    assert!(dorset.contains("capital"), "{dorset}");
    let chart = funding_core::charts::by_recipient::chart(
        real().dataset,
        t,
        funding_core::charts::ChartSize::WIDE,
    );
    assert!(!chart.summary.contains("Dorset"), "{}", chart.summary);
    // Local CCG money for 2018/19 is a kind of its own, not the headline's.
    assert!(t
        .others
        .iter()
        .any(|o| o.kind.name().starts_with("Local CCG funding")));
    assert!(!t
        .by_year
        .iter()
        .any(|y| y.year.is_some_and(|y| y.to_string() == "2018/19")));
    // The headline is the sum of its years.
    let sum: u64 = t.by_year.iter().map(|y| y.low.0).sum();
    assert_eq!(Money(sum), t.low);
}

#[test]
fn a_qualified_figure_keeps_its_qualifier_in_every_sum() {
    // Morecambe Bay 2016/17: HSJ's approved £4.7m and the programme's own
    // "almost £5million": a range, and "about".
    let e = run("?recipient=better-care-together-morecambe-bay-health-community&fy=2016/17");
    assert_eq!(
        (e.totals.low, e.totals.high),
        (Money(4_700_000), Money(5_000_000))
    );
    assert_eq!(e.totals.headline_text(), "about £4.7m to £5m");
    assert!(e
        .totals
        .explanation()
        .iter()
        .any(|l| l.contains("so the total is about the amount shown")));
    let exact = run("?recipient=better-care-together-morecambe-bay-health-community&fy=2015/16");
    assert_eq!(exact.totals.headline_text(), "£4.59m");
}

#[test]
fn a_year_inferred_from_its_source_is_added_and_said_to_be() {
    // LGC's three first allocations name no year; they are 2015/16's by the
    // fund they come from, and the total says so.
    let e = run("?publisher=lgc");
    assert_eq!(e.totals.inferred, 3);
    assert!(e
        .totals
        .explanation()
        .iter()
        .any(|l| l.starts_with("3 of the figures added have a year its source does not state")));
}

#[test]
fn a_tranche_is_counted_within_its_years_whole() {
    // Wirral's tranche one (£3.46m) is part of the £4.52m HSJ reports for
    // 2015/16: not a disagreement, not added twice.
    let e = run("?recipient=wirral-partners&fy=2015/16");
    assert_eq!(
        (e.totals.low, e.totals.high),
        (Money(4_520_000), Money(4_520_000))
    );
    assert_eq!(e.totals.parts_of_wholes, 1);
    assert_eq!(e.totals.disagreement_count(), 0);
}

#[test]
fn each_years_coverage_of_the_national_total_is_stated() {
    use funding_core::coverage::vanguard_coverage;
    let dataset = real().dataset;
    let coverage = vanguard_coverage(real());
    let years: Vec<String> = coverage.iter().map(|c| c.year.to_string()).collect();
    assert_eq!(years, ["2015/16", "2016/17", "2017/18"]);
    for c in &coverage {
        assert_eq!(c.with_figure.len() + c.without_figure.len(), 50);
    }
    let y2016 = &coverage[1];
    // The year's held sum is the headline's 2016/17 row on vanguard money.
    let e = run("?fy=2016/17&stream=vanguard-fund&role=recipient");
    assert_eq!(
        (y2016.held_low, y2016.held_high),
        (e.totals.low, e.totals.high)
    );
    let sentence = y2016.sentence(dataset);
    assert!(
        sentence.starts_with(&format!(
            "2016/17: figures are held here for {} of 50 vanguards, adding to about £52.8m to £53.1m, 47% of £112m (HSJ) for all vanguards.",
            y2016.with_figure.len()
        )),
        "{sentence}"
    );
    let missing = y2016.missing(dataset).expect("vanguards without a figure");
    assert!(missing.contains("Gateshead Care Home Project"), "{missing}");
    assert!(!missing.contains("Dudley MCP"), "{missing}");
    // 2015/16: two national totals that disagree, one with its year inferred.
    let sentence = coverage[0].sentence(dataset);
    assert!(sentence.contains("£132.6m (HSJ) or"), "{sentence}");
    assert!(
        sentence.contains("£120m (HSJ, year inferred)"),
        "{sentence}"
    );
    assert!(sentence.ends_with("(the sources disagree)."), "{sentence}");
}

#[test]
fn where_sources_disagree_across_the_dataset_is_listed() {
    let coverage = funding_core::coverage::vanguard_coverage(real());
    let lines = funding_core::disagreements::across_dataset(real(), &coverage);
    let has = |text: &str| lines.iter().any(|l| l.contains(text));
    assert!(
        has("All Together Better Sunderland, 2015/16: £6.77m (HSJ) or £6.5m (LGC)."),
        "{lines:#?}"
    );
    assert!(
        has("All vanguards, 2015/16: £132.6m (HSJ) or £120m (HSJ) as the national total."),
        "{lines:#?}"
    );
    assert!(
        has("All Together Better Sunderland: £4.8m for 2016/17 (HSJ) and for 2017/18 (North East Connected)"),
        "{lines:#?}"
    );
}

#[test]
fn a_recipients_page_sets_its_sources_side_by_side_year_by_year() {
    use funding_core::recipient::recipient_page;
    let dataset = real().dataset;
    let page = recipient_page(real(), "all-together-better-sunderland").unwrap();
    let years: Vec<String> = page.years.iter().map(|y| y.year.to_string()).collect();
    assert_eq!(years, ["2015/16", "2016/17", "2017/18"]);
    let y2015 = &page.years[0];
    assert!(y2015.sources_disagree());
    let lines: Vec<String> = y2015.lines.iter().map(|l| l.stated(dataset)).collect();
    assert_eq!(lines, ["£6.77m", "£6.5m"]);
    assert_eq!(y2015.counted.len(), 1);
    assert!(
        y2015.counted[0].ends_with(": £6.5m to £6.77m"),
        "{:?}",
        y2015.counted
    );
    assert!(!page.years[2].sources_disagree());

    // Dudley: the full text's £4.4million and HSJ's £4.4m are one line with
    // both sources; so are the two reports of the initial £2.72 million,
    // which no source puts in a financial year.
    let page = recipient_page(real(), "dudley-mcp").unwrap();
    let y2016 = page
        .years
        .iter()
        .find(|y| y.year.to_string() == "2016/17")
        .unwrap();
    assert_eq!(y2016.lines.len(), 1);
    assert_eq!(y2016.lines[0].sources.len(), 2);
    assert_eq!(y2016.lines[0].stated(dataset), "£4.4m / £4.4million");
    let initial = page
        .other_periods
        .iter()
        .find(|l| l.amount == Money(2_720_000))
        .expect("the initial funding");
    assert_eq!(initial.sources.len(), 2);
    let names: Vec<String> = initial
        .source_names(dataset)
        .into_iter()
        .map(|s| s.0)
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("Black Country Radio, undated")),
        "{names:?}"
    );
    // The raw figures: every source's figure, none merged.
    let raw = page.raw_figures(dataset);
    assert_eq!(raw.len(), 6, "{raw:#?}");
    assert!(
        raw[0].0.starts_with("£4.4m (£4,400,000), 2016/17: HSJ."),
        "{raw:#?}"
    );

    // An organisation with no figure has a page that says so.
    let page = recipient_page(real(), "gateshead-care-home-project").unwrap();
    assert!(page.years.is_empty() && page.other_periods.is_empty());
    assert!(recipient_page(real(), "no-such-organisation").is_none());
}

#[test]
fn two_to_four_recipients_are_compared_year_by_year() {
    use funding_core::charts::{comparison, ChartSize};
    let link = "?recipient=dudley-mcp,all-together-better-sunderland";
    let e = run(link);
    let kind = e.totals.headline.expect("a headline");
    let view = decode(link, real()).0;
    let compared = comparison::compared(real(), &view, kind).expect("two recipients");
    let names: Vec<&str> = compared.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["All Together Better Sunderland", "Dudley MCP"]);
    // Each recipient's years are its own view's totals.
    for c in &compared {
        let own = run(&format!("?recipient={}", c.id));
        assert_eq!(c.by_year, own.totals.by_year, "{}", c.name);
    }
    let chart = comparison::chart(real().dataset, kind, &compared, ChartSize::WIDE);
    assert_eq!(
        chart.table_headers,
        [
            "Financial year",
            "All Together Better Sunderland",
            "Dudley MCP"
        ]
    );
    let y2015 = &chart.table_rows[0];
    assert_eq!(y2015, &["2015/16", "£6.5m to £6.77m", "No figure held"]);
    assert!(chart.svg.contains("<rect"));
    assert!(
        chart.summary.starts_with("Of the 2 recipients compared,"),
        "{}",
        chart.summary
    );
    // One recipient, or five, is not a comparison.
    let one = decode("?recipient=dudley-mcp", real()).0;
    assert!(comparison::compared(real(), &one, kind).is_none());
}

#[test]
fn the_by_year_charts_table_lists_figures_with_no_single_year_on_their_own() {
    use funding_core::charts::{by_year, ChartSize};
    let e = run("?q=dudley");
    let chart = by_year::chart(real().dataset, &e.totals, ChartSize::WIDE);
    let lines: Vec<&Vec<String>> = chart
        .table_rows
        .iter()
        .filter(|r| r[3] == "1, not added")
        .collect();
    let of_its_kind = e
        .totals
        .spans
        .iter()
        .filter(|s| Some(s.kind) == e.totals.headline)
        .count();
    assert!(of_its_kind > 0);
    assert_eq!(lines.len(), of_its_kind, "{:?}", chart.table_rows);
    assert!(
        lines
            .iter()
            .any(|r| r[0] == "Period not stated: Dudley MCP" && r[2] == "£2.72 million"),
        "{lines:?}"
    );
}
