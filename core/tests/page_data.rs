//! What each part of the page shows (`funding_core::page`, the recipient
//! page's rows, a chart's buttons), checked on the real data as a reader
//! would check the page: every figure of the reader links to a mark in its
//! text, the totals' rows are the totals' years, the ways out of "nothing
//! matches" are offered only when they help, a long facet shows its ten
//! largest values and every chosen one, and a source that is not a web
//! address is never a link.

use funding_core::explore::Explorer;
use funding_core::page::{
    dataset_counts, facet_more_label, figure_entries, filters_label, no_figure_held, nothing_found,
    reader_facts, records_counted, show_more_label, shown_facet_values, totals_explained,
    totals_summary, FactValue, PAGE_ROWS, SHORT_LIST,
};
use funding_core::reader::{evidence_anchor, marked_runs};
use funding_core::recipient::{recipient_page, Agreement};
use funding_core::sources::load_dir;
use funding_core::url_state::decode;
use funding_core::view::Facet;
use funding_core::{Dataset, RecordKind};
use std::path::PathBuf;
use std::sync::OnceLock;

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| {
        load_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data")).expect("valid data")
    })
}

#[test]
fn every_figure_in_the_reader_links_to_its_mark_in_the_text() {
    let mut links = 0;
    for record in &dataset().records {
        let figures = figure_entries(dataset(), record);
        assert_eq!(figures.len(), record.items.len(), "{}", record.id);
        let marks: Vec<String> = marked_runs(record, &[])
            .into_iter()
            .filter(|run| run.starts_mark)
            .filter_map(|run| run.mark.map(evidence_anchor))
            .collect();
        for (figure, item) in figures.iter().zip(&record.items) {
            assert_eq!(figure.stated_as, item.stated_as);
            assert_eq!(figure.in_pounds, item.amount.full());
            assert!(!figure.citation.is_empty());
            assert_eq!(figure.evidence.len(), item.evidence.len());
            for ((anchor, words), evidence) in figure.evidence.iter().zip(&item.evidence) {
                assert!(
                    marks.contains(anchor),
                    "{}: {anchor} has no mark",
                    record.id
                );
                assert!(words.contains(&evidence.quote), "{words}");
                links += 1;
            }
        }
    }
    assert!(links > 10, "the seed texts' figures: {links}");
}

#[test]
fn a_source_that_is_not_a_web_address_is_text_never_a_link() {
    let mut record = dataset()
        .records
        .iter()
        .find(|r| r.source_url.is_some() && !r.recipients.is_empty())
        .expect("a record with a source")
        .clone();
    let source = |record: &funding_core::FundingRecord| {
        reader_facts(dataset(), record)
            .into_iter()
            .find(|f| f.name == "Source")
            .map(|f| f.value)
    };
    assert!(matches!(source(&record), Some(FactValue::Link { .. })));
    record.source_url = Some("javascript:alert(1)".into());
    assert_eq!(
        source(&record),
        Some(FactValue::Text("javascript:alert(1)".into()))
    );
    // Each recipient is named, to open its own page.
    let recipients = reader_facts(dataset(), &record)
        .into_iter()
        .find(|f| f.name == "Recipient")
        .map(|f| f.value);
    let Some(FactValue::Organisations(named)) = recipients else {
        panic!("no recipients: {recipients:?}");
    };
    assert_eq!(named.len(), record.recipients.len());
    for (id, name) in named {
        assert_eq!(
            dataset().organisation(&id).map(|o| o.name.clone()),
            Some(name)
        );
    }
}

#[test]
fn the_totals_lines_are_the_totals_years_and_kinds() {
    let explorer = Explorer::new(dataset());
    for link in [
        "",
        "?fy=2016/17",
        "?q=dudley",
        "?recipient=surrey-heartlands",
    ] {
        let (view, notices) = decode(link, &explorer);
        assert!(notices.is_empty(), "{link}");
        let totals = explorer.run(&view).totals;
        let summary = totals_summary(dataset(), &totals);
        assert_eq!(summary.headline, totals.headline_text(), "{link}");
        assert_eq!(summary.by_year.len(), totals.by_year.len(), "{link}");
        for (row, year) in summary.by_year.iter().zip(&totals.by_year) {
            assert_eq!(
                row.year,
                year.year.map(|y| y.to_string()).unwrap_or_default()
            );
            assert!(
                row.added.starts_with(&year.figures.to_string()),
                "{}",
                row.added
            );
        }
        assert_eq!(
            summary.headline_note.contains("financial years"),
            totals.by_year.len() > 1,
            "{link}: {}",
            summary.headline_note
        );
        assert_eq!(summary.others.len(), totals.others.len());
        assert_eq!(summary.spans.len(), totals.spans.len());
        assert_eq!(summary.spans_heading.is_empty(), totals.spans.is_empty());
        let (lines, disagreements) = totals_explained(dataset(), &totals);
        assert!(!lines.is_empty(), "{link}");
        assert_eq!(disagreements.len(), totals.disagreement_count(), "{link}");
    }
}

#[test]
fn nothing_found_offers_only_the_ways_out_that_help() {
    let found = nothing_found("dudly", 0, false);
    assert_eq!(found.message, "Nothing matches “dudly” with these filters.");
    assert_eq!(found.clear_filters, None);
    assert!(found.clear_search);
    let found = nothing_found("", 3, false);
    assert_eq!(found.message, "No record matches these filters.");
    assert_eq!(
        found.clear_filters.as_deref(),
        Some("Clear the filters to see the 3 records that match")
    );
    assert!(!found.clear_search);
    assert_eq!(
        nothing_found("care", 1, false).clear_filters.as_deref(),
        Some("Clear the filters to see the 1 record that matches")
    );
    assert!(nothing_found("gateshead", 0, true)
        .message
        .starts_with("No figure is held"));
}

#[test]
fn a_vanguard_with_no_figure_is_named_with_what_the_data_knows() {
    let explorer = Explorer::new(dataset());
    let (view, _) = decode("?q=gateshead", &explorer);
    let held = no_figure_held(dataset(), &explorer.no_figure_held(&view)).expect("gateshead");
    assert_eq!(
        held.intro,
        "The data knows an organisation that your search or filters name, but holds no figure for it:"
    );
    assert_eq!(held.organisations.len(), 1);
    assert_eq!(held.organisations[0].name, "Gateshead Care Home Project");
    assert_eq!(
        held.organisations[0].facts,
        "Vanguard, Enhanced health in care homes (EHCH), chosen 10 March 2015. No figure held."
    );
    let (view, _) = decode("?q=dudley", &explorer);
    assert_eq!(
        no_figure_held(dataset(), &explorer.no_figure_held(&view)),
        None
    );
}

#[test]
fn a_long_facet_shows_its_ten_largest_values_and_every_chosen_one() {
    let explorer = Explorer::new(dataset());
    let (view, _) = decode("?recipient=tower-hamlets-together", &explorer);
    let e = explorer.run(&view);
    let values = e.facet_values(Facet::Recipient);
    assert!(values.len() > SHORT_LIST + 5, "{}", values.len());
    let few = shown_facet_values(Facet::Recipient, values, false);
    assert_eq!(few.len(), SHORT_LIST + 1);
    assert!(few.iter().any(|v| &*v.code == "tower-hamlets-together"));
    let mut by_count: Vec<usize> = values.iter().map(|v| v.count).collect();
    by_count.sort_unstable_by(|a, b| b.cmp(a));
    for v in &few {
        assert!(
            v.count >= by_count[SHORT_LIST - 1] || v.selected,
            "{}",
            v.code
        );
    }
    // All: every value, in the facet's own order.
    let all: Vec<&str> = shown_facet_values(Facet::Recipient, values, true)
        .iter()
        .map(|v| &*v.code)
        .collect();
    let codes: Vec<&str> = values.iter().map(|v| &*v.code).collect();
    assert_eq!(all, codes);
    // A short facet always shows every value, and has no button.
    let models = e.facet_values(Facet::CareModel);
    assert_eq!(
        shown_facet_values(Facet::CareModel, models, false).len(),
        models.len()
    );
    assert_eq!(facet_more_label(Facet::CareModel, false, 50), None);
    assert_eq!(
        facet_more_label(Facet::Recipient, false, values.len()),
        Some(format!("Show all {} recipients, A to Z", values.len()))
    );
    assert_eq!(
        facet_more_label(Facet::Recipient, true, values.len()).as_deref(),
        Some("Show the 10 with most records")
    );
    assert_eq!(facet_more_label(Facet::Recipient, false, SHORT_LIST), None);
}

#[test]
fn the_short_texts_count_what_they_say() {
    assert_eq!(records_counted(0), "No records match");
    assert_eq!(records_counted(1), "1 record");
    assert_eq!(records_counted(56), "56 records");
    assert_eq!(show_more_label(10, PAGE_ROWS), None);
    assert_eq!(show_more_label(13, 10).as_deref(), Some("Show 3 more of 3"));
    assert_eq!(
        show_more_label(56, 10).as_deref(),
        Some("Show 10 more of 46")
    );
    let mut view = funding_core::view::ViewState::default();
    view.toggle(Facet::CareModel, "MCP");
    view.toggle(Facet::CareModel, "PACS");
    view.min_amount = Some(funding_core::Money(1_000_000));
    assert_eq!(filters_label(&view), "Filters (3)");
    assert_eq!(filters_label(&Default::default()), "Filters");
}

#[test]
fn the_header_counts_what_the_data_holds() {
    let counts = dataset_counts(dataset());
    let reported = dataset()
        .records
        .iter()
        .filter(|r| r.kind == RecordKind::ReportedFigure)
        .count();
    assert_eq!(counts[0].0, dataset().announcements().count());
    assert_eq!(counts[1].0, reported);
    assert_eq!(counts[2].0, dataset().funding_item_count());
    assert_eq!(counts[3].0, dataset().organisations.len());
    assert!(
        counts[3].1.contains("50 of them vanguards"),
        "{}",
        counts[3].1
    );
}

#[test]
fn a_recipients_rows_give_each_year_once_with_what_its_sources_say() {
    let explorer = Explorer::new(dataset());
    let page = recipient_page(&explorer, "all-together-better-sunderland").expect("a vanguard");
    let rows = page.rows(dataset());
    let lines: usize = page.years.iter().map(|y| y.lines.len()).sum();
    assert_eq!(rows.len(), lines);
    let years: Vec<&str> = rows.iter().filter_map(|r| r.year.as_deref()).collect();
    assert_eq!(years.len(), page.years.len());
    assert_eq!(years[0], "2015/16");
    // The year's first row says whether its sources agree; the others do not.
    for row in &rows {
        assert_eq!(row.year.is_some(), row.agreement.is_some());
        assert_eq!(row.year.is_some(), row.counted.is_some());
        assert!(!row.sources.is_empty());
    }
    assert_eq!(rows[0].agreement, Some(Agreement::Disagree));
}
