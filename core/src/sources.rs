//! Reads the editable source files in `data/` (TOML and CSV), checks every
//! promise the dataset makes, and builds the [`Dataset`]. Every problem names the
//! file and the record; all problems are reported at once, not just the first.
//!
//! Native only (feature `sources`): the build runs this (`announcements
//! encode`) and ships the result in the compact form (`codec`), so the app
//! never parses TOML or CSV.

use crate::calendar::PartialDate;
use crate::extract::{extract, Gazetteer};
use crate::model::{is_web_address, slug};
use crate::model::{
    CareModel, Dataset, Evidence, FundingItem, FundingRecord, FundingStream, MoneyType,
    Organisation, OrganisationKind, Person, Programme, RecordKind, Role,
};
use crate::money::{parse_stated, Money};
use crate::period::Period;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

pub const VANGUARDS_FILE: &str = "vanguards.csv";
pub const ORGANISATIONS_FILE: &str = "organisations.toml";
pub const FIGURES_FILE: &str = "reported_figures.csv";
pub const ANNOUNCEMENTS_DIR: &str = "announcements";

/// One thing wrong with the data, located as precisely as the data allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// The record's id or name (or CSV line) where there is one.
    pub record: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.record {
            Some(record) => write!(f, "{}: {}: {}", self.file, record, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// A named text file's contents.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// Everything `data/` holds, read into memory: what [`build`] turns into a dataset.
#[derive(Debug, Clone)]
pub struct Sources {
    pub vanguards: SourceFile,
    pub organisations: SourceFile,
    pub figures: SourceFile,
    /// Announcement records (TOML), each with the text files beside it.
    pub announcements: Vec<SourceFile>,
    /// Announcement texts by file name (as the records name them).
    pub texts: HashMap<String, String>,
}

impl Sources {
    /// Reads `dir` (normally `data/`). A file that cannot be read is a problem, too.
    pub fn read_dir(dir: &Path) -> Result<Sources, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut read = |path: &Path| -> SourceFile {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
                problems.push(Problem {
                    file: name.clone(),
                    record: None,
                    message: format!("cannot be read: {e}"),
                });
                String::new()
            });
            SourceFile { name, text }
        };
        let vanguards = read(&dir.join(VANGUARDS_FILE));
        let organisations = read(&dir.join(ORGANISATIONS_FILE));
        let figures = read(&dir.join(FIGURES_FILE));
        let announcement_dir = dir.join(ANNOUNCEMENTS_DIR);
        let mut announcements = Vec::new();
        let mut texts = HashMap::new();
        match std::fs::read_dir(&announcement_dir) {
            Ok(entries) => {
                let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                paths.sort();
                for path in paths {
                    match path.extension().and_then(|e| e.to_str()) {
                        Some("toml") => announcements.push(read(&path)),
                        Some("txt") => {
                            let file = read(&path);
                            let key = path
                                .file_name()
                                .map(|n| n.to_string_lossy().to_string())
                                .unwrap_or_default();
                            texts.insert(key, file.text);
                        }
                        _ => {}
                    }
                }
            }
            Err(e) => problems.push(Problem {
                file: announcement_dir.display().to_string(),
                record: None,
                message: format!("cannot be read: {e}"),
            }),
        }
        if problems.is_empty() {
            Ok(Sources {
                vanguards,
                organisations,
                figures,
                announcements,
                texts,
            })
        } else {
            Err(problems)
        }
    }
}

/// Reads and checks `dir`, returning the dataset or every problem found.
pub fn load_dir(dir: &Path) -> Result<Dataset, Vec<Problem>> {
    build(&Sources::read_dir(dir)?)
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn report(&mut self, file: &str, record: Option<&str>, message: impl Into<String>) {
        self.problems.push(Problem {
            file: file.to_string(),
            record: record.map(str::to_string),
            message: message.into(),
        });
    }

    fn link(&mut self, file: &str, record: &str, url: &str) -> Option<String> {
        let url = url.trim();
        if url.is_empty() {
            return None;
        }
        if !is_web_address(url) {
            self.report(
                file,
                Some(record),
                format!("source link {url:?} is not an http(s) address"),
            );
            return None;
        }
        Some(url.to_string())
    }

    fn date(&mut self, file: &str, record: &str, field: &str, text: &str) -> Option<PartialDate> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let date = PartialDate::parse_iso(text);
        if date.is_none() {
            self.report(
                file,
                Some(record),
                format!("{field} {text:?} is not a date (write 2017-01-09, 2015-03 or 2015)"),
            );
        }
        date
    }
}

#[derive(Debug, Deserialize)]
struct VanguardRow {
    name: String,
    care_model: String,
    care_model_name: String,
    selected_on: String,
    source_url: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OrganisationsFile {
    #[serde(default)]
    organisation: Vec<OrganisationEntry>,
}

/// An entry of organisations.toml: either more about a registry vanguard (named
/// by `name`, no `kind`), or a new organisation (with `kind`).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OrganisationEntry {
    name: String,
    kind: Option<OrganisationKind>,
    care_model: Option<String>,
    source_url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    places: Vec<String>,
    /// A register identifier (org-id.guide's form) and the page that gives it.
    org_id: Option<String>,
    org_id_source: Option<String>,
}

#[derive(Debug, Deserialize)]
struct FigureRow {
    id: String,
    role: String,
    programme: String,
    part_of: String,
    stream: String,
    money_type: String,
    classified_by: String,
    period_inferred: String,
    recipient: String,
    #[allow(dead_code)]
    recipient_kind: String,
    amount_gbp: String,
    reported_as: String,
    period: String,
    basis: String,
    announced_on: String,
    publisher: String,
    source_url: String,
    note: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AnnouncementFile {
    id: String,
    text_file: String,
    title: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
    published_on: Option<String>,
    source_url: Option<String>,
    recipients: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    places: Vec<String>,
    programme: String,
    care_model: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    conditions: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    people: Vec<PersonEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    items: Vec<ItemEntry>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct PersonEntry {
    name: Option<String>,
    role: Option<String>,
    organisation: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ItemEntry {
    key: String,
    amount_gbp: u64,
    period: Option<String>,
    /// Why the period is given though the text does not state it.
    period_inferred: Option<String>,
    role: String,
    stream: String,
    money_type: String,
    /// Words of the text the stream and type rest on; they must be in it.
    classified_by: Option<String>,
    purpose: Option<String>,
    part_of: Option<String>,
    same_as: Option<String>,
    evidence: Vec<EvidenceEntry>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct EvidenceEntry {
    start: usize,
    end: usize,
    quote: String,
}

/// Checks everything and builds the dataset, or returns every problem.
pub fn build(sources: &Sources) -> Result<Dataset, Vec<Problem>> {
    let mut check = Checker {
        problems: Vec::new(),
    };
    let mut organisations = read_vanguards(&mut check, &sources.vanguards);
    read_organisations(&mut check, &sources.organisations, &mut organisations);

    let mut ids: HashMap<String, String> = HashMap::new();
    for org in &organisations {
        if let Some(first) = ids.insert(org.id.clone(), org.name.clone()) {
            check.report(
                &sources.organisations.name,
                Some(&org.name),
                format!("organisation id {:?} is already used by {first:?}", org.id),
            );
        }
    }
    let by_name: HashMap<&str, &Organisation> =
        organisations.iter().map(|o| (o.name.as_str(), o)).collect();

    let mut records = read_figures(&mut check, &sources.figures, &by_name);
    // Which file each record came from, for messages about it.
    let mut files: Vec<&str> = vec![sources.figures.name.as_str(); records.len()];
    let gazetteer = Gazetteer::of_organisations(&organisations);
    for file in &sources.announcements {
        if let Some(record) =
            read_announcement(&mut check, file, &sources.texts, &by_name, &gazetteer)
        {
            records.push(record);
            files.push(&file.name);
        }
    }

    // Ids are unique across records and across funding items.
    let mut record_files: HashMap<&str, &str> = HashMap::new();
    let mut item_ids: HashSet<&str> = HashSet::new();
    for (record, file) in records.iter().zip(&files) {
        if let Some(first) = record_files.insert(&record.id, file) {
            check.report(
                file,
                Some(&record.id),
                format!("duplicate id: {first} uses it too"),
            );
            continue;
        }
        for item in &record.items {
            if !item_ids.insert(&item.id) {
                check.report(
                    file,
                    Some(&record.id),
                    format!("duplicate funding item id {:?}", item.id),
                );
            }
        }
    }
    // A part names an item that exists and is not itself.
    for (record, file) in records.iter().zip(&files) {
        for item in &record.items {
            if let Some(whole) = &item.part_of {
                if whole == &item.id || !item_ids.contains(whole.as_str()) {
                    check.report(
                        file,
                        Some(&record.id),
                        format!(
                            "{}: part_of names {whole:?}, which is no other funding item",
                            item.id
                        ),
                    );
                }
            }
        }
    }

    // same_as names another figure of the same amount.
    let amounts: HashMap<&str, Money> = records
        .iter()
        .flat_map(|r| r.items.iter().map(|i| (i.id.as_str(), i.amount)))
        .collect();
    for (record, file) in records.iter().zip(&files) {
        for item in &record.items {
            let Some(other) = &item.same_as else { continue };
            match amounts.get(other.as_str()) {
                Some(amount) if *amount == item.amount && other != &item.id => {}
                Some(amount) => check.report(
                    file,
                    Some(&record.id),
                    format!(
                        "{}: same_as names {other:?}, which is {} and not {}",
                        item.id,
                        amount.full(),
                        item.amount.full()
                    ),
                ),
                None => check.report(
                    file,
                    Some(&record.id),
                    format!(
                        "{}: same_as names {other:?}, which is no other funding item",
                        item.id
                    ),
                ),
            }
        }
    }

    // A link between figures is between money for recipients: a part of a
    // programme total, or the same money as a context figure, would take
    // money out of the totals. Two figures may not each be the other's
    // "same money" (both would be left out), and parts may not go round.
    let items: HashMap<&str, &FundingItem> = records
        .iter()
        .flat_map(|r| r.items.iter().map(|i| (i.id.as_str(), i)))
        .collect();
    for (record, file) in records.iter().zip(&files) {
        for item in &record.items {
            let links = [("part_of", &item.part_of), ("same_as", &item.same_as)];
            for (field, target) in links {
                let Some(target) = target.as_deref().and_then(|t| items.get(t)) else {
                    continue;
                };
                if item.role == Role::Allocation && target.role != Role::Allocation {
                    check.report(
                        file,
                        Some(&record.id),
                        format!(
                            "{}: {field} names {:?}, which is a {} and not money for a recipient",
                            item.id,
                            target.id,
                            target.role.name().to_lowercase()
                        ),
                    );
                }
                if field == "same_as" && target.same_as.as_deref() == Some(item.id.as_str()) {
                    check.report(
                        file,
                        Some(&record.id),
                        format!(
                            "{} and {:?} each name the other as the same money: one of them should",
                            item.id, target.id
                        ),
                    );
                }
            }
            // Follows part_of up to as many steps as there are figures.
            let mut whole = item.part_of.as_deref();
            for _ in 0..items.len() {
                match whole.and_then(|w| items.get(w)) {
                    Some(w) if w.id == item.id => {
                        check.report(
                            file,
                            Some(&record.id),
                            format!("{}: its part_of links go round in a circle", item.id),
                        );
                        break;
                    }
                    Some(w) => whole = w.part_of.as_deref(),
                    None => break,
                }
            }
        }
    }

    if check.problems.is_empty() {
        Ok(Dataset::new(organisations, records))
    } else {
        Err(check.problems)
    }
}

fn csv_rows<T: for<'de> Deserialize<'de>>(
    check: &mut Checker,
    file: &SourceFile,
) -> Vec<(String, T)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(file.text.as_bytes());
    let mut rows = Vec::new();
    for (index, row) in reader.deserialize::<T>().enumerate() {
        // Line 1 is the header.
        let line = format!("line {}", index + 2);
        match row {
            Ok(row) => rows.push((line, row)),
            Err(e) => check.report(&file.name, Some(&line), format!("cannot be read: {e}")),
        }
    }
    rows
}

fn read_vanguards(check: &mut Checker, file: &SourceFile) -> Vec<Organisation> {
    let mut organisations = Vec::new();
    for (line, row) in csv_rows::<VanguardRow>(check, file) {
        let record = format!("{line} ({})", row.name);
        let care_model = CareModel::from_code(&row.care_model);
        match care_model {
            None => check.report(
                &file.name,
                Some(&record),
                format!("unknown care model {:?}", row.care_model),
            ),
            Some(model)
                if !model
                    .name()
                    .eq_ignore_ascii_case(row.care_model_name.trim()) =>
            {
                check.report(
                    &file.name,
                    Some(&record),
                    format!(
                        "care model {} is {:?}, not {:?}",
                        model.code(),
                        model.name(),
                        row.care_model_name
                    ),
                )
            }
            _ => {}
        }
        let selected_on = check.date(&file.name, &record, "selected_on", &row.selected_on);
        let source_url = check.link(&file.name, &record, &row.source_url);
        organisations.push(Organisation {
            id: slug(&row.name),
            name: row.name.trim().to_string(),
            kind: OrganisationKind::Vanguard,
            care_model,
            selected_on,
            source_url,
            aliases: Vec::new(),
            org_id: None,
            places: Vec::new(),
        });
    }
    organisations
}

fn read_organisations(
    check: &mut Checker,
    file: &SourceFile,
    organisations: &mut Vec<Organisation>,
) {
    let parsed: OrganisationsFile = match toml::from_str(&file.text) {
        Ok(parsed) => parsed,
        Err(e) => {
            check.report(&file.name, None, format!("cannot be read: {e}"));
            return;
        }
    };
    for entry in parsed.organisation {
        let name = entry.name.trim().to_string();
        let care_model = entry.care_model.as_deref().and_then(|code| {
            let model = CareModel::from_code(code);
            if model.is_none() {
                check.report(
                    &file.name,
                    Some(&name),
                    format!("unknown care model {code:?}"),
                );
            }
            model
        });
        let source_url = entry
            .source_url
            .as_deref()
            .and_then(|url| check.link(&file.name, &name, url));
        let org_id = entry.org_id.as_deref().map(str::trim).and_then(|id| {
            let source = entry
                .org_id_source
                .as_deref()
                .and_then(|url| check.link(&file.name, &name, url));
            let (prefix, rest) = id.rsplit_once('-').unwrap_or(("", ""));
            let shaped = prefix.len() >= 4
                && prefix.chars().all(|c| c.is_ascii_uppercase() || c == '-')
                && !rest.is_empty();
            if !shaped {
                check.report(
                    &file.name,
                    Some(&name),
                    format!("org_id {id:?} is not an org-id.guide identifier such as GB-NHS-03E"),
                );
                return None;
            }
            if source.is_none() {
                check.report(
                    &file.name,
                    Some(&name),
                    "an org_id needs org_id_source: the page that gives it",
                );
                return None;
            }
            Some(id.to_string())
        });
        match (organisations.iter_mut().find(|o| o.name == name), entry.kind) {
            (Some(existing), None) => {
                if care_model.is_some() || source_url.is_some() {
                    check.report(
                        &file.name,
                        Some(&name),
                        "a registry vanguard takes its care model and link from vanguards.csv; give only aliases and places",
                    );
                }
                existing.aliases.extend(entry.aliases);
                existing.places.extend(entry.places);
                if org_id.is_some() {
                    existing.org_id = org_id;
                }
            }
            (Some(_), Some(_)) => check.report(
                &file.name,
                Some(&name),
                "is already a vanguard in vanguards.csv: drop `kind` to add aliases or places to it",
            ),
            (None, None) => check.report(
                &file.name,
                Some(&name),
                "names no organisation in vanguards.csv; give `kind` to define a new one",
            ),
            (None, Some(kind)) => organisations.push(Organisation {
                id: slug(&name),
                name,
                kind,
                care_model,
                selected_on: None,
                source_url,
                aliases: entry.aliases,
                places: entry.places,
                org_id,
            }),
        }
    }
}

fn read_role(check: &mut Checker, file: &str, record: &str, code: &str) -> Role {
    Role::from_code(code).unwrap_or_else(|| {
        let known: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
        check.report(
            file,
            Some(record),
            format!("unknown role {code:?} (one of {})", known.join(", ")),
        );
        Role::Context
    })
}

/// A figure's stream and type from their codes; an unknown code is a
/// problem (say `not-stated` for a source that names none).
fn read_kind(
    check: &mut Checker,
    file: &str,
    record: &str,
    stream: &str,
    money_type: &str,
) -> (FundingStream, MoneyType) {
    let stream = FundingStream::from_code(stream).unwrap_or_else(|| {
        let codes: Vec<&str> = FundingStream::ALL.iter().map(|s| s.code()).collect();
        check.report(
            file,
            Some(record),
            format!("unknown stream {stream:?} (one of {})", codes.join(", ")),
        );
        FundingStream::NotStated
    });
    let money_type = MoneyType::from_code(money_type).unwrap_or_else(|| {
        check.report(
            file,
            Some(record),
            format!("unknown money_type {money_type:?} (revenue, capital or not-stated)"),
        );
        MoneyType::NotStated
    });
    (stream, money_type)
}

fn optional_text(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

fn read_programme(check: &mut Checker, file: &str, record: &str, code: &str) -> Programme {
    Programme::from_code(code).unwrap_or_else(|| {
        let known: Vec<&str> = Programme::ALL.iter().map(|p| p.code()).collect();
        check.report(
            file,
            Some(record),
            format!("unknown programme {code:?} (one of {})", known.join(", ")),
        );
        Programme::NewCareModels
    })
}

fn read_figures(
    check: &mut Checker,
    file: &SourceFile,
    by_name: &HashMap<&str, &Organisation>,
) -> Vec<FundingRecord> {
    let mut records = Vec::new();
    for (line, row) in csv_rows::<FigureRow>(check, file) {
        let id = row.id.trim().to_string();
        let record = if id.is_empty() {
            line.clone()
        } else {
            id.clone()
        };
        if id.is_empty() || slug(&id) != id {
            check.report(
                &file.name,
                Some(&record),
                format!("id {id:?} must be a slug: lower-case words joined by hyphens"),
            );
        }
        let recipient = match by_name.get(row.recipient.trim()) {
            Some(org) => org.id.clone(),
            None => {
                check.report(
                    &file.name,
                    Some(&record),
                    format!("recipient {:?} is no known organisation (vanguards.csv or organisations.toml)", row.recipient),
                );
                String::new()
            }
        };
        let amount = match row.amount_gbp.trim().parse::<u64>() {
            Ok(pounds) => Money(pounds),
            Err(_) => {
                check.report(
                    &file.name,
                    Some(&record),
                    format!(
                        "amount_gbp {:?} is not a whole number of pounds",
                        row.amount_gbp
                    ),
                );
                Money(0)
            }
        };
        let qualifier = match parse_stated(&row.reported_as) {
            Ok(stated) if stated.amount == amount => stated.qualifier,
            Ok(stated) => {
                check.report(
                    &file.name,
                    Some(&record),
                    format!(
                        "amount_gbp {} does not match reported_as {:?} ({})",
                        amount.0, row.reported_as, stated.amount.0
                    ),
                );
                None
            }
            Err(e) => {
                check.report(
                    &file.name,
                    Some(&record),
                    format!("reported_as {:?}: {e}", row.reported_as),
                );
                None
            }
        };
        let role = read_role(check, &file.name, &record, &row.role);
        let (stream, money_type) =
            read_kind(check, &file.name, &record, &row.stream, &row.money_type);
        let period = Period::parse(&row.period);
        let period_inferred = optional_text(&row.period_inferred);
        if period_inferred.is_some() && period == Period::Unstated {
            check.report(
                &file.name,
                Some(&record),
                "period_inferred gives a reason for a period, but no period is given",
            );
        }
        let programme = read_programme(check, &file.name, &record, &row.programme);
        let published_on = check.date(&file.name, &record, "announced_on", &row.announced_on);
        let source_url = check.link(&file.name, &record, &row.source_url);
        if source_url.is_none() {
            check.report(
                &file.name,
                Some(&record),
                "a reported figure needs its source page (source_url)",
            );
        }
        let optional = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        records.push(FundingRecord {
            id: id.clone(),
            kind: RecordKind::ReportedFigure,
            title: None,
            publisher: optional(&row.publisher),
            author: None,
            published_on,
            recipients: vec![recipient],
            places: Vec::new(),
            programme,
            care_model: None,
            source_url,
            text_file: None,
            text: None,
            items: vec![FundingItem {
                id,
                amount,
                stated_as: row.reported_as.trim().to_string(),
                qualifier,
                period,
                period_inferred,
                role,
                stream,
                money_type,
                classified_by: optional(&row.classified_by),
                purpose: optional(&row.basis),
                part_of: optional(&row.part_of),
                same_as: None,
                evidence: Vec::new(),
            }],
            people: Vec::new(),
            conditions: Vec::new(),
            notes: optional(&row.note).into_iter().collect(),
        });
    }
    records
}

fn read_announcement(
    check: &mut Checker,
    file: &SourceFile,
    texts: &HashMap<String, String>,
    by_name: &HashMap<&str, &Organisation>,
    gazetteer: &Gazetteer,
) -> Option<FundingRecord> {
    let parsed: AnnouncementFile = match toml::from_str(&file.text) {
        Ok(parsed) => parsed,
        Err(e) => {
            check.report(&file.name, None, format!("cannot be read: {e}"));
            return None;
        }
    };
    let id = parsed.id.trim().to_string();
    let record = id.as_str();
    let name = file.name.as_str();
    if id.is_empty() || slug(&id) != id {
        check.report(
            name,
            Some(record),
            format!("id {id:?} must be a slug: lower-case words joined by hyphens"),
        );
    }
    let Some(text) = texts.get(parsed.text_file.trim()) else {
        check.report(
            name,
            Some(record),
            format!(
                "text_file {:?} is not in the announcements folder",
                parsed.text_file
            ),
        );
        return None;
    };
    let chars: Vec<char> = text.chars().collect();
    let extraction = extract(text, gazetteer);

    let mut recipients = Vec::new();
    for recipient in &parsed.recipients {
        match by_name.get(recipient.trim()) {
            Some(org) => recipients.push(org.id.clone()),
            None => check.report(
                name,
                Some(record),
                format!("recipient {recipient:?} is no known organisation (vanguards.csv or organisations.toml)"),
            ),
        }
    }
    // Money for a recipient needs its recipient; a text that states only
    // programme totals, fund sizes or context may name none.
    let for_recipients = parsed
        .items
        .iter()
        .any(|i| i.role == Role::Allocation.code());
    if parsed.recipients.is_empty() && for_recipients {
        check.report(
            name,
            Some(record),
            "names no recipient, but has money for a recipient",
        );
    }
    let published_on = parsed
        .published_on
        .as_deref()
        .and_then(|d| check.date(name, record, "published_on", d));
    if let Some(date) = published_on {
        if !extraction.dates.contains(&date) {
            check.report(
                name,
                Some(record),
                format!(
                    "published_on {date} is not a date the text states (dates found: {})",
                    list(&extraction.dates)
                ),
            );
        }
    }
    let care_model = parsed.care_model.as_deref().and_then(|code| {
        let model = CareModel::from_code(code);
        if model.is_none() {
            check.report(name, Some(record), format!("unknown care model {code:?}"));
        }
        model
    });
    let programme = read_programme(check, name, record, &parsed.programme);
    let source_url = parsed
        .source_url
        .as_deref()
        .and_then(|url| check.link(name, record, url));
    for place in &parsed.places {
        if !extraction.places.contains(place) && !text.contains(place.as_str()) {
            check.report(
                name,
                Some(record),
                format!("place {place:?} is not named in the text"),
            );
        }
    }

    let mut items = Vec::new();
    for entry in parsed.items {
        let item_id = format!("{id}/{}", entry.key.trim());
        let where_ = format!("{record}, item {:?}", entry.key);
        if entry.key.trim().is_empty() || slug(&entry.key) != entry.key {
            check.report(
                name,
                Some(&where_),
                "key must be a slug: lower-case words joined by hyphens",
            );
        }
        let amount = Money(entry.amount_gbp);
        let role = read_role(check, name, &where_, &entry.role);
        let (stream, money_type) =
            read_kind(check, name, &where_, &entry.stream, &entry.money_type);
        if let Some(words) = entry.classified_by.as_deref() {
            if !text.contains(words) {
                check.report(
                    name,
                    Some(&where_),
                    format!("classified_by {words:?} is not words of the text"),
                );
            }
        }
        let period = Period::parse(entry.period.as_deref().unwrap_or(""));
        let period_inferred = entry.period_inferred.as_deref().and_then(optional_text);
        if let Some(year) = period.single_year().filter(|_| period_inferred.is_none()) {
            if !extraction.financial_years.contains(&year) {
                check.report(
                    name,
                    Some(&where_),
                    format!("period {year} is not a financial year the text states"),
                );
            }
        }
        if entry.evidence.is_empty() {
            check.report(name, Some(&where_), "a figure from a stored text needs its evidence: the span of the words that state it");
        }
        let mut evidence = Vec::new();
        let mut qualifier = None;
        for span in entry.evidence {
            let at = format!("evidence {}..{}", span.start, span.end);
            if span.start >= span.end || span.end > chars.len() {
                check.report(
                    name,
                    Some(&where_),
                    format!(
                        "{at} is outside the text, which has {} characters{}",
                        chars.len(),
                        locate(text, &span.quote)
                    ),
                );
                continue;
            }
            let found: String = chars[span.start..span.end].iter().collect();
            if found != span.quote {
                check.report(
                    name,
                    Some(&where_),
                    format!(
                        "{at} reads {found:?}, not {:?}{}",
                        span.quote,
                        locate(text, &span.quote)
                    ),
                );
                continue;
            }
            match parse_stated(&span.quote) {
                Ok(stated) if stated.amount == amount => qualifier = qualifier.or(stated.qualifier),
                Ok(stated) => check.report(
                    name,
                    Some(&where_),
                    format!(
                        "amount_gbp {} does not match its words {:?} ({})",
                        amount.0, span.quote, stated.amount.0
                    ),
                ),
                Err(e) => check.report(name, Some(&where_), format!("{at} {:?}: {e}", span.quote)),
            }
            evidence.push(Evidence {
                start: span.start,
                end: span.end,
                quote: span.quote,
            });
        }
        let stated_as = evidence
            .first()
            .map(|e| e.quote.clone())
            .unwrap_or_default();
        items.push(FundingItem {
            id: item_id,
            amount,
            stated_as,
            qualifier,
            period,
            period_inferred,
            role,
            stream,
            money_type,
            classified_by: entry.classified_by,
            purpose: entry.purpose,
            part_of: entry.part_of.map(|key| format!("{id}/{key}")),
            same_as: entry.same_as,
            evidence,
        });
    }

    let people = parsed
        .people
        .into_iter()
        .map(|p| Person {
            name: p.name,
            role: p.role,
            organisation: p.organisation,
        })
        .collect();

    Some(FundingRecord {
        id,
        kind: RecordKind::Announcement,
        title: parsed.title,
        publisher: parsed.publisher,
        author: parsed.author,
        published_on,
        recipients,
        places: parsed.places,
        programme,
        care_model,
        source_url,
        text_file: Some(parsed.text_file),
        text: Some(text.clone()),
        items,
        people,
        conditions: parsed.conditions,
        notes: parsed.notes,
    })
}

/// Reads one announcement's files (its TOML and the text it names, from
/// `texts`) with every check `build` makes of an announcement, against the
/// organisations given: how the page imports files written for `data/`, and
/// checks the files it writes (`announcement_toml`) before offering them.
/// Links to other figures (`part_of`, `same_as`) must name a figure of the
/// same announcement or one of `known_items`.
pub fn read_announcement_files(
    toml: &SourceFile,
    texts: &HashMap<String, String>,
    organisations: &[Organisation],
    known_items: &HashSet<String>,
) -> Result<FundingRecord, Vec<Problem>> {
    let mut check = Checker {
        problems: Vec::new(),
    };
    let by_name: HashMap<&str, &Organisation> =
        organisations.iter().map(|o| (o.name.as_str(), o)).collect();
    let gazetteer = Gazetteer::of_organisations(organisations);
    let record = read_announcement(&mut check, toml, texts, &by_name, &gazetteer);
    if let Some(record) = &record {
        let own: HashSet<&str> = record.items.iter().map(|i| i.id.as_str()).collect();
        for item in &record.items {
            let links = [("part_of", &item.part_of), ("same_as", &item.same_as)];
            for (field, target) in links {
                let Some(target) = target.as_deref() else {
                    continue;
                };
                if !own.contains(target) && !known_items.contains(target) {
                    check.report(
                        &toml.name,
                        Some(&record.id),
                        format!(
                            "{}: {field} names {target:?}, which is no funding item",
                            item.id
                        ),
                    );
                }
            }
        }
    }
    match record {
        Some(record) if check.problems.is_empty() => Ok(record),
        _ => Err(check.problems),
    }
}

/// A record held in full as its file in `data/announcements/`: the TOML that
/// `read_announcement_files` (and `announcements validate`) reads back as
/// the same record. Recipients are written by name, from `organisations`.
pub fn announcement_toml(
    record: &FundingRecord,
    organisations: &[Organisation],
) -> Result<String, String> {
    let text_file = record
        .text_file
        .clone()
        .ok_or_else(|| format!("{} has no text file", record.id))?;
    let name_of = |id: &str| {
        organisations
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.name.clone())
            .ok_or_else(|| format!("{}: recipient {id:?} is no known organisation", record.id))
    };
    let key_of = |item_id: &str| {
        item_id
            .strip_prefix(&format!("{}/", record.id))
            .unwrap_or(item_id)
            .to_string()
    };
    let file = AnnouncementFile {
        id: record.id.clone(),
        text_file,
        title: record.title.clone(),
        publisher: record.publisher.clone(),
        author: record.author.clone(),
        published_on: record.published_on.map(|d| d.to_string()),
        source_url: record.source_url.clone(),
        recipients: record
            .recipients
            .iter()
            .map(|id| name_of(id))
            .collect::<Result<_, _>>()?,
        places: record.places.clone(),
        programme: record.programme.code().to_string(),
        care_model: record.care_model.map(|m| m.code().to_string()),
        conditions: record.conditions.clone(),
        notes: record.notes.clone(),
        people: record
            .people
            .iter()
            .map(|p| PersonEntry {
                name: p.name.clone(),
                role: p.role.clone(),
                organisation: p.organisation.clone(),
            })
            .collect(),
        items: record
            .items
            .iter()
            .map(|item| ItemEntry {
                key: key_of(&item.id),
                amount_gbp: item.amount.0,
                period: (item.period != Period::Unstated).then(|| item.period.to_string()),
                period_inferred: item.period_inferred.clone(),
                role: item.role.code().to_string(),
                stream: item.stream.code().to_string(),
                money_type: item.money_type.code().to_string(),
                classified_by: item.classified_by.clone(),
                purpose: item.purpose.clone(),
                part_of: item.part_of.as_deref().map(key_of),
                same_as: item.same_as.clone(),
                evidence: item
                    .evidence
                    .iter()
                    .map(|e| EvidenceEntry {
                        start: e.start,
                        end: e.end,
                        quote: e.quote.clone(),
                    })
                    .collect(),
            })
            .collect(),
    };
    toml::to_string(&file).map_err(|e| e.to_string())
}

/// New organisations as entries of `data/organisations.toml`, to add to it.
pub fn organisations_toml(organisations: &[Organisation]) -> Result<String, String> {
    let file = OrganisationsFile {
        organisation: organisations
            .iter()
            .map(|o| OrganisationEntry {
                name: o.name.clone(),
                kind: Some(o.kind),
                care_model: o.care_model.map(|m| m.code().to_string()),
                source_url: o.source_url.clone(),
                aliases: o.aliases.clone(),
                places: o.places.clone(),
                org_id: o.org_id.clone(),
                org_id_source: None,
            })
            .collect(),
    };
    toml::to_string(&file).map_err(|e| e.to_string())
}

/// Reads entries of `data/organisations.toml` (as `organisations_toml`
/// writes them) against the organisations already known, with the same
/// checks: returns the new organisations they define.
pub fn read_new_organisations(
    file: &SourceFile,
    known: &[Organisation],
) -> Result<Vec<Organisation>, Vec<Problem>> {
    let mut check = Checker {
        problems: Vec::new(),
    };
    let mut organisations = known.to_vec();
    read_organisations(&mut check, file, &mut organisations);
    if check.problems.is_empty() {
        Ok(organisations.split_off(known.len()))
    } else {
        Err(check.problems)
    }
}

fn list<T: fmt::Display>(values: &[T]) -> String {
    if values.is_empty() {
        return "none".to_string();
    }
    values
        .iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "; the quote is at 12..17" for a person fixing a span by hand.
fn locate(text: &str, quote: &str) -> String {
    if quote.is_empty() {
        return String::new();
    }
    match text.find(quote) {
        Some(byte) => {
            let start = text[..byte].chars().count();
            let end = start + quote.chars().count();
            format!("; {quote:?} is at {start}..{end}")
        }
        None => format!("; {quote:?} is not in the text"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slug("Dudley MCP"), "dudley-mcp");
        assert_eq!(
            slug("Connecting Care – Wakefield District"),
            "connecting-care-wakefield-district"
        );
        assert_eq!(
            slug("  Modality Birmingham & Sandwell "),
            "modality-birmingham-sandwell"
        );
    }

    #[test]
    fn only_web_links_are_links() {
        assert!(is_web_address("https://www.england.nhs.uk/"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("https://"));
        assert!(!is_web_address("https://a b"));
    }
}
