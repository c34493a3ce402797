//! What each part of the explorer page shows, as plain data and words: the
//! short texts (how many records, what "Filters" and "Show more" say), the
//! facet values a long list shows, the totals' lines, what "nothing
//! matches" offers, the organisations with no figure held, the header's
//! counts, and the reader's facts and figures. The app's Leptos components
//! lay these out; nothing here is markup, and nothing here knows the DOM.

use crate::cite::citation;
use crate::explore::FacetValue;
use crate::model::{slug, Dataset, FundingRecord, OrganisationKind, RecordKind, Role};
use crate::reader::{evidence_anchor, item_anchor, FigureMark};
use crate::totals::{MoneyKind, Totals};
use crate::view::{Facet, ViewState};

/// The charts of the view, in the order the page shows them, by id; the
/// reader's breakdown comes after the view's three, and the comparison of
/// chosen recipients last.
pub const CHARTS: [&str; 5] = [
    "by-year",
    "by-recipient",
    "timeline",
    "breakdown",
    "comparison",
];

/// Rows shown at first and added by "Show more": a screen or two (a row is
/// about 170 px high at desktop width).
pub const PAGE_ROWS: usize = 10;

/// How many values a long facet shows before "Show all".
pub const SHORT_LIST: usize = 10;

/// A facet that can hold hundreds of values (recipients, publishers): it
/// shows the ten with most records until asked for all.
pub fn is_long(facet: Facet) -> bool {
    matches!(facet, Facet::Recipient | Facet::Publisher)
}

/// What the copy link's status says once the address is on the clipboard.
pub const LINK_COPIED: &str = "Link copied";

/// What a download button says when the browser refused the download.
pub const DOWNLOAD_REFUSED: &str = "The browser did not allow the download.";

/// The id of a facet value's checkbox (`facet-caremodel-mcp`).
pub fn facet_option_id(facet: Facet, code: &str) -> String {
    format!("facet-{}-{}", facet.id_name(), slug(code))
}

/// The id of a chart's figure's place (`chart-by-year`).
pub fn chart_place_id(chart: &str) -> String {
    format!("chart-{chart}")
}

/// The "Filters" button's words, with how many filters are chosen.
pub fn filters_label(view: &ViewState) -> String {
    let chosen = view.filters.values().map(|s| s.len()).sum::<usize>()
        + usize::from(view.min_amount.is_some())
        + usize::from(view.max_amount.is_some());
    if chosen == 0 {
        "Filters".to_string()
    } else {
        format!("Filters ({chosen})")
    }
}

/// What the amount field says when it cannot read what was typed.
pub fn amount_error(typed: &str) -> String {
    format!(
        "“{}” is not an amount: write it like 4.5m, 450k or 1200000.",
        typed.trim()
    )
}

/// How many records the view shows.
pub fn records_counted(count: usize) -> String {
    match count {
        0 => "No records match".to_string(),
        1 => "1 record".to_string(),
        n => format!("{n} records"),
    }
}

/// What "Show more" says when `shown` of `count` rows are listed; None when
/// every row is.
pub fn show_more_label(count: usize, shown: usize) -> Option<String> {
    let left = count.checked_sub(shown).filter(|left| *left > 0)?;
    Some(format!("Show {} more of {left}", left.min(PAGE_ROWS)))
}

/// The values of a facet the page shows, in order: every value, or for a
/// long facet not `all` shown, the [`SHORT_LIST`] with most records (ties in
/// the facet's own order, A to Z) and every chosen one.
pub fn shown_facet_values(facet: Facet, values: &[FacetValue], all: bool) -> Vec<&FacetValue> {
    if all || !is_long(facet) || values.len() <= SHORT_LIST {
        return values.iter().collect();
    }
    let mut by_count: Vec<usize> = (0..values.len()).collect();
    crate::order::sort_by_key(&mut by_count, |&i| std::cmp::Reverse(values[i].count));
    by_count
        .into_iter()
        .enumerate()
        .filter(|(rank, i)| *rank < SHORT_LIST || values[*i].selected)
        .map(|(_, i)| &values[i])
        .collect()
}

/// What a long facet's button between its ten values and all `total` of
/// them says; None for a facet that is not long or has no more to show.
pub fn facet_more_label(facet: Facet, all: bool, total: usize) -> Option<String> {
    if !is_long(facet) || total <= SHORT_LIST {
        return None;
    }
    Some(if all {
        format!("Show the {SHORT_LIST} with most records")
    } else {
        format!(
            "Show all {total} {}s, A to Z",
            facet.title().to_ascii_lowercase()
        )
    })
}

/// What the page says when the view has no records, and the ways out it
/// offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NothingFound {
    pub message: String,
    /// "Clear the filters to see …", offered only when the search alone
    /// finds records.
    pub clear_filters: Option<String>,
    /// Whether "Clear the search" is offered (there is a search).
    pub clear_search: bool,
}

/// Says that nothing matched `query` (trimmed; empty when there is no
/// search) with the filters: clearing the filters is offered only when the
/// search alone finds records (`without_filters`), clearing the search only
/// when there is one.
pub fn nothing_found(query: &str, without_filters: usize, no_figure_held: bool) -> NothingFound {
    let message = if no_figure_held {
        "No figure is held for what you asked for: the organisations it names are listed below."
            .to_string()
    } else if query.is_empty() {
        "No record matches these filters.".to_string()
    } else {
        format!("Nothing matches “{query}” with these filters.")
    };
    let clear_filters = match without_filters {
        0 => None,
        1 => Some("Clear the filters to see the 1 record that matches".to_string()),
        n => Some(format!(
            "Clear the filters to see the {n} records that match"
        )),
    };
    NothingFound {
        message,
        clear_filters,
        clear_search: !query.is_empty(),
    }
}

/// An organisation the data knows, with what it knows of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationLine {
    pub id: String,
    pub name: String,
    /// `Vanguard, Multispecialty community provider (MCP), chosen 10 March 2015. No figure held.`
    pub facts: String,
}

/// The organisations a view asks for that no figure is held for, so that
/// none is left unfound: a sentence, then each organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoFigureHeld {
    pub intro: String,
    pub organisations: Vec<OrganisationLine>,
}

/// [`NoFigureHeld`] for the organisations at `positions` in
/// `dataset.organisations`; None when there are none.
pub fn no_figure_held(dataset: &Dataset, positions: &[usize]) -> Option<NoFigureHeld> {
    let organisations: Vec<OrganisationLine> = positions
        .iter()
        .filter_map(|o| dataset.organisations.get(*o))
        .map(|o| OrganisationLine {
            id: o.id.clone(),
            name: o.name.clone(),
            facts: format!("{}. No figure held.", o.facts().join(", ")),
        })
        .collect();
    if organisations.is_empty() {
        return None;
    }
    let (what, pronoun) = if organisations.len() == 1 {
        ("an organisation".to_string(), "it")
    } else {
        (format!("{} organisations", organisations.len()), "them")
    };
    Some(NoFigureHeld {
        intro: format!(
            "The data knows {what} that your search or filters name, but holds no figure for {pronoun}:"
        ),
        organisations,
    })
}

/// What the explorer holds, for the header: each count and what it counts.
pub fn dataset_counts(dataset: &Dataset) -> Vec<(usize, String)> {
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
    vec![
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
    ]
}

/// One financial year's row of the headline total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalsYearRow {
    pub year: String,
    pub money: String,
    /// `3 figures (1 with the year inferred)`.
    pub added: String,
}

/// The view's totals as the page words them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalsSummary {
    /// The headline: an amount or a range.
    pub headline: String,
    /// ` (over 3 financial years; sources disagree: lowest to highest)`, or empty.
    pub headline_note: String,
    /// The one sentence that says what the headline adds.
    pub covers: String,
    pub by_year: Vec<TotalsYearRow>,
    /// Each other kind of money: its name, then its own total and years.
    pub others: Vec<(String, String)>,
    /// `2 figures over several years or with no stated year: not added`, or
    /// empty when there are none; then each of them.
    pub spans_heading: String,
    pub spans: Vec<String>,
    /// Parts that add to more than their whole, a sentence each.
    pub flags: Vec<String>,
}

/// What a total says when it adds money from texts added in this browser.
pub const YOURS_ADDED: &str =
    "includes money from texts you added in this browser, not in the published data";

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The view's headline total (a range where sources disagree), the one
/// sentence that says what it adds, the total by financial year, each other
/// kind of money's own total, and the figures not added into any year.
pub fn totals_summary(dataset: &Dataset, totals: &Totals) -> TotalsSummary {
    let mut notes = Vec::new();
    if totals.by_year.len() > 1 {
        notes.push(format!("over {} financial years", totals.by_year.len()));
    }
    if totals.is_range() {
        notes.push("sources disagree: lowest to highest".to_string());
    }
    // Money from texts the person added in this browser is said wherever it
    // is added, so a total quoted is never taken for the published data's.
    let yours_in = |kind: Option<MoneyKind>| kind.is_some_and(|k| totals.rests_on_yours(k));
    if yours_in(totals.headline) {
        notes.push(YOURS_ADDED.to_string());
    }
    let headline_note = if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join("; "))
    };
    let by_year = totals
        .by_year
        .iter()
        .map(|year| {
            let mut added = format!("{} figure{}", year.figures, plural(year.figures));
            if year.inferred > 0 {
                added.push_str(&format!(" ({} with the year inferred)", year.inferred));
            }
            TotalsYearRow {
                year: year.year.map_or(String::new(), |y| y.to_string()),
                money: Totals::sum_text(year.low, year.high, year.bound),
                added,
            }
        })
        .collect();
    let others = totals
        .others
        .iter()
        .map(|other| {
            let years: Vec<String> = other
                .by_year
                .iter()
                .filter_map(|y| {
                    y.year
                        .map(|year| format!("{year}: {}", Totals::sum_text(y.low, y.high, y.bound)))
                })
                .collect();
            (
                other.kind.name(),
                format!(
                    ": {} ({}; {} figure{}{})",
                    Totals::sum_text(other.low, other.high, other.bound),
                    years.join(", "),
                    other.figures,
                    plural(other.figures),
                    if yours_in(Some(other.kind)) {
                        format!("; {YOURS_ADDED}")
                    } else {
                        String::new()
                    }
                ),
            )
        })
        .collect();
    let spans_heading = if totals.spans.is_empty() {
        String::new()
    } else {
        format!(
            "{} figure{} over several years or with no stated year: not added",
            totals.spans.len(),
            plural(totals.spans.len())
        )
    };
    TotalsSummary {
        headline: totals.headline_text(),
        headline_note,
        covers: totals.headline_sentence(),
        by_year,
        others,
        spans_heading,
        spans: totals.spans.iter().map(|s| s.describe(dataset)).collect(),
        flags: totals
            .overfull
            .iter()
            .map(|w| w.describe(dataset))
            .collect(),
    }
}

/// What the total includes, a line each, then each place where sources
/// disagree: the recipients, the year and each figure with its source.
pub fn totals_explained(dataset: &Dataset, totals: &Totals) -> (Vec<String>, Vec<String>) {
    let disagreements = if totals.disagreement_count() > 0 {
        totals
            .disagreements(dataset)
            .iter()
            .map(|d| d.sentence(dataset))
            .collect()
    } else {
        Vec::new()
    };
    (totals.explanation(), disagreements)
}

/// What a fact of the reader says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactValue {
    Text(String),
    /// Organisations, each opening its own page: (id, name).
    Organisations(Vec<(String, String)>),
    /// A link to a web page, with its words.
    Link {
        url: String,
        text: String,
    },
    /// A file name, shown as code.
    Code(String),
}

/// A fact of the reader: its name and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderFact {
    pub name: &'static str,
    pub value: FactValue,
}

/// The reader's facts about a record: recipients (each opening its page),
/// programme, care model and where it came from. A source address that is
/// not a web address is text, never a link.
pub fn reader_facts(dataset: &Dataset, record: &FundingRecord) -> Vec<ReaderFact> {
    let text = |name, value: String| ReaderFact {
        name,
        value: FactValue::Text(value),
    };
    let mut facts = vec![
        ReaderFact {
            name: "Recipient",
            value: FactValue::Organisations(
                record
                    .recipients
                    .iter()
                    .filter_map(|id| dataset.organisation(id))
                    .map(|o| (o.id.clone(), o.name.clone()))
                    .collect(),
            ),
        },
        text("Programme", record.programme.name().to_string()),
    ];
    let care_model = match (record.care_model, dataset.effective_care_model(record)) {
        (Some(m), _) => Some((m, "as the text states")),
        (None, Some(m)) => Some((m, "from the vanguard registry")),
        (None, None) => None,
    };
    if let Some((model, whence)) = care_model {
        facts.push(text(
            "Care model",
            format!("{} ({}), {whence}", model.name(), model.code()),
        ));
    }
    facts.push(text(
        "Published",
        record
            .published_on
            .map_or_else(|| "Not stated".to_string(), |d| d.readable()),
    ));
    facts.push(text(
        "Publisher",
        record
            .publisher
            .clone()
            .unwrap_or_else(|| "Not stated".to_string()),
    ));
    if let Some(author) = &record.author {
        facts.push(text("Author", author.clone()));
    }
    if !record.places.is_empty() {
        facts.push(text("Places", record.places.join(", ")));
    }
    if let Some(url) = &record.source_url {
        facts.push(ReaderFact {
            name: "Source",
            value: if crate::model::is_web_address(url) {
                FactValue::Link {
                    url: url.clone(),
                    text: "The page that states it".to_string(),
                }
            } else {
                FactValue::Text(url.clone())
            },
        });
    }
    if let Some(file) = &record.text_file {
        facts.push(ReaderFact {
            name: "Text file",
            value: FactValue::Code(file.clone()),
        });
    }
    facts
}

/// One figure of the reader, as it lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureEntry {
    /// The figure's anchor (`figure-2`), which its marks in the text link to.
    pub anchor: String,
    /// Money for a recipient; anything else (a programme total, context) is
    /// shown quieter.
    pub is_allocation: bool,
    pub stated_as: String,
    pub in_pounds: String,
    pub role: &'static str,
    /// `2017/18`, or `Period not stated`.
    pub period: String,
    /// The fund and type of money, with the source's words for them.
    pub kind: String,
    pub purpose: Option<String>,
    /// `Part of the £80m`.
    pub part_of: Option<String>,
    pub citation: String,
    /// Each passage that states it: the anchor of its mark in the text, and
    /// the link's words.
    pub evidence: Vec<(String, String)>,
}

/// The record's figures as the reader lists them.
pub fn figure_entries(dataset: &Dataset, record: &FundingRecord) -> Vec<FigureEntry> {
    record
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let mut kind = item.kind_shown();
            if let Some(words) = &item.classified_by {
                kind.push_str(&format!(" (the source: “{words}”)"));
            }
            let part_of = item
                .part_of
                .as_ref()
                .and_then(|whole| record.items.iter().find(|i| &i.id == whole))
                .map(|whole| format!("Part of the {}", whole.stated_as));
            FigureEntry {
                anchor: item_anchor(index),
                is_allocation: item.role == Role::Allocation,
                stated_as: item.stated_as.clone(),
                in_pounds: item.amount.full(),
                role: item.role.name(),
                period: item
                    .period_shown()
                    .unwrap_or_else(|| "Period not stated".to_string()),
                kind,
                purpose: item.purpose.clone(),
                part_of,
                citation: citation(dataset, record, item),
                evidence: item
                    .evidence
                    .iter()
                    .enumerate()
                    .map(|(evidence, e)| {
                        (
                            evidence_anchor(FigureMark {
                                item: index,
                                evidence,
                            }),
                            format!("“{}” in the text", e.quote),
                        )
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A person the text quotes: their name (or that it is not given), then
/// their role and organisation where stated.
pub fn person_line(person: &crate::model::Person) -> (String, String) {
    let mut about = String::new();
    for part in [&person.role, &person.organisation].into_iter().flatten() {
        about.push_str(", ");
        about.push_str(part);
    }
    (
        person
            .name
            .clone()
            .unwrap_or_else(|| "Name not given".to_string()),
        about,
    )
}

/// What the page says of an organisation at the top of its page: its kind,
/// care model, when chosen, places and other names.
pub fn organisation_about(organisation: &crate::model::Organisation) -> String {
    let mut about = organisation.facts();
    if !organisation.places.is_empty() {
        about.push(format!("covering {}", organisation.places.join(", ")));
    }
    if !organisation.aliases.is_empty() {
        about.push(format!("also called {}", organisation.aliases.join(", ")));
    }
    format!("{}.", about.join("; "))
}

/// An active filter as a person reads it on a chip, with the view it leaves
/// when removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveFilter {
    pub text: String,
    pub without: ViewState,
}

/// Every active filter (and the search), each with the view without it.
pub fn active_filters(view: &ViewState, explorer: &crate::explore::Explorer) -> Vec<ActiveFilter> {
    let mut chips = Vec::new();
    if !view.query.trim().is_empty() {
        chips.push(ActiveFilter {
            text: format!("Search: {}", crate::url_state::shorten(view.query.trim())),
            without: ViewState {
                query: String::new(),
                ..view.clone()
            },
        });
    }
    for (facet, codes) in &view.filters {
        for code in codes {
            let mut without = view.clone();
            without.toggle(*facet, code);
            chips.push(ActiveFilter {
                text: format!(
                    "{}: {}",
                    facet.title(),
                    crate::facets::label(explorer.dataset, *facet, code)
                ),
                without,
            });
        }
    }
    if let Some(min) = view.min_amount {
        chips.push(ActiveFilter {
            text: format!("At least {}", min.compact()),
            without: ViewState {
                min_amount: None,
                ..view.clone()
            },
        });
    }
    if let Some(max) = view.max_amount {
        chips.push(ActiveFilter {
            text: format!("At most {}", max.compact()),
            without: ViewState {
                max_amount: None,
                ..view.clone()
            },
        });
    }
    chips
}
