//! The HTML the page sets in one step, written here as strings: the list's
//! rows, each facet's checkboxes, the buttons over a chart's bars, the
//! active filters' chips, the totals, the reader's record, the header's
//! counts and a link's notices. One call into the browser for a whole
//! list instead of some fifty for each row. Every text from the data or the
//! search is escaped here, and the only links are the explorer's own and a
//! source's web address.

use crate::charts::Chart;
use crate::explore::{FacetValue, ResultRow};
use crate::listing::summarise_row;
use crate::model::{
    is_web_address, slug, Dataset, FundingRecord, OrganisationKind, Person, RecordKind, Role,
};
use crate::query::Query;
use crate::reader::{evidence_anchor, item_anchor, marked_runs, FigureMark};
use crate::search::{highlight, hit_ranges, record_snippet, Highlighted};
use crate::totals::Totals;
use crate::url_state::{self, ActiveFilter, Notice};
use crate::view::{Facet, SortOrder, ViewState};

/// The attribute on a row's title link that names the record it opens.
pub const OPEN_ATTRIBUTE: &str = "data-open";
/// On a link to an organisation's page: its id.
pub const ABOUT_ATTRIBUTE: &str = "data-about";

/// A link that opens the page of the organisation `id` in the reader. A
/// plain click keeps the page's view (the app reads `ABOUT_ATTRIBUTE`); the
/// address, for a new tab, is `view` with the page in its reader.
pub fn about_link(out: &mut String, view: &ViewState, id: &str, name: &str) {
    let mut linked = view.clone();
    linked.open = None;
    linked.about = Some(id.to_string());
    out.push_str("<a href=\"");
    escape_into(out, &url_state::encode(&linked));
    out.push_str("\" ");
    out.push_str(ABOUT_ATTRIBUTE);
    out.push_str("=\"");
    escape_into(out, id);
    out.push_str("\">");
    escape_into(out, name);
    out.push_str("</a>");
}

/// A link that opens the record `id` in the reader.
pub fn open_link(out: &mut String, view: &ViewState, id: &str, text: &str) {
    out.push_str("<a href=\"");
    escape_into(out, &url_state::encode_opening(view, Some(id)));
    out.push_str("\" ");
    out.push_str(OPEN_ATTRIBUTE);
    out.push_str("=\"");
    escape_into(out, id);
    out.push_str("\">");
    escape_into(out, text);
    out.push_str("</a>");
}

/// `text` as HTML text or a quoted attribute value: markup in it shows as
/// typed and cannot end the attribute, and it reads back exactly.
pub fn escape_into(out: &mut String, text: &str) {
    // Every character escaped is ASCII, so the text between two of them is
    // copied whole (a character at a time was most of writing a chart's
    // buttons).
    let mut from = 0;
    for (at, byte) in text.bytes().enumerate() {
        let reference = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            // The parser turns a raw carriage return into a line feed; as a
            // reference it comes back as written (a code read back from a
            // checkbox's value must be the code).
            b'\r' => "&#13;",
            _ => continue,
        };
        // `get`, not indexing: these are always character boundaries, and
        // indexing's panic message for a bad one was 4 KiB of the wasm.
        out.push_str(text.get(from..at).unwrap_or_default());
        out.push_str(reference);
        from = at + 1;
    }
    out.push_str(text.get(from..).unwrap_or_default());
}

/// `<tag class="class">text</tag>`, the text escaped.
fn element(out: &mut String, tag: &str, class: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    if !class.is_empty() {
        out.push_str(" class=\"");
        out.push_str(class);
        out.push('"');
    }
    out.push('>');
    escape_into(out, text);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// Text with the search words in `<strong class="hit">`.
fn pieces(out: &mut String, pieces: &[Highlighted]) {
    for piece in pieces {
        if piece.hit {
            element(out, "strong", "hit", &piece.text);
        } else {
            escape_into(out, &piece.text);
        }
    }
}

fn fact(out: &mut String, name: &str, value: impl FnOnce(&mut String)) {
    out.push_str("<div><dt>");
    out.push_str(name);
    out.push_str("</dt><dd>");
    value(out);
    out.push_str("</dd></div>");
}

/// The `<li>` of each row: its kind, its title linking to the reader (the
/// link keeps the view, so it also works opened in a new tab), recipients,
/// the passage that matched, the figure as written and in pounds, period,
/// date and source, and notes, the search words marked throughout.
pub fn record_rows(
    dataset: &Dataset,
    rows: &[ResultRow],
    view: &ViewState,
    query: &Query,
) -> String {
    let mut out = String::new();
    for row in rows {
        let (Some(record), Some(summary)) =
            (dataset.records.get(row.record), summarise_row(dataset, row))
        else {
            continue;
        };
        let is_open = view.open.as_deref() == Some(summary.id.as_str());
        out.push_str(if is_open {
            "<li class=\"record is-open\">"
        } else {
            "<li class=\"record\">"
        });
        out.push_str("<div class=\"record-main\">");
        element(
            &mut out,
            "p",
            "record-kind",
            if summary.has_text {
                "Announcement, full text"
            } else {
                "Reported figure"
            },
        );
        out.push_str("<h3 class=\"record-title\"><a href=\"");
        escape_into(
            &mut out,
            &url_state::encode_opening(view, Some(&summary.id)),
        );
        out.push_str("\" ");
        out.push_str(OPEN_ATTRIBUTE);
        out.push_str("=\"");
        escape_into(&mut out, &summary.id);
        out.push('"');
        if is_open {
            out.push_str(" aria-current=\"true\"");
        }
        out.push('>');
        pieces(&mut out, &highlight(&summary.title, query));
        out.push_str("</a></h3>");
        if let Some(recipients) = &summary.recipients {
            element(&mut out, "p", "record-recipients", recipients);
        }
        if let Some(snippet) = record_snippet(record, query, 180) {
            out.push_str("<p class=\"snippet\">");
            pieces(&mut out, &snippet);
            out.push_str("</p>");
        }
        out.push_str("</div><div class=\"record-money\">");
        if let Some(amount) = &summary.amount_as_written {
            element(&mut out, "p", "amount-as-written", amount);
        }
        if let Some(amount) = &summary.amount_in_pounds {
            element(&mut out, "p", "amount-in-pounds", amount);
        }
        if let Some(role) = summary.role {
            element(&mut out, "p", "role-badge", role);
        }
        match summary.other_figures {
            0 => {}
            1 => element(&mut out, "p", "more-figures", "+ 1 more figure"),
            n => element(
                &mut out,
                "p",
                "more-figures",
                &format!("+ {n} more figures"),
            ),
        }
        out.push_str("</div><dl class=\"record-facts\">");
        fact(&mut out, "Period", |out| escape_into(out, &summary.period));
        fact(&mut out, "Published", |out| escape_into(out, &summary.date));
        fact(&mut out, "Source", |out| match &summary.source_url {
            Some(url) => source_link(out, url, &summary.publisher, &summary.publisher),
            None => element(out, "span", "", &summary.publisher),
        });
        out.push_str("</dl>");
        list(&mut out, "", "record-notes", &summary.notes, |out, note| {
            pieces(out, &highlight(note, query))
        });
        out.push_str("</li>");
    }
    out
}

/// The id of a facet value's checkbox (`facet-caremodel-mcp`).
pub fn facet_option_id(facet: Facet, code: &str) -> String {
    format!("facet-{}-{}", facet.id_name(), slug(code))
}

/// A facet's values as labelled checkboxes, in the order given: each with
/// its code as its value, ticked when chosen, and the number of records it
/// would show.
pub fn facet_options<'a>(facet: Facet, values: impl IntoIterator<Item = &'a FacetValue>) -> String {
    let mut out = String::new();
    for value in values {
        let id = facet_option_id(facet, &value.code);
        out.push_str("<li><input type=\"checkbox\" id=\"");
        escape_into(&mut out, &id);
        out.push_str("\" value=\"");
        escape_into(&mut out, &value.code);
        out.push('"');
        if value.selected {
            out.push_str(" checked");
        }
        out.push_str("><label for=\"");
        escape_into(&mut out, &id);
        out.push_str("\">");
        element(&mut out, "span", "facet-label", &value.label);
        out.push_str(" <span class=\"facet-count\">");
        out.push_str(&value.count.to_string());
        out.push_str("<span class=\"visually-hidden\"> records</span></span></label></li>");
    }
    out
}

/// The attribute on a chart's button that gives its place in `Chart::targets`.
pub const TARGET_ATTRIBUTE: &str = "data-target";

/// The smallest button over a bar or dot, in the chart's own units (a thin
/// bar still gets a button one can hit).
const SMALLEST_TARGET: f32 = 8.0;

/// A button over each of the chart's bars and dots, named by its label: an
/// SVG the size of the drawing, laid over it, with each button in a
/// `foreignObject` at its bar's place. The places are SVG attributes, not
/// inline styles, so the page's content security policy (no inline styles)
/// holds, and the buttons scale with the drawing. The SVG itself is no
/// image to a screen reader (`role="none"`): only its buttons are there.
pub fn chart_targets(chart: &Chart) -> String {
    let (width, height) = (chart.size.width, chart.size.height);
    let mut out = format!(
        "<svg class=\"chart-targets\" role=\"none\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    for (n, target) in chart.targets.iter().enumerate() {
        let place = |percent: f32, span: u32| percent * span as f32 / 100.0;
        out.push_str("<foreignObject x=\"");
        push_units(&mut out, place(target.left, width));
        out.push_str("\" y=\"");
        push_units(&mut out, place(target.top, height));
        out.push_str("\" width=\"");
        push_units(&mut out, place(target.width, width).max(SMALLEST_TARGET));
        out.push_str("\" height=\"");
        push_units(&mut out, place(target.height, height).max(SMALLEST_TARGET));
        out.push_str("\"><button type=\"button\" class=\"chart-target\" ");
        out.push_str(TARGET_ATTRIBUTE);
        out.push_str("=\"");
        out.push_str(&n.to_string());
        out.push_str("\" aria-label=\"");
        escape_into(&mut out, &target.label);
        out.push_str("\" title=\"");
        escape_into(&mut out, &target.label);
        out.push_str("\"></button></foreignObject>");
    }
    out.push_str("</svg>");
    out
}

/// A length in the chart's units to a tenth (`12.3`), written with integers:
/// the page then carries no float formatting.
fn push_units(out: &mut String, value: f32) {
    let tenths = (f64::from(value).clamp(-1e9, 1e9) * 10.0).round() as i64;
    if tenths < 0 {
        out.push('-');
    }
    let t = tenths.unsigned_abs();
    out.push_str(&(t / 10).to_string());
    out.push('.');
    out.push_str(&(t % 10).to_string());
}

/// `text` with the search words in `<strong class="hit">`: a heading's
/// contents.
pub fn highlighted(text: &str, query: &Query) -> String {
    let mut out = String::new();
    pieces(&mut out, &highlight(text, query));
    out
}

/// `text` linking to a source's page if its address is a web address;
/// `otherwise` as text if not (a `javascript:` address is never a link).
fn source_link(out: &mut String, url: &str, text: &str, otherwise: &str) {
    if is_web_address(url) {
        out.push_str("<a href=\"");
        escape_into(out, url);
        out.push_str("\" target=\"_blank\" rel=\"noopener noreferrer\">");
        escape_into(out, text);
        out.push_str("</a>");
    } else {
        element(out, "span", "", otherwise);
    }
}

/// The reader's facts about a record (recipient, programme, care model and
/// where it came from), then its figures: each as written and in pounds,
/// its role and period, what it is for, what it is part of, and a link to
/// each passage of the text that states it.
pub fn reader_facts_and_figures(dataset: &Dataset, record: &FundingRecord) -> String {
    let mut out = String::from("<dl class=\"reader-facts\">");
    // Each recipient's name opens its page: every figure held for it.
    fact(&mut out, "Recipient", |out| {
        let recipients = record
            .recipients
            .iter()
            .filter_map(|id| dataset.organisation(id));
        for (n, organisation) in recipients.enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            about_link(
                out,
                &ViewState::default(),
                &organisation.id,
                &organisation.name,
            );
        }
    });
    fact(&mut out, "Programme", |out| {
        escape_into(out, record.programme.name())
    });
    let care_model = match (record.care_model, dataset.effective_care_model(record)) {
        (Some(m), _) => Some((m, "as the text states")),
        (None, Some(m)) => Some((m, "from the vanguard registry")),
        (None, None) => None,
    };
    if let Some((model, whence)) = care_model {
        fact(&mut out, "Care model", |out| {
            escape_into(
                out,
                &format!("{} ({}), {whence}", model.name(), model.code()),
            )
        });
    }
    fact(&mut out, "Published", |out| match record.published_on {
        Some(date) => escape_into(out, &date.readable()),
        None => out.push_str("Not stated"),
    });
    fact(&mut out, "Publisher", |out| {
        escape_into(out, record.publisher.as_deref().unwrap_or("Not stated"))
    });
    if let Some(author) = &record.author {
        fact(&mut out, "Author", |out| escape_into(out, author));
    }
    if !record.places.is_empty() {
        fact(&mut out, "Places", |out| {
            escape_into(out, &record.places.join(", "))
        });
    }
    if let Some(url) = &record.source_url {
        fact(&mut out, "Source", |out| {
            source_link(out, url, "The page that states it", url)
        });
    }
    if let Some(file) = &record.text_file {
        fact(&mut out, "Text file", |out| element(out, "code", "", file));
    }
    out.push_str("</dl><h3>Figures</h3><ol class=\"figure-list\">");
    for (index, item) in record.items.iter().enumerate() {
        out.push_str("<li id=\"");
        out.push_str(&item_anchor(index));
        out.push_str(if item.role == Role::Allocation {
            "\" class=\"figure\">"
        } else {
            "\" class=\"figure is-context\">"
        });
        out.push_str("<p class=\"figure-amount\">");
        element(&mut out, "span", "amount-as-written", &item.stated_as);
        out.push(' ');
        element(&mut out, "span", "amount-in-pounds", &item.amount.full());
        out.push_str("</p><p class=\"figure-meta\">");
        element(&mut out, "span", "role-badge", item.role.name());
        out.push_str(" · ");
        escape_into(
            &mut out,
            &item
                .period_shown()
                .unwrap_or_else(|| "Period not stated".to_string()),
        );
        out.push_str("</p><p class=\"figure-kind\">");
        escape_into(&mut out, &item.kind_shown());
        if let Some(words) = &item.classified_by {
            escape_into(&mut out, &format!(" (the source: “{words}”)"));
        }
        out.push_str("</p>");
        if let Some(purpose) = &item.purpose {
            element(&mut out, "p", "figure-purpose", purpose);
        }
        let whole = item
            .part_of
            .as_ref()
            .and_then(|whole| record.items.iter().find(|i| &i.id == whole));
        if let Some(whole) = whole {
            element(
                &mut out,
                "p",
                "figure-part",
                &format!("Part of the {}", whole.stated_as),
            );
        }
        out.push_str(
            "<p class=\"figure-cite\"><span class=\"cite-label\">Cite this figure: </span>",
        );
        escape_into(&mut out, &crate::cite::citation(dataset, record, item));
        out.push_str("</p>");
        if !item.evidence.is_empty() {
            out.push_str("<p class=\"figure-evidence\">");
            for (evidence, e) in item.evidence.iter().enumerate() {
                out.push_str("<a class=\"evidence-link\" href=\"#");
                out.push_str(&evidence_anchor(FigureMark {
                    item: index,
                    evidence,
                }));
                out.push_str("\">");
                escape_into(&mut out, &format!("“{}” in the text", e.quote));
                out.push_str("</a>");
            }
            out.push_str("</p>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    out
}

/// `<h3>heading</h3><ul class="class">` with an item for each of `items`
/// (nothing if there are none; no heading or class where they are empty).
fn list<T>(
    out: &mut String,
    heading: &str,
    class: &str,
    items: &[T],
    mut item: impl FnMut(&mut String, &T),
) {
    if items.is_empty() {
        return;
    }
    if !heading.is_empty() {
        out.push_str("<h3>");
        out.push_str(heading);
        out.push_str("</h3>");
    }
    if class.is_empty() {
        out.push_str("<ul>");
    } else {
        out.push_str("<ul class=\"");
        out.push_str(class);
        out.push_str("\">");
    }
    for i in items {
        out.push_str("<li>");
        item(out, i);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// The reader's notes, the people the text quotes and the conditions it
/// attaches, each list only where there is one, then the full text's heading
/// for a record that has a text.
pub fn reader_notes(record: &FundingRecord) -> String {
    let mut out = String::new();
    list(
        &mut out,
        "Notes",
        "reader-notes",
        &record.notes,
        |out, n| escape_into(out, n),
    );
    list(&mut out, "People quoted", "people", &record.people, person);
    list(
        &mut out,
        "Conditions attached",
        "conditions",
        &record.conditions,
        |out, c| escape_into(out, c),
    );
    if record.text.is_some() {
        out.push_str("<h3>Full text</h3><p class=\"text-help\">Figures are marked; each links to its entry under Figures. Search words are in bold.</p>");
    }
    out
}

/// A person quoted: their name (or that it is not given), then their role
/// and organisation where stated.
fn person(out: &mut String, p: &Person) {
    element(
        out,
        "strong",
        "",
        p.name.as_deref().unwrap_or("Name not given"),
    );
    for about in [&p.role, &p.organisation].into_iter().flatten() {
        out.push_str(", ");
        escape_into(out, about);
    }
}

/// The record's text, with each figure's words in a `<mark>` that links to
/// its figure (the first piece of each mark carries the evidence's anchor,
/// which the figure links back to) and the search words in bold.
pub fn full_text(record: &FundingRecord, query: &Query) -> String {
    let hits = record
        .text
        .as_deref()
        .map(|t| hit_ranges(t, query))
        .unwrap_or_default();
    let mut out = String::new();
    for run in marked_runs(record, &hits) {
        if let Some(mark) = run.mark {
            out.push_str("<mark");
            if run.starts_mark {
                out.push_str(" id=\"");
                out.push_str(&evidence_anchor(mark));
                out.push('"');
            }
            out.push_str("><a href=\"#");
            out.push_str(&item_anchor(mark.item));
            out.push_str("\">");
        }
        if run.hit {
            element(&mut out, "strong", "hit", &run.text);
        } else {
            escape_into(&mut out, &run.text);
        }
        if run.mark.is_some() {
            out.push_str("</a></mark>");
        }
    }
    out
}

/// The ids of a chart's title and of its summary, which its figure is
/// labelled and described by.
pub fn chart_caption_ids(chart: &Chart) -> (String, String) {
    (
        format!("chart-{}-title", chart.id),
        format!("chart-{}-summary", chart.id),
    )
}

/// A chart's figcaption: its title and the sentence that says what it shows.
pub fn chart_caption(chart: &Chart) -> String {
    let (title_id, summary_id) = chart_caption_ids(chart);
    let mut out = String::from("<h3 id=\"");
    escape_into(&mut out, &title_id);
    out.push_str("\">");
    escape_into(&mut out, &chart.title);
    out.push_str("</h3><p class=\"chart-summary\" id=\"");
    escape_into(&mut out, &summary_id);
    out.push_str("\">");
    escape_into(&mut out, &chart.summary);
    out.push_str("</p>");
    out
}

/// A chart's legend entries: each colour as a small SVG square (an SVG fill,
/// which the content security policy allows where it refuses inline styles)
/// and its label.
pub fn chart_legend(chart: &Chart) -> String {
    let mut out = String::new();
    for entry in &chart.legend {
        out.push_str("<li><svg class=\"swatch\" viewBox=\"0 0 1 1\" aria-hidden=\"true\"><rect width=\"1\" height=\"1\" fill=\"");
        escape_into(&mut out, &entry.colour);
        out.push_str("\"></rect></svg>");
        escape_into(&mut out, &entry.label);
        out.push_str("</li>");
    }
    out
}

/// A chart's numbers as a table: the same rows as its bars or dots.
pub fn chart_table(chart: &Chart) -> String {
    let mut out = String::from("<table class=\"chart-table\"><thead><tr>");
    for header in &chart.table_headers {
        out.push_str("<th scope=\"col\">");
        escape_into(&mut out, header);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for row in &chart.table_rows {
        out.push_str("<tr>");
        for cell in row {
            element(&mut out, "td", "", cell);
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// The view's headline total (a range where sources disagree), the one
/// sentence that says what it adds, a table of it by financial year, each
/// other kind of money's own total, and the figures that are not added into
/// any year, each on its own line.
pub fn totals_summary(dataset: &Dataset, totals: &Totals) -> String {
    let mut out = String::from("<p class=\"total-amount\">");
    escape_into(&mut out, &totals.headline_text());
    let mut notes = Vec::new();
    if totals.by_year.len() > 1 {
        notes.push(format!("over {} financial years", totals.by_year.len()));
    }
    if totals.is_range() {
        notes.push("sources disagree: lowest to highest".to_string());
    }
    if !notes.is_empty() {
        element(
            &mut out,
            "span",
            "total-range-note",
            &format!(" ({})", notes.join("; ")),
        );
    }
    out.push_str("</p>");
    element(&mut out, "p", "total-covers", &totals.headline_sentence());
    if !totals.by_year.is_empty() {
        out.push_str("<table class=\"totals-by-year\"><caption class=\"visually-hidden\">The headline total by financial year</caption><thead><tr><th scope=\"col\">Financial year</th><th scope=\"col\" class=\"num\">Money</th><th scope=\"col\" class=\"num\">Added</th></tr></thead><tbody>");
        for year in &totals.by_year {
            out.push_str("<tr>");
            let name = year.year.map_or(String::new(), |y| y.to_string());
            out.push_str("<th scope=\"row\">");
            escape_into(&mut out, &name);
            out.push_str("</th>");
            element(
                &mut out,
                "td",
                "num",
                &Totals::sum_text(year.low, year.high, year.bound),
            );
            let plural = if year.figures == 1 { "" } else { "s" };
            let mut added = format!("{} figure{plural}", year.figures);
            if year.inferred > 0 {
                added.push_str(&format!(" ({} with the year inferred)", year.inferred));
            }
            element(&mut out, "td", "num", &added);
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
    }
    if !totals.others.is_empty() {
        out.push_str("<h4 class=\"totals-subheading\">Other money for recipients, each kind totalled on its own</h4><ul class=\"totals-others\">");
        for other in &totals.others {
            let years: Vec<String> = other
                .by_year
                .iter()
                .filter_map(|y| {
                    y.year
                        .map(|year| format!("{year}: {}", Totals::sum_text(y.low, y.high, y.bound)))
                })
                .collect();
            out.push_str("<li>");
            element(&mut out, "span", "kind-name", &other.kind.name());
            escape_into(
                &mut out,
                &format!(
                    ": {} ({}; {} figure{})",
                    Totals::sum_text(other.low, other.high, other.bound),
                    years.join(", "),
                    other.figures,
                    if other.figures == 1 { "" } else { "s" }
                ),
            );
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    if !totals.spans.is_empty() {
        out.push_str("<details class=\"totals-spans\"><summary>");
        escape_into(
            &mut out,
            &format!(
                "{} figure{} over several years or with no stated year: not added",
                totals.spans.len(),
                if totals.spans.len() == 1 { "" } else { "s" }
            ),
        );
        out.push_str("</summary><ul>");
        for span in &totals.spans {
            element(&mut out, "li", "", &span.describe(dataset));
        }
        out.push_str("</ul></details>");
    }
    for whole in &totals.overfull {
        element(&mut out, "p", "totals-flag", &whole.describe(dataset));
    }
    out
}

/// Each year's coverage of the national vanguard total: a paragraph with
/// the share, then the vanguards with no figure held.
pub fn coverage(dataset: &Dataset, years: &[crate::coverage::YearCoverage]) -> String {
    let mut out = String::from("<ul class=\"coverage-years\">");
    for year in years {
        out.push_str("<li>");
        element(&mut out, "p", "", &year.sentence(dataset));
        if let Some(missing) = year.missing(dataset) {
            element(&mut out, "p", "coverage-missing", &missing);
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}

/// Every disagreement between sources across the dataset, a sentence each.
pub fn dataset_disagreements(lines: &[String]) -> String {
    let mut out = String::new();
    list(&mut out, "", "disagreements-across", lines, |out, line| {
        escape_into(out, line)
    });
    out
}

/// What the total includes, then each place where sources disagree: the
/// recipients, the year and each figure with its source.
pub fn totals_explained(dataset: &Dataset, totals: &Totals) -> String {
    let mut out = String::new();
    list(&mut out, "", "", &totals.explanation(), |out, line| {
        escape_into(out, line)
    });
    if totals.disagreement_count() > 0 {
        out.push_str("<p>Where sources disagree:</p>");
        list(
            &mut out,
            "",
            "disagreements",
            &totals.disagreements(dataset),
            |out, d| {
                let figures: Vec<String> = d
                    .figures
                    .iter()
                    .map(|f| format!("{} ({})", f.stated_as(dataset), f.source(dataset)))
                    .collect();
                escape_into(
                    out,
                    &format!(
                        "{}, {}: {}",
                        d.recipients(dataset),
                        d.year,
                        figures.join(" or ")
                    ),
                );
            },
        );
    }
    out
}

/// The attribute on the buttons of a view with no records that names what
/// each clears: [`CLEAR_FILTERS`] or [`CLEAR_SEARCH`].
pub const CLEAR_ATTRIBUTE: &str = "data-clear";
pub const CLEAR_FILTERS: &str = "filters";
pub const CLEAR_SEARCH: &str = "search";

/// Says that nothing matched `query` (trimmed; empty when there is no
/// search) with the filters, and offers to undo what excludes everything:
/// clearing the filters, only when that would show records (the search
/// alone finds `without_filters`), and clearing the search.
pub fn nothing_found(query: &str, without_filters: usize, no_figure_held: bool) -> String {
    let mut out = String::from("<p>");
    if no_figure_held {
        out.push_str("No figure is held for what you asked for: the organisations it names are listed below.");
    } else if query.is_empty() {
        out.push_str("No record matches these filters.");
    } else {
        out.push_str("Nothing matches “");
        escape_into(&mut out, query);
        out.push_str("” with these filters.");
    }
    out.push_str("</p><p class=\"nothing-found-actions\">");
    if without_filters > 0 {
        let records = match without_filters {
            1 => "the 1 record that matches".to_string(),
            n => format!("the {n} records that match"),
        };
        out.push_str(&format!(
            "<button type=\"button\" {CLEAR_ATTRIBUTE}=\"{CLEAR_FILTERS}\">Clear the filters to see {records}</button>"
        ));
    }
    if !query.is_empty() {
        out.push_str(&format!(
            "<button type=\"button\" class=\"quiet\" {CLEAR_ATTRIBUTE}=\"{CLEAR_SEARCH}\">Clear the search</button>"
        ));
    }
    out.push_str("</p>");
    out
}

/// The organisations a view asks for that no figure is held for: each with
/// what the data knows of it, so that none is left unfound.
pub fn no_figure_held(dataset: &Dataset, organisations: &[usize]) -> String {
    let mut out = String::new();
    if organisations.is_empty() {
        return out;
    }
    out.push_str("<h3>No figure held</h3><p>");
    escape_into(
        &mut out,
        &format!(
            "The data knows {} that your search or filters name, but holds no figure for {}:",
            if organisations.len() == 1 {
                "an organisation".to_string()
            } else {
                format!("{} organisations", organisations.len())
            },
            if organisations.len() == 1 {
                "it"
            } else {
                "them"
            }
        ),
    );
    out.push_str("</p><ul>");
    for o in organisations
        .iter()
        .filter_map(|o| dataset.organisations.get(*o))
    {
        let about = o.facts();
        out.push_str("<li><strong>");
        about_link(&mut out, &ViewState::default(), &o.id, &o.name);
        out.push_str("</strong>");
        escape_into(
            &mut out,
            &format!(": {}. No figure held.", about.join(", ")),
        );
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}

/// The attribute on a chip's button that gives its place in the list of
/// active filters.
pub const CHIP_ATTRIBUTE: &str = "data-chip";

/// A button for each active filter (and the search), named for screen
/// readers as removing it.
pub fn filter_chips(chips: &[ActiveFilter]) -> String {
    let mut out = String::new();
    for (n, chip) in chips.iter().enumerate() {
        out.push_str("<li><button type=\"button\" class=\"chip\" ");
        out.push_str(CHIP_ATTRIBUTE);
        out.push_str("=\"");
        out.push_str(&n.to_string());
        out.push_str("\"><span class=\"visually-hidden\">Remove </span>");
        escape_into(&mut out, &chip.text);
        out.push_str("<span class=\"chip-x\" aria-hidden=\"true\"> ×</span></button></li>");
    }
    out
}

/// What the explorer holds, as the items of the header's list of counts.
pub fn dataset_counts(dataset: &Dataset) -> String {
    let reported = dataset
        .records
        .iter()
        .filter(|r| r.kind == RecordKind::ReportedFigure)
        .count();
    let vanguards = dataset
        .organisations
        .iter()
        .filter(|o| o.kind == OrganisationKind::Vanguard)
        .count();
    let mut out = String::new();
    for (count, what) in [
        (
            dataset.announcements().count(),
            " announcements in full text".to_string(),
        ),
        (
            reported,
            " figures reported on other public pages".to_string(),
        ),
        (
            dataset.funding_item_count(),
            " funding figures in all".to_string(),
        ),
        (
            dataset.organisations.len(),
            format!(" organisations, {vanguards} of them vanguards"),
        ),
    ] {
        out.push_str("<li><strong>");
        out.push_str(&count.to_string());
        out.push_str("</strong>");
        escape_into(&mut out, &what);
        out.push_str("</li>");
    }
    out
}

/// What "Copy link" says when the clipboard refused: the address, in a field
/// ready to select and copy by hand.
pub fn copy_by_hand(address: &str) -> String {
    let mut out = String::from(
        "<label class=\"copy-fallback\">Copy this link: <input type=\"text\" readonly value=\"",
    );
    escape_into(&mut out, address);
    out.push_str("\"></label>");
    out
}

/// The sort orders as a select's options (which one is chosen, the page sets
/// as the select's value).
pub fn sort_options() -> String {
    let mut out = String::new();
    for order in SortOrder::ALL {
        out.push_str("<option value=\"");
        out.push_str(order.code());
        out.push_str("\">");
        escape_into(&mut out, order.label());
        out.push_str("</option>");
    }
    out
}

/// What a link's ignored parts were, and why, as list items.
pub fn link_notices(notices: &[Notice]) -> String {
    let mut out = String::new();
    for notice in notices {
        element(&mut out, "li", "", &notice.to_string());
    }
    out
}
