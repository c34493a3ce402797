//! The page's own markup (`funding_core::page`), read back by html5ever as a
//! browser would: the frame holds every place the page writes into, once,
//! and each control the page answers; a long facet shows its ten values with
//! most records and every chosen one; a chart's figure is its drawing or its
//! table with the buttons that switch them; the reader is the record whole;
//! and markup in the data, a link or a search shows as typed.

use funding_core::charts::{breakdown, by_recipient, by_year, timeline, ChartSize};
use funding_core::explore::{Explorer, FacetValue};
use funding_core::export::ViewDownload;
use funding_core::html::facet_options;
use funding_core::page::{
    chart_figure, facet_more, facet_values_id, filters_label, frame, load_error, reader,
    records_counted, show_more, shown_facet_values, Action, Place, ACTION_ATTRIBUTE, CHARTS,
    PAGE_ROWS, SHORT_LIST,
};
use funding_core::query::parse;
use funding_core::url_state::decode;
use funding_core::view::{Facet, ViewState};
use scraper::{ElementRef, Html};

mod markup;
use markup::{load, select, text};

/// The action a button names, read back from its attribute.
fn action(button: ElementRef) -> Option<Action> {
    button
        .value()
        .attr(ACTION_ATTRIBUTE)
        .and_then(Action::from_code)
}

#[test]
fn the_frame_has_every_place_and_control_the_page_answers() {
    let html = frame();
    let fragment = Html::parse_fragment(&html);
    let root = fragment.root_element();
    // Every id is unique, and every place the page writes into is there.
    let mut ids: Vec<&str> = select(root, "[id]")
        .into_iter()
        .filter_map(|e| e.value().attr("id"))
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "a repeated id: {ids:?}");
    for place in Place::ALL {
        if place != Place::ReaderHeading {
            assert!(ids.contains(&place.id()), "{place:?}");
        }
    }
    for facet in Facet::ALL {
        let list = select(root, &format!("#{}", facet_values_id(facet)));
        assert_eq!(list.len(), 1, "{facet:?}");
        // The list sits in a group named by the facet's title.
        let legend = list[0]
            .parent()
            .and_then(ElementRef::wrap)
            .map(|fieldset| text(select(fieldset, "legend")[0]));
        assert_eq!(legend.as_deref(), Some(facet.title()));
    }
    // Each field has its label, and each button says what it does.
    for (id, label) in [
        ("search", "Search the announcements"),
        ("sort", "Sort by"),
        ("amount-min", "From £"),
        ("amount-max", "To £"),
    ] {
        let labels = select(root, &format!("label[for={id}]"));
        assert_eq!(labels.iter().map(|l| text(*l)).collect::<Vec<_>>(), [label]);
    }
    let buttons: Vec<(Option<Action>, String)> = select(root, "button")
        .into_iter()
        .map(|b| (action(b), text(b)))
        .collect();
    for expected in [
        (Action::DismissNotices, "Dismiss"),
        (Action::ToggleFilters, "Filters"),
        (Action::CloseFilters, "Done"),
        (Action::CopyLink, "Copy link"),
        (Action::ClearAll, "Clear all"),
    ] {
        assert!(
            buttons.contains(&(Some(expected.0), expected.1.to_string())),
            "{expected:?} in {buttons:?}"
        );
    }
    let downloads: Vec<String> = select(root, "[data-download]")
        .into_iter()
        .map(text)
        .collect();
    let expected: Vec<&str> = ViewDownload::ALL.iter().map(|d| d.button()).collect();
    assert_eq!(downloads, expected);
    // The sort's options are every order, the charts' places the view's three.
    assert_eq!(select(root, "#sort option").len(), 6);
    assert_eq!(select(root, ".chart-place").len(), CHARTS.len() - 1);
}

/// A facet's checkboxes as the page writes them (src/parts/filters.rs).
fn facet_values(facet: Facet, values: &[FacetValue], all: bool) -> String {
    facet_options(facet, shown_facet_values(facet, values, all))
}

#[test]
fn a_long_facet_shows_its_ten_largest_values_and_every_chosen_one() {
    let dataset = load("../data");
    let explorer = Explorer::new(&dataset);
    let (view, _) = decode("?recipient=tower-hamlets-together", &explorer);
    let e = explorer.run(&view);
    let values = e.facet_values(Facet::Recipient);
    assert!(values.len() > SHORT_LIST + 5, "{}", values.len());
    let shown = |all: bool| {
        let html = facet_values(Facet::Recipient, values, all);
        let fragment = Html::parse_fragment(&html);
        select(fragment.root_element(), "input")
            .into_iter()
            .map(|i| i.value().attr("value").unwrap_or_default().to_string())
            .collect::<Vec<String>>()
    };
    let few = shown(false);
    // The chosen value is there though it is not among the ten largest.
    assert!(few.contains(&"tower-hamlets-together".to_string()));
    let mut by_count: Vec<usize> = values.iter().map(|v| v.count).collect();
    by_count.sort_unstable_by(|a, b| b.cmp(a));
    let smallest_shown = by_count[SHORT_LIST - 1];
    for code in &few {
        let value = values.iter().find(|v| &*v.code == code).expect("a value");
        assert!(value.count >= smallest_shown || value.selected, "{code}");
    }
    assert_eq!(few.len(), SHORT_LIST + 1);
    // All: every value, in the facet's own order.
    let all = shown(true);
    let codes: Vec<String> = values.iter().map(|v| v.code.to_string()).collect();
    assert_eq!(all, codes);
    // A short facet always shows every value.
    let models = e.facet_values(Facet::CareModel);
    assert!(!models.is_empty());
    assert_eq!(
        facet_values(Facet::CareModel, models, false),
        facet_values(Facet::CareModel, models, true)
    );
    // Its button says how many there are, and which way it goes.
    let button = |all| {
        let html = facet_more(Facet::Recipient, all, values.len());
        let fragment = Html::parse_fragment(&html);
        let b = select(fragment.root_element(), "button")[0];
        (
            text(b),
            b.value().attr("aria-expanded").map(str::to_string),
            action(b),
        )
    };
    assert_eq!(
        button(false),
        (
            format!("Show all {} recipients, A to Z", values.len()),
            Some("false".into()),
            Some(Action::MoreValues)
        )
    );
    assert_eq!(button(true).0, "Show the 10 with most records");
    assert_eq!(button(true).1.as_deref(), Some("true"));
    assert_eq!(facet_more(Facet::Recipient, false, SHORT_LIST), "");
    assert_eq!(facet_more(Facet::CareModel, false, 50), "");
}

#[test]
fn the_short_texts_count_what_they_say() {
    assert_eq!(records_counted(0), "No records match");
    assert_eq!(records_counted(1), "1 record");
    assert_eq!(records_counted(69), "69 records");
    assert_eq!(show_more(PAGE_ROWS, PAGE_ROWS), "");
    let more = show_more(69, 40);
    let fragment = Html::parse_fragment(&more);
    let b = select(fragment.root_element(), "button")[0];
    assert_eq!(text(b), format!("Show {PAGE_ROWS} more of 29"));
    assert_eq!(action(b), Some(Action::ShowMore));
    assert!(show_more(69, 69 - 9).contains(">Show 9 more of 9<"));
    let mut view = ViewState::default();
    assert_eq!(filters_label(&view), "Filters");
    view.toggle(Facet::CareModel, "MCP");
    view.toggle(Facet::FinancialYear, "2016/17");
    view.min_amount = Some(funding_core::Money(5));
    assert_eq!(filters_label(&view), "Filters (3)");
}

#[test]
fn markup_in_a_message_or_typed_amount_shows_as_typed() {
    let typed = "<img src=x onerror=alert(1)>";
    for html in [load_error(typed), funding_core::page::amount_error(typed)] {
        let fragment = Html::parse_fragment(&html);
        assert!(select(fragment.root_element(), "img").is_empty(), "{html}");
        assert!(text(fragment.root_element()).contains(typed), "{html}");
    }
}

/// Each chart's figure, as drawing and as table: named by its title and
/// described by its summary, the drawing's buttons or the table's rows,
/// and the button that switches between them saying which is shown.
#[test]
fn a_chart_figure_is_its_drawing_or_its_table() {
    for dataset in [load("../data"), load("../tests/fixtures/hostile-data")] {
        let explorer = Explorer::new(&dataset);
        let e = explorer.run(&ViewState::default());
        let mut charts = vec![
            by_year::chart(&dataset, &e.totals, ChartSize::WIDE),
            by_recipient::chart(&dataset, &e.totals, ChartSize::NARROW),
            timeline::chart(&dataset, &e.rows, ChartSize::WIDE),
        ];
        charts.extend(
            dataset
                .records
                .iter()
                .filter_map(|r| breakdown::chart(r, ChartSize::WIDE)),
        );
        for chart in charts {
            for as_table in [false, true] {
                let html = chart_figure(&chart, as_table);
                let fragment = Html::parse_fragment(&html);
                let root = fragment.root_element();
                assert!(select(root, "script, img").is_empty(), "{html}");
                let figure = select(root, "figure")[0];
                let labelled = figure.value().attr("aria-labelledby").unwrap_or_default();
                let title = select(root, &format!("[id=\"{labelled}\"]"));
                assert_eq!(text(title[0]), chart.title);
                let described = figure.value().attr("aria-describedby").unwrap_or_default();
                assert_eq!(
                    text(select(root, &format!("[id=\"{described}\"]"))[0]),
                    chart.summary
                );
                assert_eq!(
                    figure.value().attr("class"),
                    Some(if chart.table_rows.is_empty() {
                        "chart chart-empty"
                    } else {
                        "chart"
                    })
                );
                let switch = select(root, "button")
                    .into_iter()
                    .find(|b| action(*b) == Some(Action::ChartAsTable))
                    .expect("the switch");
                assert_eq!(
                    (text(switch).as_str(), switch.value().attr("aria-pressed")),
                    if as_table {
                        ("Show as chart", Some("true"))
                    } else {
                        ("Show as table", Some("false"))
                    }
                );
                if as_table {
                    assert_eq!(select(root, "tbody tr").len(), chart.table_rows.len());
                    assert!(select(root, ".chart-target").is_empty());
                } else {
                    assert!(select(root, "table").is_empty());
                    assert_eq!(select(root, ".chart-target").len(), chart.targets.len());
                    let drawing = select(root, ".chart-drawing")[0];
                    let class = if chart.size.is_narrow() {
                        "chart-drawing chart-narrow"
                    } else {
                        "chart-drawing chart-wide"
                    };
                    assert_eq!(drawing.value().attr("class"), Some(class));
                }
            }
        }
    }
}

/// The reader: its heading (the title, search words in bold, focusable),
/// the breakdown given, and the full text only for an announcement.
#[test]
fn the_reader_is_the_record_whole() {
    for dataset in [load("../data"), load("../tests/fixtures/hostile-data")] {
        let query = parse("funding");
        for record in &dataset.records {
            let figure = breakdown::chart(record, ChartSize::WIDE).map(|c| chart_figure(&c, false));
            let html = reader(&dataset, record, &query, figure.as_deref());
            let fragment = Html::parse_fragment(&html);
            let root = fragment.root_element();
            assert!(select(root, "script, img").is_empty(), "{}", record.id);
            let heading = select(root, "#reader-heading")[0];
            assert_eq!(heading.value().attr("tabindex"), Some("-1"));
            assert_eq!(text(heading), record.display_title(&dataset));
            assert_eq!(
                select(root, "figure.chart").len(),
                usize::from(figure.is_some())
            );
            assert_eq!(
                select(root, ".full-text").len(),
                usize::from(record.text.is_some())
            );
            let close = select(root, "button")
                .into_iter()
                .find(|b| action(*b) == Some(Action::CloseReader));
            assert_eq!(close.map(text).as_deref(), Some("Close the reader"));
        }
    }
}
