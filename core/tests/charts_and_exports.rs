//! Charts and exports of known views: one bar per group, heights in proportion
//! to the amounts, the right labels, names as text; exports with the expected rows.

use funding_core::charts::{breakdown, by_recipient, by_year, timeline, ChartSize, TargetAction};
use funding_core::explore::Explorer;
use funding_core::export::{giving360, view_csv, view_json, LeftOut, VIEW_COLUMNS};
use funding_core::sources::load_dir;
use funding_core::url_state::decode;
use funding_core::view::Facet;
use funding_core::Dataset;
use std::path::PathBuf;
use std::sync::OnceLock;

fn dataset() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        load_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data")).expect("valid data")
    })
}

fn explorer() -> &'static Explorer<'static> {
    static E: OnceLock<Explorer<'static>> = OnceLock::new();
    E.get_or_init(|| Explorer::new(dataset()))
}

fn run(link: &str) -> funding_core::explore::Exploration {
    let (view, notices) = decode(link, explorer());
    assert!(notices.is_empty(), "{notices:?}");
    explorer().run(&view)
}

/// The `<rect>`s of an SVG filled with `colour`: (x, y, width, height).
fn rects(svg: &str, colour: &str) -> Vec<(f64, f64, f64, f64)> {
    svg.split("<rect")
        .skip(1)
        .filter(|r| {
            r.to_lowercase()
                .contains(&format!("fill=\"{}\"", colour.to_lowercase()))
        })
        .map(|r| {
            let attr = |name: &str| -> f64 {
                let start = r.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
                r[start..].split('"').next().unwrap().parse().unwrap()
            };
            (attr("x"), attr("y"), attr("width"), attr("height"))
        })
        .collect()
}

fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .map(|t| {
            t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()]
                .trim()
                .to_string()
        })
        .collect()
}

#[test]
fn by_year_draws_one_bar_per_year_in_proportion() {
    let e = run("?recipient=all-together-better-sunderland");
    let chart = by_year::chart(dataset(), &e.totals, ChartSize::WIDE);
    // Sunderland is a multispecialty community provider: orange bars.
    let bars = rects(&chart.svg, "#E69F00");
    assert_eq!(bars.len(), 3, "{}", chart.svg);
    let heights: Vec<f64> = bars.iter().map(|b| b.3).collect();
    // 2015/16 draws the lower of £6.5m and £6.77m; 2016/17 and 2017/18 £4.8m.
    let ratio = heights[0] / heights[1];
    assert!((ratio - 6.5 / 4.8).abs() < 0.02, "{heights:?}");
    assert!((heights[1] - heights[2]).abs() <= 1.0);
    let labels = texts(&chart.svg);
    for year in ["2015/16", "2016/17", "2017/18"] {
        assert!(labels.contains(&year.to_string()), "{labels:?}");
    }
    // The axis fits the tallest bar (£6.5m): £8m, not £10m.
    assert!(labels.contains(&"£8m".to_string()), "axis top: {labels:?}");
    assert!(
        !labels.contains(&"£10m".to_string()),
        "axis top: {labels:?}"
    );
    assert_eq!(chart.summary, "2015/16 holds the most money for recipients in this view: £6.5m across 1 figure, of 3 financial years shown.");
    assert_eq!(
        chart.table_rows[0],
        [
            "2015/16",
            "Multispecialty community provider (MCP)",
            "£6.5m to £6.77m",
            "1"
        ]
    );
    assert!(chart
        .left_out
        .as_deref()
        .unwrap()
        .contains("bars show the lower figure"));
    // Each bar filters to its year and care model.
    assert_eq!(chart.targets.len(), 3);
    assert_eq!(
        chart.targets[1].action,
        TargetAction::Filter(vec![
            (Facet::FinancialYear, "2016/17".into()),
            (Facet::CareModel, "MCP".into())
        ])
    );
}

#[test]
fn by_recipient_puts_the_largest_first_and_sums_the_rest() {
    let e = run("?fy=2015/16&role=recipient");
    let chart = by_recipient::chart(dataset(), &e.totals, ChartSize::NARROW);
    let bars = rects(&chart.svg, "#0072B2");
    assert_eq!(bars.len(), 7);
    let lengths: Vec<f64> = bars.iter().map(|b| b.2).collect();
    assert!(lengths.windows(2).all(|w| w[0] >= w[1]), "{lengths:?}");
    assert_eq!(rects(&chart.svg, "#6E6E6E").len(), 1, "one 'others' bar");
    assert!(texts(&chart.svg).iter().any(|t| t.starts_with("Others (")));
    assert!(
        chart
            .summary
            .starts_with("Northumberland Accountable Care Organisation received the most money"),
        "{}",
        chart.summary
    );
}

#[test]
fn names_are_text_in_the_svg_never_markup() {
    let hostile =
        load_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/hostile-data"))
            .expect("fixture");
    let explorer = Explorer::new(&hostile);
    let e = explorer.run(&Default::default());
    let chart = by_recipient::chart(&hostile, &e.totals, ChartSize::WIDE);
    assert!(
        chart.svg.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{}",
        chart.svg
    );
    assert!(!chart.svg.contains("<img"));
    assert!(!chart.svg.contains("<script"));
    let timeline = timeline::chart(&hostile, &e.rows, ChartSize::WIDE);
    assert!(!timeline.svg.contains("<script"));
}

#[test]
fn the_timeline_leaves_out_undated_records_and_says_so() {
    let e = run("?recipient=dudley-mcp");
    let chart = timeline::chart(dataset(), &e.rows, ChartSize::WIDE);
    let undated = e
        .rows
        .iter()
        .filter(|r| dataset().records[r.record].published_on.is_none())
        .count();
    assert_eq!(chart.left_out.as_deref().unwrap(), format!("{undated} records in this view give no date and are left out, not placed at a made-up date."));
    assert_eq!(chart.table_rows.len(), e.rows.len() - undated);
    assert_eq!(chart.svg.matches("<circle").count(), e.rows.len() - undated);
}

/// The page's JSON download (written by hand) holds what serde writes for the
/// same records, field for field, on the real data and on the hostile data
/// (markup, quotes, control characters, odd Unicode in every text).
#[test]
fn the_json_download_is_what_serde_writes() {
    let hostile = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/hostile-data");
    let hostile = load_dir(&hostile).expect("the hostile test data is valid");
    for (d, link) in [(dataset(), ""), (&hostile, ""), (dataset(), "?fy=2016/17")] {
        let e = Explorer::new(d).run(&decode(link, &Explorer::new(d)).0);
        assert!(!e.rows.is_empty());
        let ours: serde_json::Value = serde_json::from_str(&view_json(d, &e.rows)).unwrap();
        let records: Vec<funding_core::FundingRecord> = e
            .rows
            .iter()
            .map(|row| {
                let mut copy = d.records[row.record].clone();
                copy.items = row
                    .items
                    .iter()
                    .map(|&i| d.records[row.record].items[i].clone())
                    .collect();
                copy
            })
            .collect();
        assert_eq!(ours, serde_json::to_value(&records).unwrap());
    }
}

#[test]
fn a_timeline_of_thousands_draws_the_largest_figures_and_says_so() {
    let mut seeds = String::new();
    for r in &dataset().records {
        seeds.push_str(r.text.as_deref().unwrap_or_default());
    }
    let many = funding_core::synthetic::dataset(2_000, &seeds);
    let e = funding_core::explore::Explorer::new(&many).run(&Default::default());
    let chart = timeline::chart(&many, &e.rows, ChartSize::WIDE);
    let most = timeline::TIMELINE_MOST;
    assert_eq!(chart.svg.matches("<circle").count(), most);
    assert_eq!(chart.targets.len(), most);
    assert_eq!(chart.table_rows.len(), most);
    // Each dated record's figure of money for recipients, by record id
    // (programme totals and the like are listed, not drawn).
    let dated: std::collections::HashMap<&str, u64> = e
        .rows
        .iter()
        .filter(|r| many.records[r.record].published_on.is_some())
        .filter_map(|r| {
            let record = &many.records[r.record];
            r.shown_item(&many)
                .filter(|&i| record.items[i].role == funding_core::Role::Allocation)
                .map(|i| (record.id.as_str(), record.items[i].amount.0))
        })
        .collect();
    assert!(dated.len() > most);
    // The ones drawn are the largest: none left out is larger than one drawn.
    let drawn: Vec<u64> = chart
        .targets
        .iter()
        .map(|t| match &t.action {
            TargetAction::Open(id) => dated[id.as_str()],
            other => panic!("a dot opens its record, not {other:?}"),
        })
        .collect();
    let smallest_drawn = *drawn.iter().min().unwrap();
    let larger_left_out = dated.values().filter(|a| **a > smallest_drawn).count();
    assert!(
        larger_left_out < most,
        "{larger_left_out} figures larger than one drawn"
    );
    assert!(
        chart.summary.starts_with(&format!(
            "{} dated records in this view, from ",
            dated.len()
        )) && chart
            .summary
            .ends_with(&format!("; the {most} largest figures are drawn.")),
        "{}",
        chart.summary
    );
    let note = chart.left_out.unwrap();
    assert!(
        note.starts_with(&format!(
            "Shows the {most} largest of the {} dated figures in this view",
            dated.len()
        )),
        "{note}"
    );
}

#[test]
fn the_breakdown_shows_the_whole_and_its_parts() {
    let record = dataset()
        .record("west-yorkshire-harrogate-ics-2018")
        .unwrap();
    let chart = breakdown::chart(record, ChartSize::WIDE).expect("a breakdown");
    assert_eq!(chart.table_rows.len(), 5);
    assert!(chart.summary.starts_with("The over £8.5m is split into 4 parts adding up to £8.6m; the largest, £4m, is for “Urgent and emergency care improvements”."), "{}", chart.summary);
    assert!(breakdown::chart(
        dataset().record("dudley-mcp-4-4m").unwrap(),
        ChartSize::WIDE
    )
    .is_none());
}

#[test]
fn exports_of_a_known_view() {
    let e = run("?recipient=dudley-mcp&fy=2017/18");
    let csv = view_csv(explorer(), &e.rows);
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark for Excel");
    let (header, rows) = read_csv(&csv);
    assert_eq!(header, VIEW_COLUMNS);
    assert_eq!(rows.len(), 1, "{csv}");
    let row = &rows[0];
    let field = |name: &str| row[header.iter().position(|h| h == name).unwrap()].as_str();
    assert_eq!(field("Recipients"), "Dudley MCP");
    assert_eq!(field("Kind of figure"), "Money for the recipient");
    assert_eq!(field("Amount (£)"), "4380000");
    assert_eq!(field("As stated"), "£4.38m");
    assert_eq!(field("Financial year or period"), "2017/18");
    assert_eq!(field("Fund"), "National vanguard (new care models) funding");
    assert_eq!(field("Revenue or capital"), "Revenue or capital not stated");
    assert_eq!(
        field("Fund and type rest on the words"),
        "from the national NHS transformation fund"
    );
    assert_eq!(field("Source address"), "https://blackcountryradio.co.uk/news/local-headlines/services-in-dudley-receive-funding-boost-of-over-4-million");
    assert_eq!(field("Publisher"), "Black Country Radio");
    assert!(
        field("Counted in").starts_with("The headline total: NHS England transformation funding")
    );
    assert_eq!(field("Counted in the low end of its total (£)"), "4380000");
    assert_eq!(field("Counting note"), "");
    assert_eq!(field("Figure id"), "bcr-dudley-2017-18");

    // A full text's figure gives the words that state it.
    let wyh = run("?open=west-yorkshire-harrogate-ics-2018&q=%22leadership+meeting%22");
    let (header, rows) = read_csv(&view_csv(explorer(), &wyh.rows));
    let evidence = header
        .iter()
        .position(|h| h == "Evidence: the source's words")
        .unwrap();
    assert_eq!(rows[0][evidence], "“over £8.5m”");
    let because = header.iter().position(|h| h == "Counting note").unwrap();
    assert!(
        rows[1][because].starts_with("A breakdown line"),
        "{:?}",
        rows[1]
    );

    let json: serde_json::Value = serde_json::from_str(&view_json(dataset(), &e.rows)).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["items"][0]["amount"], 4_380_000);
}

/// A CSV's header and rows, read by the csv crate (which drops a BOM).
fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// The CSV's counted figures add up to the totals the page shows: for each
/// kind of money, the low and high columns to the two ends of its total.
#[test]
fn the_csvs_counted_figures_add_up_to_the_page_totals() {
    for link in [
        "",
        "?fy=2016/17",
        "?recipient=all-together-better-sunderland&fy=2015/16",
        "?recipient=surrey-heartlands",
        "?q=dudley",
        "?stream=devolution",
        "?role=programme-total",
    ] {
        let e = run(link);
        let (header, rows) = read_csv(&view_csv(explorer(), &e.rows));
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let (counted_in, low, high) = (
            col("Counted in"),
            col("Counted in the low end of its total (£)"),
            col("Counted in the high end of its total (£)"),
        );
        let sum = |column: usize, kind: &str| -> u64 {
            rows.iter()
                .filter(|r| r[counted_in].ends_with(kind))
                .filter_map(|r| r[column].parse::<u64>().ok())
                .sum()
        };
        let t = &e.totals;
        if let Some(kind) = t.headline {
            let name = kind.name();
            assert_eq!(sum(low, &name), t.low.0, "{link}");
            assert_eq!(sum(high, &name), t.high.0, "{link}");
        }
        for other in &t.others {
            let name = other.kind.name();
            assert_eq!(sum(low, &name), other.low.0, "{link}: {name}");
            assert_eq!(sum(high, &name), other.high.0, "{link}: {name}");
        }
        // Every figure in view is a row; one not counted says why.
        assert_eq!(
            rows.len(),
            e.rows.iter().map(|r| r.items.len()).sum::<usize>()
        );
        for r in &rows {
            assert_eq!(
                r[counted_in] == "Not counted",
                !r[col("Counting note")].is_empty() && r[low].is_empty() && r[high].is_empty(),
                "{link}: {r:?}"
            );
        }
    }
}

/// The 360Giving package schema and grant schema of the standard, from
/// ../shared/360giving (not copied into this repository), as one validator
/// of the package: the package's reference to the grant schema by address
/// is replaced by the grant schema itself, so nothing is fetched.
fn giving360_validator() -> jsonschema::Validator {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/360giving");
    let read = |name: &str| -> serde_json::Value {
        let text = std::fs::read_to_string(dir.join(name))
            .unwrap_or_else(|e| panic!("the 360Giving schema {name} in ../shared/360giving: {e}"));
        serde_json::from_str(&text).expect("the schema is JSON")
    };
    let mut package = read("360-giving-package-schema.json");
    let mut grant = read("360-giving-schema.json");
    // The grant schema's own references are to its "$defs": moved to the
    // package's root, they resolve there.
    let grant_fields = grant.as_object_mut().unwrap();
    let defs = grant_fields
        .remove("$defs")
        .expect("the grant schema's $defs");
    grant_fields.remove("$id");
    grant_fields.remove("$schema");
    package["$defs"] = defs;
    package["properties"]["grants"]["items"] = grant;
    jsonschema::options()
        .should_validate_formats(true)
        .build(&package)
        .expect("the 360Giving schema compiles")
}

fn errors(validator: &jsonschema::Validator, json: &str) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(json).expect("the export is JSON");
    validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// The real data's sources give no registered recipient and few award
/// dates: nothing is made up, so no figure in view can be a 360Giving grant,
/// and the download says how many were left out and why.
#[test]
fn the_360giving_file_leaves_out_what_cannot_honestly_meet_the_standard() {
    let e = run("");
    let giving = giving360(dataset(), &e.rows);
    assert_eq!(giving.grants, 0);
    assert!(giving.json.is_none());
    let allocations = e.totals.allocations - e.totals.parts_of_wholes;
    assert!(giving.figures_left_out > 0 && giving.figures_left_out <= e.totals.allocations);
    assert!(giving.figures_left_out >= allocations);
    let reasons: Vec<LeftOut> = giving.left_out.iter().map(|(why, _)| *why).collect();
    assert!(reasons.contains(&LeftOut::NoRecipientIdentifier));
    assert!(reasons.contains(&LeftOut::NoAwardDate));
    let message = giving.message();
    assert!(
        message.starts_with("No figure in this view can be published as 360Giving data"),
        "{message}"
    );
    assert!(
        message.contains("because no public register identifier"),
        "{message}"
    );
}

/// With what the standard needs (a recipient's register identifier and a
/// dated source), the file validates against the standard's schema with no
/// error; a broken grant is caught by the same check.
#[test]
fn the_360giving_file_validates_against_the_standards_schema() {
    let mut data = dataset().clone();
    let sunderland = data
        .organisations
        .iter_mut()
        .find(|o| o.id == "all-together-better-sunderland")
        .unwrap();
    // A test-only identifier, of the register's form, for a dated record.
    sunderland.org_id = Some("GB-NHS-TEST1".into());
    let data = Dataset::new(data.organisations.clone(), data.records.clone());
    let explorer = Explorer::new(&data);
    let e = explorer.run(&decode("?recipient=all-together-better-sunderland", &explorer).0);
    let giving = giving360(&data, &e.rows);
    // Only the North East Connected text is dated (9 January 2017).
    assert_eq!(giving.grants, 1, "{}", giving.message());
    let json = giving.json.clone().unwrap();
    let validator = giving360_validator();
    assert_eq!(errors(&validator, &json), Vec::<String>::new());
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let grant = &value["grants"][0];
    assert_eq!(grant["awardDate"], "2017-01-09");
    assert_eq!(grant["amountAwarded"], 4_800_000);
    assert_eq!(grant["fundingOrganization"][0]["id"], "GB-NHS-X24");
    assert_eq!(grant["recipientOrganization"][0]["id"], "GB-NHS-TEST1");
    assert_eq!(grant["plannedDates"][0]["startDate"], "2017-04-01");
    assert!(giving
        .message()
        .starts_with("The 360Giving file holds 1 grant."));
    // The same check fails a grant with no award date.
    let broken = json.replace("\"awardDate\":\"2017-01-09\",", "");
    assert!(!errors(&validator, &broken).is_empty());
}

#[test]
fn the_timeline_draws_money_for_recipients_and_leaves_programme_totals_to_the_list() {
    let e = run("");
    let chart = timeline::chart(dataset(), &e.rows, ChartSize::WIDE);
    let mut drawn = 0;
    for target in &chart.targets {
        let TargetAction::Open(id) = &target.action else {
            panic!("a dot opens its record");
        };
        let record = dataset().record(id).expect("a record");
        assert!(
            record
                .items
                .iter()
                .any(|i| i.role == funding_core::Role::Allocation),
            "{id}"
        );
        drawn += 1;
    }
    assert!(drawn > 0);
    let note = chart.left_out.expect("a note");
    assert!(
        note.contains("not drawn, so that the money for recipients keeps its scale"),
        "{note}"
    );
    // The axis is the grants', not the £450m programme totals'.
    let labels = texts(&chart.svg);
    assert!(
        !labels.iter().any(|l| l == "£500m" || l == "£400m"),
        "{labels:?}"
    );
}
