//! Exports: the one CSV writer; the flat table of funding items with data
//! codes that the command-line `export` writes; and the page's downloads of
//! a view (a CSV named as the page names things, JSON, 360Giving JSON).

use crate::model::{Dataset, FundingItem, FundingRecord};

/// One CSV field, quoted when it must be (RFC 4180).
fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// Writes rows as CSV, lines ending in CRLF as RFC 4180 asks.
pub fn write_csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let line = |fields: Vec<String>| fields.join(",") + "\r\n";
    out.push_str(&line(header.iter().map(|h| csv_field(h)).collect()));
    for row in rows {
        out.push_str(&line(row.iter().map(|f| csv_field(f)).collect()));
    }
    out
}

pub const ITEM_COLUMNS: [&str; 24] = [
    "record_id",
    "record_kind",
    "title",
    "recipients",
    "programme",
    "care_model",
    "published_on",
    "publisher",
    "source_url",
    "text_file",
    "item_id",
    "role",
    "amount_gbp",
    "stated_as",
    "qualifier",
    "period",
    "period_inferred",
    "stream",
    "money_type",
    "classified_by",
    "purpose",
    "part_of",
    "evidence",
    "notes",
];

fn item_row(dataset: &Dataset, record: &FundingRecord, item: Option<&FundingItem>) -> Vec<String> {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let kind = record.kind.code();
    let mut row = vec![
        record.id.clone(),
        kind.to_string(),
        opt(&record.title),
        dataset.recipient_names(record).join("; "),
        record.programme.code().to_string(),
        dataset
            .effective_care_model(record)
            .map(|m| m.code().to_string())
            .unwrap_or_default(),
        record
            .published_on
            .map(|d| d.to_string())
            .unwrap_or_default(),
        opt(&record.publisher),
        opt(&record.source_url),
        opt(&record.text_file),
    ];
    match item {
        Some(item) => row.extend([
            item.id.clone(),
            item.role.code().to_string(),
            item.amount.pounds().to_string(),
            item.stated_as.clone(),
            item.qualifier
                .map(|q| q.label().to_string())
                .unwrap_or_default(),
            item.period.stated().unwrap_or_default(),
            opt(&item.period_inferred),
            item.stream.code().to_string(),
            item.money_type.code().to_string(),
            opt(&item.classified_by),
            opt(&item.purpose),
            opt(&item.part_of),
            item.evidence
                .iter()
                .map(|e| format!("{}..{}", e.start, e.end))
                .collect::<Vec<_>>()
                .join(" "),
        ]),
        None => row.extend(std::iter::repeat_n(String::new(), 13)),
    }
    row.push(record.notes.join(" | "));
    row
}

/// The dataset as CSV: one row per funding item, and one for a record with none.
pub fn dataset_csv(dataset: &Dataset) -> String {
    let mut rows = Vec::new();
    for record in &dataset.records {
        if record.items.is_empty() {
            rows.push(item_row(dataset, record, None));
        }
        for item in &record.items {
            rows.push(item_row(dataset, record, Some(item)));
        }
    }
    write_csv(&ITEM_COLUMNS, &rows)
}

/// The downloads of a view the page offers, each with its button, file and
/// writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewDownload {
    Csv,
    Json,
    Giving360,
}

impl ViewDownload {
    pub const ALL: [ViewDownload; 3] = [
        ViewDownload::Csv,
        ViewDownload::Json,
        ViewDownload::Giving360,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ViewDownload::Csv => "csv",
            ViewDownload::Json => "json",
            ViewDownload::Giving360 => "360giving",
        }
    }

    pub fn from_code(code: &str) -> Option<ViewDownload> {
        ViewDownload::ALL.into_iter().find(|d| d.code() == code)
    }

    /// What its button says.
    pub fn button(self) -> &'static str {
        match self {
            ViewDownload::Csv => "CSV",
            ViewDownload::Json => "JSON",
            ViewDownload::Giving360 => "360Giving JSON",
        }
    }

    /// The file's name, saying what view it holds:
    /// `funding-2016-17-mcp.csv`, `funding-all.json`.
    pub fn file_name(self, view: &crate::view::ViewState) -> String {
        let mut parts: Vec<String> = Vec::new();
        for facet in crate::view::Facet::ALL {
            for code in view.selected(facet).into_iter().flatten() {
                parts.push(crate::model::slug(code));
            }
        }
        let query = crate::model::slug(&view.query);
        if !query.is_empty() {
            parts.push(query);
        }
        let mut name = parts.join("-");
        if name.is_empty() {
            name.push_str("all");
        }
        // Long views are cut at a hyphen, to keep the name a file name.
        if name.len() > 60 {
            let cut = name[..60].rfind('-').unwrap_or(60);
            name.truncate(cut);
        }
        match self {
            ViewDownload::Csv => format!("funding-{name}.csv"),
            ViewDownload::Json => format!("funding-{name}.json"),
            ViewDownload::Giving360 => format!("funding-{name}-360giving.json"),
        }
    }

    pub fn mime_type(self) -> &'static str {
        match self {
            ViewDownload::Csv => "text/csv;charset=utf-8",
            _ => "application/json",
        }
    }

    /// The file's contents for the view's rows, or why there is no file,
    /// and anything the page should say beside the download.
    pub fn write(
        self,
        explorer: &crate::explore::Explorer,
        rows: &[crate::explore::ResultRow],
    ) -> (Option<String>, Option<String>) {
        let dataset = explorer.dataset;
        match self {
            ViewDownload::Csv => (Some(view_csv(explorer, rows)), None),
            ViewDownload::Json => (Some(view_json(dataset, rows)), None),
            ViewDownload::Giving360 => {
                let giving = giving360(dataset, rows);
                let message = giving.message();
                (giving.json, Some(message))
            }
        }
    }
}

/// The byte-order mark that tells spreadsheet programs a CSV is UTF-8 (so
/// that Excel shows "£", not "Â£").
pub const UTF8_BOM: char = '\u{feff}';

/// The columns of the view's CSV, named as the page names them.
pub const VIEW_COLUMNS: [&str; 26] = [
    "Recipients",
    "Title",
    "Kind of figure",
    "Amount (£)",
    "As stated",
    "Qualifier",
    "Financial year or period",
    "Period inferred because",
    "Fund",
    "Revenue or capital",
    "Fund and type rest on the words",
    "Purpose",
    "Part of",
    "Evidence: the source's words",
    "Source address",
    "Publisher",
    "Published",
    "Programme",
    "Care model",
    "Counted in",
    "Counted in the low end of its total (£)",
    "Counted in the high end of its total (£)",
    "Counting note",
    "Notes",
    "Record id",
    "Figure id",
];

/// The figures of a view (each row of the results with the figures that
/// passed its filters) as CSV, one row per figure in the view's order, with
/// what the page's totals did with each: the figures counted in a total add
/// up to it (the low and high columns to the two ends of a range).
pub fn view_csv(explorer: &crate::explore::Explorer, rows: &[crate::explore::ResultRow]) -> String {
    let dataset = explorer.dataset;
    let (totals, accounts) = explorer.accounts(rows);
    let account_of: rustc_hash::FxHashMap<(usize, usize), &crate::totals::ItemAccount> = accounts
        .iter()
        .map(|a| ((a.item.record, a.item.item), a))
        .collect();
    let not_stated = || "Not stated".to_string();
    let mut out = Vec::new();
    for row in rows {
        let Some(record) = dataset.records.get(row.record) else {
            continue;
        };
        for &i in &row.items {
            let Some(item) = record.items.get(i) else {
                continue;
            };
            let account = account_of.get(&(row.record, i));
            let counted_in = match account {
                Some(a) if a.in_low || a.in_high => {
                    if Some(a.kind) == totals.headline {
                        format!("The headline total: {}", a.kind.name())
                    } else {
                        a.kind.name()
                    }
                }
                _ => "Not counted".to_string(),
            };
            let pounds = |counted: bool| {
                if counted {
                    item.amount.pounds().to_string()
                } else {
                    String::new()
                }
            };
            let whole = item.part_of.as_deref().and_then(|w| {
                dataset
                    .records
                    .iter()
                    .flat_map(|r| r.items.iter())
                    .find(|i| i.id == w)
                    .map(|w| format!("the {}", w.stated_as))
            });
            let evidence = if item.evidence.is_empty() {
                "No text held: see the source address".to_string()
            } else {
                item.evidence
                    .iter()
                    .map(|e| format!("“{}”", e.quote))
                    .collect::<Vec<_>>()
                    .join(" … ")
            };
            out.push(vec![
                dataset.recipient_names(record).join("; "),
                record.display_title(dataset),
                item.role.name().to_string(),
                item.amount.pounds().to_string(),
                item.stated_as.clone(),
                item.qualifier
                    .map(|q| q.label().to_string())
                    .unwrap_or_default(),
                item.period.stated().unwrap_or_else(not_stated),
                item.period_inferred.clone().unwrap_or_default(),
                item.stream.name().to_string(),
                item.money_type.name().to_string(),
                item.classified_by.clone().unwrap_or_default(),
                item.purpose.clone().unwrap_or_default(),
                whole.unwrap_or_default(),
                evidence,
                record.source_url.clone().unwrap_or_default(),
                record.publisher.clone().unwrap_or_else(not_stated),
                record
                    .published_on
                    .map(|d| d.readable())
                    .unwrap_or_else(not_stated),
                record.programme.name().to_string(),
                dataset
                    .effective_care_model(record)
                    .map(|m| m.name().to_string())
                    .unwrap_or_default(),
                counted_in,
                pounds(account.is_some_and(|a| a.in_low)),
                pounds(account.is_some_and(|a| a.in_high)),
                account.map(|a| a.reason.text()).unwrap_or_default(),
                record.notes.join(" | "),
                record.id.clone(),
                item.id.clone(),
            ]);
        }
    }
    let mut csv = String::from(UTF8_BOM);
    csv.push_str(&write_csv(&VIEW_COLUMNS, &out));
    csv
}

/// The records of a view as JSON: each record as the dataset has it, with only
/// the funding items that passed the filters. The same fields and names as the
/// dataset's JSON (`announcements export --format json`), written here by hand
/// so that the page carries no JSON library (a test holds the two equal).
pub fn view_json(dataset: &Dataset, rows: &[crate::explore::ResultRow]) -> String {
    let records: Vec<String> = rows
        .iter()
        .filter_map(|row| {
            let record = dataset.records.get(row.record)?;
            let items = row.items.iter().filter_map(|&i| record.items.get(i));
            Some(record_json(record, items))
        })
        .collect();
    format!("[\n{}\n]\n", records.join(",\n"))
}

fn record_json<'a>(r: &FundingRecord, items: impl Iterator<Item = &'a FundingItem>) -> String {
    let date = |d: Option<crate::calendar::PartialDate>| {
        d.map_or("null".into(), |d| json_string(&d.to_string()))
    };
    let people = r.people.iter().map(|p| {
        json_object(&[
            ("name", json_optional(p.name.as_deref())),
            ("role", json_optional(p.role.as_deref())),
            ("organisation", json_optional(p.organisation.as_deref())),
        ])
    });
    json_object(&[
        ("id", json_string(&r.id)),
        ("kind", json_string(r.kind.code())),
        ("title", json_optional(r.title.as_deref())),
        ("publisher", json_optional(r.publisher.as_deref())),
        ("author", json_optional(r.author.as_deref())),
        ("published_on", date(r.published_on)),
        ("recipients", json_strings(&r.recipients)),
        ("places", json_strings(&r.places)),
        ("programme", json_string(r.programme.code())),
        ("care_model", json_optional(r.care_model.map(|m| m.code()))),
        ("source_url", json_optional(r.source_url.as_deref())),
        ("text_file", json_optional(r.text_file.as_deref())),
        ("text", json_optional(r.text.as_deref())),
        ("items", json_array(items.map(item_json))),
        ("people", json_array(people)),
        ("conditions", json_strings(&r.conditions)),
        ("notes", json_strings(&r.notes)),
    ])
}

fn item_json(i: &FundingItem) -> String {
    use crate::money::Qualifier;
    use crate::period::Period;
    let year = |y: &crate::period::FinancialYear| json_string(&y.to_string());
    let period = match &i.period {
        Period::Year { year: y } => {
            json_object(&[("kind", json_string("year")), ("year", year(y))])
        }
        Period::Years { first, last } => json_object(&[
            ("kind", json_string("years")),
            ("first", year(first)),
            ("last", year(last)),
        ]),
        Period::Described { text } => json_object(&[
            ("kind", json_string("described")),
            ("text", json_string(text)),
        ]),
        Period::Unstated => json_object(&[("kind", json_string("unstated"))]),
    };
    let qualifier = i.qualifier.map(Qualifier::code);
    let evidence = i.evidence.iter().map(|e| {
        json_object(&[
            ("start", e.start.to_string()),
            ("end", e.end.to_string()),
            ("quote", json_string(&e.quote)),
        ])
    });
    json_object(&[
        ("id", json_string(&i.id)),
        ("amount", i.amount.0.to_string()),
        ("stated_as", json_string(&i.stated_as)),
        ("qualifier", json_optional(qualifier)),
        ("period", period),
        (
            "period_inferred",
            json_optional(i.period_inferred.as_deref()),
        ),
        ("role", json_string(i.role.code())),
        ("stream", json_string(i.stream.code())),
        ("money_type", json_string(i.money_type.code())),
        ("classified_by", json_optional(i.classified_by.as_deref())),
        ("purpose", json_optional(i.purpose.as_deref())),
        ("part_of", json_optional(i.part_of.as_deref())),
        ("same_as", json_optional(i.same_as.as_deref())),
        ("evidence", json_array(evidence)),
    ])
}

/// A JSON string: quotes, backslashes and control characters escaped.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(u32::from(c) >> 4) as usize]));
                out.push(char::from(HEX[(u32::from(c) & 15) as usize]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_optional(text: Option<&str>) -> String {
    text.map_or("null".into(), json_string)
}

fn json_strings(texts: &[String]) -> String {
    json_array(texts.iter().map(|t| json_string(t)))
}

fn json_array(items: impl Iterator<Item = String>) -> String {
    format!("[{}]", items.collect::<Vec<_>>().join(","))
}

fn json_object(fields: &[(&str, String)]) -> String {
    let fields: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("{}:{value}", json_string(name)))
        .collect();
    format!("{{{}}}", fields.join(","))
}

/// The funder of NHS England's national transformation funds, as
/// org-id.guide writes an NHS body: the GB-NHS list (NHS Digital's
/// Organisation Data Service) and NHS England's ODS code, X24.
pub const NHS_ENGLAND: (&str, &str) = ("GB-NHS-X24", "NHS England");

/// Why a figure of money for a recipient is left out of the 360Giving file:
/// the standard requires a funder, a recipient with a register identifier
/// and a full award date, and nothing is made up to fill them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LeftOut {
    /// Its fund is not one of NHS England's, or the source names none.
    FunderNotNhsEngland,
    /// No public register identifier is known for the body that received it.
    NoRecipientIdentifier,
    /// Its source gives no full date (a month, a year or nothing).
    NoAwardDate,
    /// Stated with a qualifier ("over", "almost", "up to"): not an amount awarded.
    QualifiedAmount,
    /// A breakdown line whose whole is in view but cannot be a grant.
    WholeLeftOut,
    /// Another source's figure in view is the same money, and stands for it.
    SameMoneyAsAnother,
}

impl LeftOut {
    pub fn text(self) -> &'static str {
        match self {
            LeftOut::FunderNotNhsEngland => {
                "its funder is not NHS England's national transformation funding, or is not stated"
            }
            LeftOut::NoRecipientIdentifier => {
                "no public register identifier (such as an NHS ODS code) is known for the body that received it"
            }
            LeftOut::NoAwardDate => "its source states no full date for the award",
            LeftOut::QualifiedAmount => {
                "it is stated with a qualifier (\"over\", \"almost\", \"up to\"), not as the amount awarded"
            }
            LeftOut::WholeLeftOut => "it is a line of a breakdown whose whole is left out",
            LeftOut::SameMoneyAsAnother => {
                "another source's figure in view is the same money and stands for it"
            }
        }
    }
}

/// The view's money for recipients as a 360Giving data package (JSON), with
/// what was left out and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Giving360 {
    /// The package; None when no figure in view can be a 360Giving grant
    /// (the standard requires at least one).
    pub json: Option<String>,
    pub grants: usize,
    /// Of the grants, those from texts added in this browser.
    pub grants_from_yours: usize,
    /// Figures of money for recipients left out, by reason (a figure can
    /// lack several things).
    pub left_out: Vec<(LeftOut, usize)>,
    pub figures_left_out: usize,
}

impl Giving360 {
    /// What the page says beside the download.
    pub fn message(&self) -> String {
        let reasons: Vec<String> = self
            .left_out
            .iter()
            .map(|(why, n)| format!("{n} because {}", why.text()))
            .collect();
        let left = match self.figures_left_out {
            0 => String::new(),
            n => format!(
                " {n} figure{} of money for recipients {} left out: {}.",
                if n == 1 { "" } else { "s" },
                if n == 1 { "is" } else { "are" },
                reasons.join("; ")
            ),
        };
        match self.json {
            Some(_) => format!(
                "The 360Giving file holds {} grant{}{}.{left}",
                self.grants,
                if self.grants == 1 { "" } else { "s" },
                match self.grants_from_yours {
                    0 => String::new(),
                    n if n == self.grants => {
                        ", from texts you added in this browser, not in the published data"
                            .to_string()
                    }
                    n => format!(
                        ", {n} of them from texts you added in this browser, not in the published data"
                    ),
                }
            ),
            None => format!("No figure in this view can be published as 360Giving data, which needs a funder, a registered recipient and an award date for each grant.{left}"),
        }
    }
}

/// What a grant from a text added in this browser says in its description.
pub const YOURS_IN_360GIVING: &str =
    "From a text added in this browser by the person who made this file, not in the published data.";

/// The money for recipients in a view as 360Giving grants, filled only with
/// what the data states (see README, "360Giving export"). Programme totals,
/// fund sizes and context figures are not grants; a breakdown line whose
/// whole is in view is left out (the whole is the grant).
pub fn giving360(dataset: &Dataset, rows: &[crate::explore::ResultRow]) -> Giving360 {
    use crate::model::Role;
    use crate::period::Period;
    let in_view: rustc_hash::FxHashSet<&str> = rows
        .iter()
        .flat_map(|r| {
            r.items
                .iter()
                .filter_map(move |&i| dataset.records.get(r.record)?.items.get(i))
        })
        .map(|i| i.id.as_str())
        .collect();
    // What each figure lacks to be a grant, by id: a breakdown line's
    // whole is judged before the line.
    let lacks = |record: &crate::model::FundingRecord, item: &crate::model::FundingItem| {
        let mut missing = Vec::new();
        if !item.stream.is_national_transformation() {
            missing.push(LeftOut::FunderNotNhsEngland);
        }
        let recipients = record.recipients.iter().map(|id| dataset.organisation(id));
        if record.recipients.is_empty()
            || recipients
                .clone()
                .any(|o| o.is_none_or(|o| o.org_id.is_none()))
        {
            missing.push(LeftOut::NoRecipientIdentifier);
        }
        if record.published_on.is_none_or(|d| d.day.is_none()) {
            missing.push(LeftOut::NoAwardDate);
        }
        if item.qualifier.is_some() {
            missing.push(LeftOut::QualifiedAmount);
        }
        missing
    };
    let whole_is_a_grant: rustc_hash::FxHashMap<&str, bool> = rows
        .iter()
        .filter_map(|row| Some((row, dataset.records.get(row.record)?)))
        .flat_map(|(row, record)| {
            row.items
                .iter()
                .filter_map(move |&i| record.items.get(i).map(|item| (record, item)))
        })
        .map(|(record, item)| (item.id.as_str(), lacks(record, item).is_empty()))
        .collect();
    let mut grants = Vec::new();
    let mut left_out: std::collections::BTreeMap<LeftOut, usize> = Default::default();
    let mut figures_left_out = 0;
    let mut grants_from_yours = 0;
    for row in rows {
        let Some(record) = dataset.records.get(row.record) else {
            continue;
        };
        for item in row.items.iter().filter_map(|&i| record.items.get(i)) {
            if item.role != Role::Allocation {
                continue;
            }
            let mut missing = lacks(record, item);
            if let Some(whole) = item.part_of.as_deref().filter(|w| in_view.contains(w)) {
                if whole_is_a_grant.get(whole).copied().unwrap_or(false) {
                    // Its whole is the grant.
                    continue;
                }
                missing = vec![LeftOut::WholeLeftOut];
            } else if item.same_as.as_deref().is_some_and(|o| in_view.contains(o)) {
                missing.push(LeftOut::SameMoneyAsAnother);
            }
            let recipients: Vec<&crate::model::Organisation> = record
                .recipients
                .iter()
                .filter_map(|id| dataset.organisation(id))
                .collect();
            let award_date = record.published_on.filter(|d| d.day.is_some());
            if !missing.is_empty() {
                figures_left_out += 1;
                for why in missing {
                    *left_out.entry(why).or_default() += 1;
                }
                continue;
            }
            let mut description: Vec<String> = Vec::new();
            description.extend(item.purpose.clone());
            description.push(format!("Stated as {}.", item.stated_as));
            description.extend(record.notes.iter().cloned());
            if record.kind == crate::model::RecordKind::Yours {
                grants_from_yours += 1;
                description.push(YOURS_IN_360GIVING.to_string());
            }
            let organisations = recipients.iter().map(|o| {
                json_object(&[
                    ("id", json_string(o.org_id.as_deref().unwrap_or_default())),
                    ("name", json_string(&o.name)),
                ])
            });
            let mut fields = vec![
                ("id", json_string(&item.id)),
                ("title", json_string(&record.display_title(dataset))),
                ("description", json_string(&description.join(" "))),
                ("currency", json_string("GBP")),
                ("amountAwarded", item.amount.pounds().to_string()),
                (
                    "awardDate",
                    json_string(&award_date.map(|d| d.to_string()).unwrap_or_default()),
                ),
                (
                    "fundingOrganization",
                    json_array(std::iter::once(json_object(&[
                        ("id", json_string(NHS_ENGLAND.0)),
                        ("name", json_string(NHS_ENGLAND.1)),
                    ]))),
                ),
                ("recipientOrganization", json_array(organisations)),
                (
                    "grantProgramme",
                    json_array(std::iter::once(json_object(&[(
                        "title",
                        json_string(item.stream.name()),
                    )]))),
                ),
            ];
            let years = match &item.period {
                Period::Year { year } => Some((*year, *year)),
                Period::Years { first, last } => Some((*first, *last)),
                _ => None,
            };
            // Planned dates only from a stated financial year, not an inferred one.
            if let (Some((first, last)), None) = (years, &item.period_inferred) {
                fields.push((
                    "plannedDates",
                    json_array(std::iter::once(json_object(&[
                        (
                            "startDate",
                            json_string(&format!("{}-04-01", first.start_year())),
                        ),
                        (
                            "endDate",
                            json_string(&format!("{}-03-31", last.start_year() + 1)),
                        ),
                    ]))),
                ));
            }
            if let Some(url) = &record.source_url {
                fields.push(("dataSource", json_string(url)));
            }
            grants.push(json_object(&fields));
        }
    }
    let count = grants.len();
    Giving360 {
        json: (count > 0).then(|| {
            format!(
                "{}\n",
                json_object(&[
                    ("version", json_string("1.4")),
                    ("grants", json_array(grants.into_iter())),
                ])
            )
        }),
        grants: count,
        grants_from_yours,
        left_out: left_out.into_iter().collect(),
        figures_left_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_quoting() {
        let csv = write_csv(
            &["a", "b"],
            &[vec![
                "plain".into(),
                "Barking, Havering \"and\" Redbridge".into(),
            ]],
        );
        assert_eq!(
            csv,
            "a,b\r\nplain,\"Barking, Havering \"\"and\"\" Redbridge\"\r\n"
        );
    }
}
