//! The list's rows, the facets' checkboxes, the charts' buttons, the totals
//! and the reader's record as HTML,
//! read back by a browser's HTML parser (html5ever, through scraper): every
//! row shows its summary's text exactly, every checkbox its value, label and
//! count, every button its label at its bar; markup in the data or the
//! search shows as typed and makes no element; and the links are the
//! reader's (keeping the view) and the source's web address.

use funding_core::charts::{breakdown, by_recipient, by_year, timeline, ChartSize};
use funding_core::explore::Explorer;
use funding_core::html::{
    chart_caption, chart_caption_ids, chart_legend, chart_table, chart_targets, copy_by_hand,
    dataset_counts, escape_into, facet_option_id, facet_options, filter_chips, full_text,
    highlighted, link_notices, nothing_found, reader_facts_and_figures, reader_notes, record_rows,
    sort_options, totals_explained, totals_summary, ABOUT_ATTRIBUTE, CHIP_ATTRIBUTE,
    OPEN_ATTRIBUTE, TARGET_ATTRIBUTE,
};
use funding_core::listing::summarise_row;
use funding_core::model::FundingRecord;
use funding_core::query::parse;
use funding_core::search::highlight;
use funding_core::totals::Totals;
use funding_core::url_state::{active_filters, decode, encode};
use funding_core::view::{SortOrder, ViewState};
use funding_core::Dataset;
use scraper::Html;

mod markup;
use markup::{load, select, text};

/// The elements a row is made of; anything else came from the data.
const ROW_ELEMENTS: [&str; 12] = [
    "html", "li", "div", "p", "h3", "a", "strong", "dl", "dt", "dd", "span", "ul",
];

/// Renders the view of `link` and checks every row against its summary.
fn check(dataset: &Dataset, link: &str) -> usize {
    let explorer = Explorer::new(dataset);
    let (view, notices) = decode(link, &explorer);
    assert!(notices.is_empty(), "{link}: {notices:?}");
    let e = explorer.run(&view);
    let html = record_rows(dataset, &e.rows, &view, &e.query);
    let fragment = Html::parse_fragment(&html);
    let root = fragment.root_element();
    for element in select(root, "*") {
        let name = element.value().name();
        assert!(
            ROW_ELEMENTS.contains(&name),
            "{link}: a <{name}> in the rows: {html}"
        );
    }
    let rows = select(root, "li.record");
    assert_eq!(rows.len(), e.rows.len(), "{link}");
    for (row, li) in e.rows.iter().zip(rows) {
        let summary = summarise_row(dataset, row).unwrap();
        let title = select(li, ".record-title a");
        assert_eq!(title.len(), 1);
        assert_eq!(text(title[0]), summary.title);
        assert_eq!(
            title[0].value().attr(OPEN_ATTRIBUTE),
            Some(summary.id.as_str())
        );
        let opened = ViewState {
            open: Some(summary.id.clone()),
            ..view.clone()
        };
        assert_eq!(
            title[0].value().attr("href"),
            Some(encode(&opened).as_str())
        );
        let hits: Vec<String> = select(li, ".record-title strong.hit")
            .into_iter()
            .map(text)
            .collect();
        let expected: Vec<String> = highlight(&summary.title, &e.query)
            .into_iter()
            .filter(|p| p.hit)
            .map(|p| p.text)
            .collect();
        assert_eq!(hits, expected);
        let one = |css: &str| select(li, css).into_iter().map(text).next();
        assert_eq!(one(".amount-as-written"), summary.amount_as_written);
        assert_eq!(one(".amount-in-pounds"), summary.amount_in_pounds);
        assert_eq!(one(".role-badge").as_deref(), summary.role);
        assert_eq!(one(".record-recipients"), summary.recipients);
        let facts: Vec<(String, String)> = select(li, ".record-facts > div")
            .into_iter()
            .map(|d| (text(select(d, "dt")[0]), text(select(d, "dd")[0])))
            .collect();
        assert_eq!(
            facts,
            [
                ("Period".to_string(), summary.period.clone()),
                ("Published".to_string(), summary.date.clone()),
                ("Source".to_string(), summary.publisher.clone()),
            ]
        );
        let source = select(li, ".record-facts a");
        assert_eq!(
            source.first().and_then(|a| a.value().attr("href")),
            summary.source_url.as_deref()
        );
        let notes: Vec<String> = select(li, ".record-notes > li")
            .into_iter()
            .map(text)
            .collect();
        assert_eq!(notes, summary.notes);
        assert_eq!(
            one(".more-figures"),
            match summary.other_figures {
                0 => None,
                1 => Some("+ 1 more figure".to_string()),
                n => Some(format!("+ {n} more figures")),
            }
        );
    }
    e.rows.len()
}

#[test]
fn each_row_shows_its_summary_on_the_real_data() {
    let dataset = load("../data");
    assert_eq!(check(&dataset, ""), dataset.records.len());
    assert!(check(&dataset, "?q=vanguard&model=MCP") > 0);
    assert!(check(&dataset, "?q=dudley") > 0);
}

#[test]
fn markup_in_the_data_or_the_search_shows_as_typed() {
    let dataset = load("../tests/fixtures/hostile-data");
    assert_eq!(check(&dataset, ""), dataset.records.len());
    // A search that marks hits inside the markup-like titles and notes.
    assert!(check(&dataset, "?q=img%20onerror%20script") > 0);
    assert!(check(&dataset, "?q=%22%3Cscript%3E%22") > 0);
}

#[test]
fn the_open_record_is_marked_and_its_link_is_current() {
    let dataset = load("../data");
    let explorer = Explorer::new(&dataset);
    let id = dataset.records[3].id.clone();
    let (view, _) = decode(&format!("?open={id}"), &explorer);
    let e = explorer.run(&view);
    let fragment = Html::parse_fragment(&record_rows(&dataset, &e.rows, &view, &e.query));
    let open = select(fragment.root_element(), "li.is-open");
    assert_eq!(open.len(), 1);
    let link = select(open[0], ".record-title a")[0];
    assert_eq!(link.value().attr(OPEN_ATTRIBUTE), Some(id.as_str()));
    assert_eq!(link.value().attr("aria-current"), Some("true"));
    assert_eq!(select(fragment.root_element(), "[aria-current]").len(), 1);
}

#[test]
fn escaping_keeps_text_and_attributes_whole() {
    let mut out = String::new();
    escape_into(&mut out, r#"<a href="x" onclick='y'>&amp;</a>"#);
    assert_eq!(
        out,
        "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
    );
    let fragment = Html::parse_fragment(&format!("<p title=\"{out}\">{out}</p>"));
    let p = select(fragment.root_element(), "p")[0];
    assert_eq!(text(p), r#"<a href="x" onclick='y'>&amp;</a>"#);
    assert_eq!(
        p.value().attr("title"),
        Some(r#"<a href="x" onclick='y'>&amp;</a>"#)
    );
    // A carriage return comes back as written, not as a line feed.
    let mut value = String::new();
    escape_into(&mut value, "a\r\nb\rc");
    let fragment = Html::parse_fragment(&format!("<input value=\"{value}\">"));
    let input = select(fragment.root_element(), "input")[0];
    assert_eq!(input.value().attr("value"), Some("a\r\nb\rc"));
    // Letters beyond ASCII stay as they are, next to what is escaped.
    let mut named = String::new();
    escape_into(&mut named, "Ysbyty Gwynedd – café & <b>“NHS”</b>");
    assert_eq!(
        named,
        "Ysbyty Gwynedd – café &amp; &lt;b&gt;“NHS”&lt;/b&gt;"
    );
}

/// Every facet's checkboxes in the view of `link`, against the engine's values.
fn check_facets(dataset: &Dataset, link: &str) {
    let explorer = Explorer::new(dataset);
    let (view, _) = decode(link, &explorer);
    let e = explorer.run(&view);
    for (facet, values) in &e.facets {
        let html = facet_options(*facet, values);
        let fragment = Html::parse_fragment(&html);
        let root = fragment.root_element();
        for element in select(root, "*") {
            let name = element.value().name();
            assert!(
                ["html", "li", "input", "label", "span"].contains(&name),
                "{link}: a <{name}> in the {facet:?} options: {html}"
            );
        }
        let options = select(root, "li");
        assert_eq!(options.len(), values.len(), "{link} {facet:?}");
        for (value, li) in values.iter().zip(options) {
            let input = select(li, "input[type=checkbox]")[0].value();
            let id = facet_option_id(*facet, &value.code);
            assert_eq!(input.attr("id"), Some(id.as_str()));
            assert_eq!(input.attr("value"), Some(&*value.code));
            assert_eq!(
                input.attr("checked").is_some(),
                value.selected,
                "{link} {}",
                value.code
            );
            let label = select(li, "label")[0];
            assert_eq!(label.value().attr("for"), Some(id.as_str()));
            assert_eq!(text(select(label, ".facet-label")[0]), *value.label);
            assert_eq!(
                text(select(label, ".facet-count")[0]),
                format!("{} records", value.count)
            );
        }
    }
}

#[test]
fn each_facet_value_is_a_labelled_checkbox_with_its_count() {
    let dataset = load("../data");
    check_facets(&dataset, "");
    check_facets(&dataset, "?model=MCP&fy=2016/17&q=vanguard");
    let hostile = load("../tests/fixtures/hostile-data");
    check_facets(&hostile, "");
    let explorer = Explorer::new(&hostile);
    let e = explorer.run(&ViewState::default());
    // The markup-like names are there, as text.
    assert!(e
        .facets
        .iter()
        .any(|(_, values)| values.iter().any(|v| v.label.contains('<'))));
}

/// Each chart's buttons: one per target, named by its label, numbered in
/// order, at its bar's place in the drawing's units (never smaller than 8).
#[test]
fn each_chart_target_is_a_named_button_at_its_bar() {
    let real = load("../data");
    let hostile = load("../tests/fixtures/hostile-data");
    // The hostile data's records give no dates: it has no timeline dots.
    let mut buttons = 0;
    for dataset in [&real, &hostile] {
        let explorer = Explorer::new(dataset);
        let e = explorer.run(&ViewState::default());
        for size in [ChartSize::WIDE, ChartSize::NARROW] {
            for chart in [
                by_year::chart(dataset, &e.totals, size),
                by_recipient::chart(dataset, &e.totals, size),
                timeline::chart(dataset, &e.rows, size),
            ] {
                buttons += chart.targets.len();
                let html = chart_targets(&chart);
                let fragment = Html::parse_fragment(&html);
                let root = fragment.root_element();
                let names: Vec<&str> = select(root, "*").iter().map(|e| e.value().name()).collect();
                assert!(
                    names
                        .iter()
                        .all(|n| ["html", "svg", "foreignObject", "button"].contains(n)),
                    "{names:?}"
                );
                // The overlay has the drawing's own units, so the two scale alike.
                let view_box = format!("0 0 {} {}", chart.size.width, chart.size.height);
                assert!(
                    chart.svg.contains(&format!("viewBox=\"{view_box}\"")),
                    "{}",
                    chart.id
                );
                assert_eq!(
                    select(root, "svg")[0].value().attr("viewBox"),
                    Some(view_box.as_str())
                );
                let places = select(root, "foreignObject");
                assert_eq!(places.len(), chart.targets.len());
                for (n, (place, target)) in places.into_iter().zip(&chart.targets).enumerate() {
                    let button = select(place, "button")[0].value();
                    assert_eq!(button.attr("aria-label"), Some(target.label.as_str()));
                    assert_eq!(button.attr("title"), Some(target.label.as_str()));
                    assert_eq!(button.attr(TARGET_ATTRIBUTE), Some(n.to_string().as_str()));
                    let number =
                        |name: &str| -> f32 { place.value().attr(name).unwrap().parse().unwrap() };
                    let near = |a: f32, b: f32| (a - b).abs() <= 0.051;
                    let (w, h) = (chart.size.width as f32, chart.size.height as f32);
                    assert!(
                        near(number("x"), target.left * w / 100.0),
                        "{}",
                        target.label
                    );
                    assert!(
                        near(number("y"), target.top * h / 100.0),
                        "{}",
                        target.label
                    );
                    assert!(near(number("width"), (target.width * w / 100.0).max(8.0)));
                    assert!(near(number("height"), (target.height * h / 100.0).max(8.0)));
                }
            }
        }
    }
    assert!(buttons > 50, "{buttons}");
}

/// Every chart at `size`, on the real and the hostile data: the default
/// view's three charts and each record's breakdown.
fn every_chart(size: ChartSize) -> Vec<funding_core::charts::Chart> {
    let mut charts = Vec::new();
    for dataset in [load("../data"), load("../tests/fixtures/hostile-data")] {
        let explorer = Explorer::new(&dataset);
        let e = explorer.run(&ViewState::default());
        charts.push(by_year::chart(&dataset, &e.totals, size));
        charts.push(by_recipient::chart(&dataset, &e.totals, size));
        charts.push(timeline::chart(&dataset, &e.rows, size));
        charts.extend(
            dataset
                .records
                .iter()
                .filter_map(|r| breakdown::chart(r, size)),
        );
    }
    charts
}

/// Each chart's table: its headers and every row's cells read back exactly as
/// the chart holds them, markup in the data as typed, on the real and the
/// hostile data, for the view's three charts and each record's breakdown.
#[test]
fn each_chart_table_reads_back_as_its_numbers() {
    let mut cells = 0;
    for chart in every_chart(ChartSize::WIDE) {
        let html = chart_table(&chart);
        let fragment = only_elements(
            &html,
            &["html", "table", "thead", "tbody", "tr", "th", "td"],
            &["class", "scope"],
        );
        let root = fragment.root_element();
        let headers: Vec<String> = select(root, "thead th").into_iter().map(text).collect();
        assert_eq!(headers, chart.table_headers, "{}", chart.id);
        let rows: Vec<Vec<String>> = select(root, "tbody tr")
            .into_iter()
            .map(|tr| select(tr, "td").into_iter().map(text).collect())
            .collect();
        assert_eq!(rows, chart.table_rows, "{}", chart.id);
        cells += rows.iter().map(Vec::len).sum::<usize>();
    }
    assert!(cells > 100, "{cells}");
}

/// A view with no records says what found nothing, the search as typed, and
/// offers each way out that exists: clearing the filters (with how many
/// records that shows) and clearing the search.
#[test]
fn nothing_found_says_what_and_offers_each_way_out() {
    let read = |query: &str, without_filters: usize| {
        let html = nothing_found(query, without_filters, false);
        let fragment = only_elements(
            &html,
            &["html", "p", "button"],
            &["class", "type", "data-clear"],
        );
        let root = fragment.root_element();
        let said = text(select(root, "p")[0]);
        let buttons: Vec<(String, String)> = select(root, "button")
            .into_iter()
            .map(|b| (b.value().attr("data-clear").unwrap().to_string(), text(b)))
            .collect();
        (said, buttons)
    };
    let hostile = "<img src=x onerror=alert(1)> & \"care\"";
    assert_eq!(
        read(hostile, 3),
        (
            format!("Nothing matches “{hostile}” with these filters."),
            vec![
                (
                    "filters".to_string(),
                    "Clear the filters to see the 3 records that match".to_string()
                ),
                ("search".to_string(), "Clear the search".to_string()),
            ]
        )
    );
    assert_eq!(
        read("dudley", 1).1,
        [
            (
                "filters".to_string(),
                "Clear the filters to see the 1 record that matches".to_string()
            ),
            ("search".to_string(), "Clear the search".to_string()),
        ]
    );
    assert_eq!(
        read("dudley", 0).1,
        [("search".to_string(), "Clear the search".to_string())]
    );
    assert_eq!(
        read("", 0),
        ("No record matches these filters.".to_string(), vec![])
    );
}

/// The elements the reader's parts are made of; anything else came from the data.
const READER_ELEMENTS: [&str; 14] = [
    "html", "dl", "div", "dt", "dd", "a", "code", "span", "h3", "ol", "ul", "li", "p", "strong",
];

/// Parses `html` and requires that it holds only the reader's own elements.
fn reader_part(html: &str, extra: &[&str]) -> Html {
    let elements: Vec<&str> = READER_ELEMENTS.iter().chain(extra).copied().collect();
    only_elements(
        html,
        &elements,
        &["class", "id", "href", "target", "rel", ABOUT_ATTRIBUTE],
    )
}

/// One record in the reader, with the search `q`: its facts, each figure
/// with its evidence links, the notes, and the full text with every figure
/// marked and linked both ways. Returns the number of search words in bold.
fn check_reader(dataset: &Dataset, record: &FundingRecord, q: &str) -> usize {
    let query = parse(q);
    let facts = reader_part(&reader_facts_and_figures(dataset, record), &[]);
    let root = facts.root_element();
    let fact = |name: &str| {
        select(root, ".reader-facts > div")
            .into_iter()
            .find(|d| select(*d, "dt").first().map(|dt| text(*dt)).as_deref() == Some(name))
            .map(|d| text(select(d, "dd")[0]))
    };
    assert_eq!(
        fact("Recipient"),
        Some(dataset.recipient_names(record).join(", "))
    );
    assert_eq!(
        fact("Publisher").as_deref(),
        Some(record.publisher.as_deref().unwrap_or("Not stated"))
    );
    assert_eq!(fact("Author"), record.author.clone());
    // Each recipient's name links to its page.
    let recipients = select(root, &format!(".reader-facts a[{ABOUT_ATTRIBUTE}]"));
    assert_eq!(recipients.len(), record.recipients.len());
    for (link, id) in recipients.iter().zip(&record.recipients) {
        assert_eq!(link.value().attr(ABOUT_ATTRIBUTE), Some(id.as_str()));
        assert_eq!(
            link.value().attr("href"),
            Some(format!("?about={}", id).as_str())
        );
    }
    let source = select(root, &format!(".reader-facts a:not([{ABOUT_ATTRIBUTE}])"));
    match record.source_url.as_deref() {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            assert_eq!(source.len(), 1);
            assert_eq!(source[0].value().attr("href"), Some(url));
            assert_eq!(source[0].value().attr("rel"), Some("noopener noreferrer"));
        }
        Some(url) => {
            assert!(source.is_empty());
            assert_eq!(fact("Source").as_deref(), Some(url));
        }
        None => assert!(source.is_empty() && fact("Source").is_none()),
    }
    let figures = select(root, "ol.figure-list > li");
    assert_eq!(figures.len(), record.items.len(), "{}", record.id);
    let mut evidence_links = Vec::new();
    for (index, (li, item)) in figures.iter().zip(&record.items).enumerate() {
        assert_eq!(
            li.value().attr("id"),
            Some(format!("figure-{index}").as_str())
        );
        let one = |css: &str| text(select(*li, css)[0]);
        assert_eq!(one(".amount-as-written"), item.stated_as);
        assert_eq!(one(".amount-in-pounds"), item.amount.full());
        assert_eq!(one(".role-badge"), item.role.name());
        assert_eq!(
            select(*li, ".figure-purpose").first().map(|p| text(*p)),
            item.purpose.clone()
        );
        let links = select(*li, "a.evidence-link");
        assert_eq!(links.len(), item.evidence.len());
        for (e, (a, evidence)) in links.iter().zip(&item.evidence).enumerate() {
            assert_eq!(text(*a), format!("“{}” in the text", evidence.quote));
            let href = a.value().attr("href").unwrap().to_string();
            assert_eq!(href, format!("#evidence-{index}-{e}"));
            evidence_links.push(href);
        }
    }

    let notes = reader_part(&reader_notes(record), &[]);
    let notes_root = notes.root_element();
    let texts =
        |css: &str| -> Vec<String> { select(notes_root, css).into_iter().map(text).collect() };
    assert_eq!(texts(".reader-notes > li"), record.notes);
    assert_eq!(texts(".conditions > li"), record.conditions);
    assert_eq!(
        texts(".people > li strong"),
        record
            .people
            .iter()
            .map(|p| p.name.clone().unwrap_or_else(|| "Name not given".into()))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        texts("h3").contains(&"Full text".to_string()),
        record.text.is_some()
    );

    let Some(words) = record.text.as_deref() else {
        assert!(full_text(record, &query).is_empty());
        return 0;
    };
    let body = reader_part(&full_text(record, &query), &["mark"]);
    let body_root = body.root_element();
    // The text reads back exactly, every character where it was.
    assert_eq!(text(body_root), words, "{}", record.id);
    // Each figure's evidence is marked, and the mark and the figure link to
    // each other.
    let anchors: Vec<String> = select(body_root, "mark[id]")
        .into_iter()
        .map(|m| format!("#{}", m.value().attr("id").unwrap()))
        .collect();
    assert_eq!(anchors.len(), evidence_links.len(), "{}", record.id);
    for link in &evidence_links {
        assert!(
            anchors.contains(link),
            "{}: {link} marks nothing",
            record.id
        );
    }
    for mark in select(body_root, "mark") {
        let to = select(mark, "a")[0].value().attr("href").unwrap();
        assert!(
            figures
                .iter()
                .any(|li| Some(&to[1..]) == li.value().attr("id")),
            "{}: a mark links to {to}",
            record.id
        );
    }
    // The heading and the text mark the same words as the search does.
    let title = record.display_title(dataset);
    let heading = reader_part(&highlighted(&title, &query), &[]);
    assert_eq!(text(heading.root_element()), title);
    let bold = select(body_root, "strong.hit");
    for hit in &bold {
        assert!(
            query.included().any(|t| t
                .words
                .iter()
                .any(|w| text(*hit).to_lowercase().contains(w.as_str()))),
            "{}: {} is no search word",
            record.id,
            text(*hit)
        );
    }
    bold.len()
}

#[test]
fn the_reader_shows_each_record_whole_on_the_real_data() {
    let dataset = load("../data");
    let mut bold = 0;
    for record in &dataset.records {
        assert_eq!(check_reader(&dataset, record, ""), 0);
        bold += check_reader(&dataset, record, "vanguard funding");
    }
    assert!(bold > 10, "{bold} search words in bold");
    assert!(dataset.records.iter().any(|r| r.text.is_some()));
}

#[test]
fn the_reader_shows_markup_in_the_data_as_typed() {
    let dataset = load("../tests/fixtures/hostile-data");
    for record in &dataset.records {
        check_reader(&dataset, record, "");
        check_reader(&dataset, record, "script onerror");
    }
}

/// The totals of the view of `link`: the amount, a row for each year with
/// its money and figures, and every disagreement the engine found. Returns
/// the number of disagreements shown.
fn check_totals(dataset: &Dataset, link: &str) -> usize {
    let explorer = Explorer::new(dataset);
    let (view, _) = decode(link, &explorer);
    let t = explorer.run(&view).totals;
    let allowed = [
        "html", "p", "span", "table", "caption", "thead", "tbody", "tr", "th", "td", "ul", "li",
        "h4", "details", "summary",
    ];
    let summary = only_elements(&totals_summary(dataset, &t), &allowed, &["class", "scope"]);
    let root = summary.root_element();
    let amount = text(select(root, ".total-amount")[0]);
    assert!(amount.starts_with(&t.headline_text()), "{link}");
    assert_eq!(amount.contains("sources disagree"), t.is_range(), "{link}");
    assert_eq!(
        text(select(root, ".total-covers")[0]),
        t.headline_sentence(),
        "{link}"
    );
    let rows = select(root, ".totals-by-year tbody tr");
    assert_eq!(rows.len(), t.by_year.len(), "{link}");
    for (tr, year) in rows.into_iter().zip(&t.by_year) {
        let cells: Vec<String> = select(tr, "th, td").into_iter().map(text).collect();
        let plural = if year.figures == 1 { "" } else { "s" };
        let inferred = if year.inferred > 0 {
            format!(" ({} with the year inferred)", year.inferred)
        } else {
            String::new()
        };
        assert_eq!(
            cells,
            [
                year.year.map_or(String::new(), |y| y.to_string()),
                Totals::sum_text(year.low, year.high, year.bound),
                format!("{} figure{plural}{inferred}", year.figures),
            ],
            "{link}"
        );
    }
    let others = select(root, ".totals-others > li");
    assert_eq!(others.len(), t.others.len(), "{link}");
    for (li, other) in others.into_iter().zip(&t.others) {
        assert!(text(li).starts_with(&other.kind.name()), "{link}");
    }
    let spans = select(root, ".totals-spans li");
    assert_eq!(spans.len(), t.spans.len(), "{link}");
    for (li, span) in spans.into_iter().zip(&t.spans) {
        assert_eq!(text(li), span.describe(dataset), "{link}");
    }
    let explained = only_elements(&totals_explained(dataset, &t), &allowed, &["class"]);
    let root = explained.root_element();
    let lines: Vec<String> = select(root, "ul:not(.disagreements) > li")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(lines, t.explanation(), "{link}");
    let disagreements = select(root, ".disagreements > li");
    assert_eq!(disagreements.len(), t.disagreement_count(), "{link}");
    for (li, d) in disagreements.into_iter().zip(t.disagreements(dataset)) {
        assert!(text(li).starts_with(&d.recipients(dataset)), "{link}");
    }
    t.disagreement_count()
}

/// Parses `html` and requires that it holds only `elements` with `attributes`.
fn only_elements(html: &str, elements: &[&str], attributes: &[&str]) -> Html {
    let fragment = Html::parse_fragment(html);
    for element in select(fragment.root_element(), "*") {
        let name = element.value().name();
        assert!(elements.contains(&name), "a <{name}>: {html}");
        for (attribute, _) in element.value().attrs() {
            assert!(attributes.contains(&attribute), "a {attribute}: {html}");
        }
    }
    fragment
}

#[test]
fn the_totals_show_each_year_and_every_disagreement() {
    let dataset = load("../data");
    assert!(check_totals(&dataset, "") > 0);
    check_totals(&dataset, "?q=vanguard&model=MCP");
    check_totals(&dataset, "?q=nothingmatchesthis");
    let hostile = load("../tests/fixtures/hostile-data");
    check_totals(&hostile, "");
}

#[test]
fn each_active_filter_is_a_button_that_names_what_it_removes() {
    let dataset = load("../data");
    let explorer = Explorer::new(&dataset);
    let (view, notices) = decode(
        "?q=%3Cb%3Evanguard%3C/b%3E&model=MCP,PACS&min=1m",
        &explorer,
    );
    assert!(notices.is_empty(), "{notices:?}");
    let chips = active_filters(&view, &explorer);
    assert_eq!(chips.len(), 4);
    let html = filter_chips(&chips);
    let fragment = only_elements(
        &html,
        &["html", "li", "button", "span"],
        &["type", "class", CHIP_ATTRIBUTE, "aria-hidden"],
    );
    let buttons = select(fragment.root_element(), "li > button.chip");
    assert_eq!(buttons.len(), chips.len());
    for (n, (button, chip)) in buttons.into_iter().zip(&chips).enumerate() {
        assert_eq!(
            button.value().attr(CHIP_ATTRIBUTE),
            Some(n.to_string().as_str())
        );
        assert_eq!(text(button), format!("Remove {} ×", chip.text));
        assert_eq!(text(select(button, ".visually-hidden")[0]), "Remove ");
    }
    assert_eq!(chips[0].text, "Search: <b>vanguard</b>");
    assert!(filter_chips(&[]).is_empty());
}

#[test]
fn the_header_counts_what_the_data_holds() {
    let dataset = load("../data");
    let fragment = only_elements(&dataset_counts(&dataset), &["html", "li", "strong"], &[]);
    let items: Vec<String> = select(fragment.root_element(), "li")
        .into_iter()
        .map(text)
        .collect();
    let announcements = dataset.announcements().count();
    assert_eq!(
        items,
        [
            format!("{announcements} announcements in full text"),
            format!(
                "{} figures reported on other public pages",
                dataset.records.len() - announcements
            ),
            format!("{} funding figures in all", dataset.funding_item_count()),
            format!(
                "{} organisations, 50 of them vanguards",
                dataset.organisations.len()
            ),
        ]
    );
}

#[test]
fn a_link_notice_shows_the_link_as_typed() {
    let dataset = load("../data");
    let explorer = Explorer::new(&dataset);
    let (_, notices) = decode(
        "?fy=%3Cimg%20src=x%20onerror=alert(1)%3E&sort=%3Cb%3E&open=%3C/li%3E%3Cscript%3E",
        &explorer,
    );
    assert_eq!(notices.len(), 3, "{notices:?}");
    let fragment = only_elements(&link_notices(&notices), &["html", "li"], &[]);
    let items: Vec<String> = select(fragment.root_element(), "li")
        .into_iter()
        .map(text)
        .collect();
    let expected: Vec<String> = notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(items, expected);
    assert!(items
        .iter()
        .any(|i| i.contains("<img src=x onerror=alert(1)>")));
}

#[test]
fn the_sort_options_are_every_order_by_its_code_and_label() {
    let fragment = only_elements(&sort_options(), &["html", "option"], &["value"]);
    let options: Vec<(String, String)> = select(fragment.root_element(), "option")
        .into_iter()
        .map(|o| (o.value().attr("value").unwrap_or("").to_string(), text(o)))
        .collect();
    let expected: Vec<(String, String)> = SortOrder::ALL
        .iter()
        .map(|o| (o.code().to_string(), o.label().to_string()))
        .collect();
    assert_eq!(options, expected);
    // Each value is one the page reads back as its order.
    for (code, _) in &options {
        assert!(SortOrder::from_code(code).is_some(), "{code}");
    }
}

#[test]
fn an_address_to_copy_by_hand_is_the_field_s_value_as_given() {
    let address = "https://example.org/funding/?q=\"><script>alert(1)</script>&fy=2016/17#x";
    let fragment = only_elements(
        &copy_by_hand(address),
        &["html", "label", "input"],
        &["class", "type", "readonly", "value"],
    );
    let label = select(fragment.root_element(), "label")[0];
    assert_eq!(text(label), "Copy this link: ");
    let input = select(label, "input")[0];
    assert_eq!(input.value().attr("value"), Some(address));
    assert!(input.value().attr("readonly").is_some());
}

#[test]
fn each_chart_caption_and_legend_read_back_as_its_words_and_colours() {
    let mut legends = 0;
    for chart in every_chart(ChartSize::NARROW) {
        let (title_id, summary_id) = chart_caption_ids(&chart);
        let caption = only_elements(
            &chart_caption(&chart),
            &["html", "h3", "p"],
            &["id", "class"],
        );
        let root = caption.root_element();
        let heading = select(root, "h3")[0];
        assert_eq!(text(heading), chart.title);
        assert_eq!(heading.value().attr("id"), Some(title_id.as_str()));
        let summary = select(root, "p.chart-summary")[0];
        assert_eq!(text(summary), chart.summary);
        assert_eq!(summary.value().attr("id"), Some(summary_id.as_str()));

        let legend = only_elements(
            &chart_legend(&chart),
            &["html", "li", "svg", "rect"],
            &["class", "viewBox", "aria-hidden", "width", "height", "fill"],
        );
        let items = select(legend.root_element(), "li");
        assert_eq!(items.len(), chart.legend.len(), "{}", chart.id);
        for (item, entry) in items.into_iter().zip(&chart.legend) {
            assert_eq!(text(item), entry.label);
            assert_eq!(
                select(item, "rect")[0].value().attr("fill"),
                Some(entry.colour.as_str())
            );
            legends += 1;
        }
    }
    assert!(legends > 0, "some chart has a legend");
}

/// A recipient's page, on the hostile data: every name, source and note as
/// typed, nothing of it markup; on the real data, a row per figure.
#[test]
fn a_recipients_page_shows_markup_in_the_data_as_typed() {
    use funding_core::page::recipient_reader;
    use funding_core::recipient::recipient_page;
    for (dataset, id) in [
        (
            load("../tests/fixtures/hostile-data"),
            "img-src-x-onerror-alert-1",
        ),
        (load("../data"), "dudley-mcp"),
    ] {
        let explorer = Explorer::new(&dataset);
        let page = recipient_page(&explorer, id).expect("the organisation");
        let html = recipient_reader(&dataset, &page, &ViewState::default());
        let fragment = only_elements(
            &html,
            &[
                "html", "section", "div", "p", "button", "span", "h2", "h3", "table", "caption",
                "details", "summary", "thead", "tbody", "tr", "th", "td", "ul", "li", "a",
                "strong",
            ],
            &[
                "class",
                "id",
                "type",
                "tabindex",
                "scope",
                "href",
                "aria-labelledby",
                "aria-label",
                "role",
                "data-action",
                OPEN_ATTRIBUTE,
            ],
        );
        let root = fragment.root_element();
        let heading = text(select(root, "h2")[0]);
        assert_eq!(heading, dataset.organisation(id).unwrap().name);
        let rows: usize = page.years.iter().map(|y| y.lines.len()).sum();
        assert_eq!(select(root, ".recipient-grid tbody tr").len(), rows);
    }
}
