//! Texts a person adds in their own browser ("yours"): what the extractor
//! found in a pasted or dropped text, the person's review of it (a
//! [`Draft`]), and the record they keep ([`YourRecord`]), which the page
//! stores, shares in a link and hands on as files for `data/`.
//!
//! Everything that arrives from outside (a paste, a file, a stored value, a
//! share link) comes through here and is checked before the page shows or
//! keeps it: no figure without the words that state it, no link that is not
//! a web address, nothing guessed.

use crate::calendar::PartialDate;
use crate::extract::Extraction;
use crate::model::{
    is_web_address, slug, Dataset, Evidence, FundingItem, FundingRecord, FundingStream, MoneyType,
    Organisation, OrganisationKind, Programme, RecordKind, Role,
};
use crate::money::{parse_stated, Money, Qualifier};
use crate::period::{FinancialYear, Period};
use serde::{Deserialize, Serialize};

/// What the page stores is named and versioned by its first four bytes
/// ("FEy" and the version): a later release that changes the form reads
/// this one, or moves it aside with a message, and never loses it.
pub const STORE_FORMAT: u8 = b'1';
const STORE_MAGIC: &[u8; 4] = b"FEy1";
/// A share link's record, in the same compact form.
const SHARE_MAGIC: &[u8; 4] = b"FEs1";

/// The longest text the page takes: about 40,000 words. Longer is almost
/// certainly not an announcement (or not text), and would not fit in the
/// browser's storage beside others.
pub const MAX_TEXT_CHARS: usize = 300_000;

/// The longest share link offered. Browsers take longer ones, but mail and
/// chat tools cut links long before: past this, the files are the way.
pub const MAX_LINK_CHARS: usize = 16_000;

/// A record the person kept, with any organisation they named that the
/// dataset does not know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YourRecord {
    pub record: FundingRecord,
    #[serde(default)]
    pub new_organisations: Vec<Organisation>,
}

/// What storage holds, read: the records that can be read and checked, and
/// why any could not. Whatever could not be read, the caller keeps aside,
/// never deletes.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub records: Vec<YourRecord>,
    pub unreadable: Option<String>,
}

/// Reads storage's text (nothing stored is no records). A record that fails
/// its checks is left out and said; the others are read.
pub fn read_store(stored: Option<&str>) -> Stored {
    let unreadable = |reason: String| Stored {
        records: Vec::new(),
        unreadable: Some(reason),
    };
    let Some(stored) = stored.filter(|s| !s.trim().is_empty()) else {
        return Stored {
            records: Vec::new(),
            unreadable: None,
        };
    };
    let Some(bytes) = from_base64url(stored.trim()) else {
        return unreadable("what is stored is not the form this page writes".to_string());
    };
    if let Some([b'F', b'E', b'y', version]) = bytes.get(..4) {
        if *version != STORE_FORMAT {
            return unreadable(format!(
                "it was stored in format {}, and this version of the page reads format {}",
                char::from(*version),
                char::from(STORE_FORMAT)
            ));
        }
    }
    let records: Vec<YourRecord> = match crate::codec::from_bytes(STORE_MAGIC, &bytes) {
        Ok(records) => records,
        Err(reason) => return unreadable(reason),
    };
    let mut problems = Vec::new();
    let records = records
        .into_iter()
        .filter(|kept| match check_your_record(kept) {
            Ok(()) => true,
            Err(found) => {
                problems.push(format!(
                    "“{}” is not as the page keeps it ({})",
                    kept.record.id,
                    found.join("; ")
                ));
                false
            }
        })
        .collect();
    Stored {
        records,
        unreadable: (!problems.is_empty()).then(|| problems.join("; ")),
    }
}

/// Storage's text for `records`.
pub fn write_store(records: &[YourRecord]) -> String {
    base64url(&crate::codec::to_bytes(STORE_MAGIC, &records))
}

/// Checks a record from outside (storage, a share link, an import) as the
/// data's own checks would: the text is held, each figure's words are in it
/// at the place given and state its amount, ids are slugs, the source is a
/// web address. Returns every problem, in words for the page.
pub fn check_your_record(kept: &YourRecord) -> Result<(), Vec<String>> {
    let record = &kept.record;
    let mut problems = Vec::new();
    if record.id.is_empty() || slug(&record.id) != record.id {
        problems.push(format!("its id {:?} is not a slug", record.id));
    }
    if record.kind != RecordKind::Yours {
        problems.push("it is not marked as added in a browser".to_string());
    }
    let Some(text) = record.text.as_deref() else {
        problems.push("it has no text".to_string());
        return Err(problems);
    };
    if text.chars().count() > MAX_TEXT_CHARS {
        problems.push(format!(
            "its text is longer than {MAX_TEXT_CHARS} characters"
        ));
    }
    if let Some(url) = &record.source_url {
        if !is_web_address(url) {
            problems.push(format!("its source {url:?} is not an http(s) address"));
        }
    }
    let chars: Vec<char> = text.chars().collect();
    for item in &record.items {
        let key = item.id.strip_prefix(&format!("{}/", record.id));
        if key.is_none_or(|key| key.is_empty() || slug(key) != key) {
            problems.push(format!(
                "figure {:?} is not named after its record",
                item.id
            ));
        }
        if item.evidence.is_empty() {
            problems.push(format!("figure {:?} has no words that state it", item.id));
        }
        for span in &item.evidence {
            let found: Option<String> = (span.start < span.end && span.end <= chars.len())
                .then(|| chars[span.start..span.end].iter().collect());
            if found.as_deref() != Some(span.quote.as_str()) {
                problems.push(format!(
                    "figure {:?}: its words are not in the text",
                    item.id
                ));
            } else if parse_stated(&span.quote).map(|s| s.amount) != Ok(item.amount) {
                problems.push(format!(
                    "figure {:?}: its words do not state {}",
                    item.id,
                    item.amount.full()
                ));
            }
        }
    }
    for org in &kept.new_organisations {
        if org.id != slug(&org.name) || org.name.trim().is_empty() {
            problems.push(format!("organisation {:?} has no proper id", org.name));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Checks what a record from someone else (a share link) says the text
/// states, as `announcements validate` would: its date is a date the text
/// states, each single year a financial year it states (unless the figure
/// says why it is inferred), each place named in it.
pub fn check_stated(kept: &YourRecord) -> Result<(), Vec<String>> {
    let record = &kept.record;
    let text = record.text.as_deref().unwrap_or_default();
    let found = crate::extract::extract(text, &crate::extract::Gazetteer::default());
    let mut problems = Vec::new();
    if let Some(date) = record.published_on {
        if !found.dates.contains(&date) {
            problems.push(format!("its date {date} is not a date the text states"));
        }
    }
    for item in &record.items {
        if let Some(year) = item
            .period
            .single_year()
            .filter(|_| item.period_inferred.is_none())
        {
            if !found.financial_years.contains(&year) {
                problems.push(format!("{year} is not a financial year the text states"));
            }
        }
    }
    for place in &record.places {
        if !text.contains(place.as_str()) {
            problems.push(format!("the place {place:?} is not named in the text"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// A figure as the review form holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftFigure {
    /// Whether it is kept (the form's "drop" unticks it).
    pub keep: bool,
    pub amount: u64,
    pub qualifier: Option<Qualifier>,
    /// The words that state it and where they are (characters).
    pub quote: String,
    pub start: usize,
    pub end: usize,
    pub role: Role,
    pub stream: FundingStream,
    pub money_type: MoneyType,
    pub period: Option<FinancialYear>,
    /// The financial year its own sentence names, if any: shown beside the
    /// form as a hint, never filled in ("£2m the year before" shares a
    /// sentence with "2017/18").
    pub sentence_year: Option<FinancialYear>,
    pub purpose: String,
    /// Who money for a recipient is for: the text's recipients together
    /// (None), or one of them, by id. A text whose figures go to different
    /// recipients is kept as a record for each.
    pub for_recipient: Option<String>,
    /// The kept figure this is, in an edit (its id and all it holds that
    /// the form does not show stay as they were).
    pub was: Option<FundingItem>,
}

/// A text under review: what the form shows and edits. Every field starts
/// "not stated" (or, in an edit, as it was kept), and figures start as
/// context, which no total counts: the person says what the text states.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub text: String,
    /// The file it came from, if any (shown as text).
    pub file_name: Option<String>,
    pub title: String,
    pub publisher: String,
    pub published_on: Option<PartialDate>,
    pub source_url: String,
    /// The programme: the one the text names, else not stated.
    pub programme: Programme,
    /// Known organisations, by id.
    pub recipients: Vec<String>,
    /// A recipient the dataset does not know, by name ("" for none).
    pub new_recipient: String,
    pub figures: Vec<DraftFigure>,
    /// The kept record this draft changes, if it is an edit.
    pub editing: Option<Box<YourRecord>>,
}

impl Draft {
    /// A new draft of `text` from what the extractor found in it: one
    /// figure for each amount, as context; the programme if the text names
    /// one; nothing else filled in.
    pub fn new(text: String, file_name: Option<String>, found: &Extraction) -> Draft {
        let figures = found
            .amounts
            .iter()
            .filter(|a| a.problem.is_none())
            .filter_map(|a| {
                Some(DraftFigure {
                    keep: true,
                    amount: a.gbp?,
                    qualifier: a.qualifier,
                    quote: a.text.clone(),
                    start: a.start,
                    end: a.end,
                    role: Role::Context,
                    stream: FundingStream::NotStated,
                    money_type: MoneyType::NotStated,
                    period: None,
                    sentence_year: a.financial_year,
                    purpose: String::new(),
                    for_recipient: None,
                    was: None,
                })
            })
            .collect();
        Draft {
            programme: programme_named(&text).unwrap_or(Programme::NotStated),
            text,
            file_name,
            title: String::new(),
            publisher: String::new(),
            published_on: None,
            source_url: String::new(),
            recipients: Vec::new(),
            new_recipient: String::new(),
            figures,
            editing: None,
        }
    }

    /// The draft of a kept record, to edit it (or to review someone
    /// else's, from a link).
    pub fn of(kept: &YourRecord) -> Draft {
        let record = &kept.record;
        Draft {
            text: record.text.clone().unwrap_or_default(),
            file_name: None,
            title: record.title.clone().unwrap_or_default(),
            publisher: record.publisher.clone().unwrap_or_default(),
            published_on: record.published_on,
            source_url: record.source_url.clone().unwrap_or_default(),
            programme: record.programme,
            // Its new organisations are recipients like known ones, and
            // stay its own (`to_records`).
            recipients: record.recipients.clone(),
            new_recipient: String::new(),
            figures: record
                .items
                .iter()
                .filter_map(|item| {
                    let words = item.evidence.first()?;
                    Some(DraftFigure {
                        keep: true,
                        amount: item.amount.0,
                        qualifier: item.qualifier,
                        quote: words.quote.clone(),
                        start: words.start,
                        end: words.end,
                        role: item.role,
                        stream: item.stream,
                        money_type: item.money_type,
                        period: item.period.single_year(),
                        sentence_year: None,
                        purpose: item.purpose.clone().unwrap_or_default(),
                        for_recipient: None,
                        was: Some(item.clone()),
                    })
                })
                .collect(),
            editing: Some(Box::new(kept.clone())),
        }
    }

    /// Someone else's record (from a share link) as the draft of a new
    /// record of one's own: an id of its own when kept, its recipients those
    /// `dataset` knows, and its new organisation named as a new recipient.
    pub fn of_someone_elses(kept: &YourRecord, dataset: &Dataset) -> Draft {
        let mut draft = Draft::of(kept);
        draft.editing = None;
        draft
            .recipients
            .retain(|id| dataset.organisation(id).is_some());
        draft.new_recipient = kept
            .new_organisations
            .first()
            .map(|o| o.name.clone())
            .unwrap_or_default();
        draft
    }

    /// The recipients the form names, by id: each known organisation
    /// ticked, then the new one typed (a known organisation if its name or
    /// an alias is one's), with the new one's organisation when it is new;
    /// or what is wrong with the new one's name.
    fn recipients_named(
        &self,
        organisations: &[Organisation],
    ) -> (Vec<String>, Option<Organisation>, Option<String>) {
        let mut recipients: Vec<String> = Vec::new();
        for id in &self.recipients {
            if !recipients.contains(id) {
                recipients.push(id.clone());
            }
        }
        let new_name = self.new_recipient.trim();
        if new_name.is_empty() {
            return (recipients, None, None);
        }
        let id = slug(new_name);
        let known = organisations.iter().find(|o| {
            o.id == id
                || o.name.eq_ignore_ascii_case(new_name)
                || o.aliases.iter().any(|a| a.eq_ignore_ascii_case(new_name))
        });
        let (id, invented) = match known {
            Some(org) => (org.id.clone(), None),
            None if id.is_empty() => {
                return (
                    recipients,
                    None,
                    Some(format!(
                        "The new recipient {new_name:?} needs letters or digits in its name."
                    )),
                )
            }
            None => (
                id.clone(),
                Some(Organisation {
                    id,
                    name: new_name.to_string(),
                    kind: OrganisationKind::Other,
                    care_model: None,
                    selected_on: None,
                    source_url: None,
                    aliases: Vec::new(),
                    places: Vec::new(),
                    org_id: None,
                }),
            ),
        };
        if !recipients.contains(&id) {
            recipients.push(id);
        }
        (recipients, invented, None)
    }

    /// Whom a figure's money can be for, as the form offers it: each of the
    /// text's recipients, (id, name).
    pub fn recipient_choices(&self, organisations: &[Organisation]) -> Vec<(String, String)> {
        let (ids, invented, _) = self.recipients_named(organisations);
        ids.into_iter()
            .map(|id| (id.clone(), name_of(&id, invented.as_ref(), organisations)))
            .collect()
    }

    /// The records to keep, or what the person must change first: one,
    /// unless figures are for different recipients, then one for each
    /// recipient or group of them (the same text, each with its own
    /// figures; the others, which are no one's money, go with the text's
    /// recipients together, or else with the first). `published` is the
    /// published dataset; `organisations` every organisation the page knows
    /// (with other kept records' new ones); `taken` the ids no new record
    /// may have (the kept ones, and one waiting for Undo). An edit keeps its
    /// id (the first record's), its figures' ids and all the form does not
    /// show.
    pub fn to_records(
        &self,
        published: &Dataset,
        organisations: &[Organisation],
        taken: &[&str],
    ) -> Result<Vec<YourRecord>, Vec<String>> {
        let mut problems = Vec::new();
        let source_url = Some(self.source_url.trim().to_string()).filter(|u| !u.is_empty());
        if let Some(url) = &source_url {
            if !is_web_address(url) {
                problems.push(format!(
                    "The source address must be a web address starting http:// or https://; {url:?} is not kept as a link."
                ));
            }
        }
        let (recipients, invented, problem) = self.recipients_named(organisations);
        problems.extend(problem);
        let kept: Vec<usize> = (0..self.figures.len())
            .filter(|&n| self.figures[n].keep)
            .collect();
        let is_money_for_recipient = |n: &usize| self.figures[*n].role == Role::Allocation;
        if recipients.is_empty() && kept.iter().any(is_money_for_recipient) {
            problems.push(
                "Money for a recipient needs its recipient: choose one, name a new one, or say the figure is another kind."
                    .to_string(),
            );
        }
        for &n in kept.iter().filter(|n| is_money_for_recipient(n)) {
            let figure = &self.figures[n];
            if let Some(id) = figure
                .for_recipient
                .as_ref()
                .filter(|id| !recipients.contains(id))
            {
                problems.push(format!(
                    "{} is for {}, no longer one of the text's recipients: choose whom it is for again.",
                    figure.quote,
                    name_of(id, invented.as_ref(), organisations)
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        // Money for recipients, grouped by whom it is for, in the text's order.
        let mut groups: Vec<(Vec<String>, Vec<usize>)> = Vec::new();
        for &n in kept.iter().filter(|n| is_money_for_recipient(n)) {
            let key = self.figures[n]
                .for_recipient
                .as_ref()
                .map_or_else(|| recipients.clone(), |id| vec![id.clone()]);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, figures)) => figures.push(n),
                None => groups.push((key, vec![n])),
            }
        }
        let others: Vec<usize> = kept
            .iter()
            .copied()
            .filter(|n| !is_money_for_recipient(n))
            .collect();
        let together = groups
            .iter()
            .position(|(k, _)| *k == recipients)
            .unwrap_or(0);
        match groups.get_mut(together) {
            Some((_, figures)) => {
                figures.extend(others);
                figures.sort_unstable();
            }
            None => groups.push((recipients.clone(), others)),
        }
        let split = groups.len() > 1;
        if split {
            // An edit's record stays with its own recipients' group, else
            // with the group that holds most of its figures: its id, text
            // file, links and share links stay with its money.
            if let Some(kept) = self.editing.as_deref() {
                let mut own: Vec<&String> = kept.record.recipients.iter().collect();
                own.sort();
                let stays = groups
                    .iter()
                    .position(|(k, _)| {
                        let mut k: Vec<&String> = k.iter().collect();
                        k.sort();
                        k == own
                    })
                    .or_else(|| {
                        (0..groups.len()).max_by_key(|&g| {
                            let held = groups[g].1.iter();
                            (
                                held.filter(|&&n| self.figures[n].was.is_some()).count(),
                                usize::MAX - g,
                            )
                        })
                    })
                    .unwrap_or(0);
                groups[..=stays].rotate_right(1);
            }
            // A figure that is part of another, or the same money as
            // another, stays in the same record as it.
            let group_of = |n: usize| groups.iter().position(|(_, f)| f.contains(&n));
            for &n in &kept {
                let Some(was) = self.figures[n].was.as_ref() else {
                    continue;
                };
                for (link, says) in [
                    (&was.part_of, "part of"),
                    (&was.same_as, "the same money as"),
                ] {
                    let other = link.as_deref().and_then(|target| {
                        kept.iter()
                            .copied()
                            .find(|&m| self.figures[m].was.as_ref().is_some_and(|w| w.id == target))
                    });
                    if let Some(m) = other.filter(|&m| group_of(m) != group_of(n)) {
                        problems.push(format!(
                            "{} is {says} {}: keep them for the same recipients.",
                            self.figures[n].quote, self.figures[m].quote
                        ));
                    }
                }
            }
            if !problems.is_empty() {
                return Err(problems);
            }
        }
        let mut ids: Vec<String> = Vec::new();
        let mut records = Vec::new();
        for (at, (group_recipients, figures)) in groups.iter().enumerate() {
            let title = self.title.trim();
            let title = if split && !title.is_empty() {
                let names: Vec<String> = group_recipients
                    .iter()
                    .map(|id| name_of(id, invented.as_ref(), organisations))
                    .collect();
                format!("{title} ({})", names.join(", "))
            } else {
                title.to_string()
            };
            let editing = self.editing.as_deref().filter(|_| at == 0);
            let id = match editing {
                Some(kept) => kept.record.id.clone(),
                None => {
                    let mut taken: Vec<&str> = taken.to_vec();
                    taken.extend(ids.iter().map(String::as_str));
                    unique_id(&base_id(&title, &self.publisher), published, &taken)
                }
            };
            ids.push(id.clone());
            let figures: Vec<&DraftFigure> = figures.iter().map(|&n| &self.figures[n]).collect();
            records.push(self.record_of(
                id,
                &title,
                group_recipients,
                &figures,
                source_url.clone(),
                published,
                organisations,
                invented.as_ref(),
                at == 0,
            )?);
        }
        Ok(records)
    }

    /// One record of the draft: `figures` for `recipients`, as `id`.
    /// `first` says whether it is the record an edit changes (its text
    /// file stays).
    #[allow(clippy::too_many_arguments)]
    fn record_of(
        &self,
        id: String,
        title: &str,
        recipients: &[String],
        figures: &[&DraftFigure],
        source_url: Option<String>,
        published: &Dataset,
        organisations: &[Organisation],
        invented: Option<&Organisation>,
        first: bool,
    ) -> Result<YourRecord, Vec<String>> {
        // Recipients the published data does not hold go with the record,
        // so that it reads, exports and shares whole on its own.
        let new_organisations: Vec<Organisation> = recipients
            .iter()
            .filter(|id| published.organisation(id).is_none())
            .filter_map(|id| {
                let own = self.editing.iter().flat_map(|k| k.new_organisations.iter());
                invented
                    .into_iter()
                    .chain(own)
                    .chain(organisations.iter())
                    .find(|o| &o.id == id)
                    .cloned()
            })
            .collect();
        let mut used_keys: Vec<String> = figures
            .iter()
            .filter_map(|f| f.was.as_ref().map(|w| w.id.clone()))
            .collect();
        let mut next_key = 0;
        let mut fresh_id = || loop {
            next_key += 1;
            let candidate = format!("{id}/figure-{next_key}");
            if !used_keys.contains(&candidate) {
                used_keys.push(candidate.clone());
                return candidate;
            }
        };
        let items = figures
            .iter()
            .map(|f| {
                let mut item = f.was.clone().unwrap_or_else(|| FundingItem {
                    id: fresh_id(),
                    amount: Money(f.amount),
                    stated_as: f.quote.clone(),
                    qualifier: f.qualifier,
                    period: Period::Unstated,
                    period_inferred: None,
                    role: Role::Context,
                    stream: FundingStream::NotStated,
                    money_type: MoneyType::NotStated,
                    classified_by: None,
                    purpose: None,
                    part_of: None,
                    same_as: None,
                    evidence: vec![Evidence {
                        start: f.start,
                        end: f.end,
                        quote: f.quote.clone(),
                    }],
                });
                // A figure from another record (a link, or one split off
                // in an edit) takes this record's id before its own key,
                // and so do its links within the record.
                if let Some((before, key)) = item.id.rsplit_once('/') {
                    let before = before.to_string();
                    item.id = format!("{id}/{key}");
                    if let Some(whole) = item.part_of.as_mut() {
                        if let Some(key) = whole.strip_prefix(&format!("{before}/")) {
                            *whole = format!("{id}/{key}");
                        }
                    }
                }
                item.role = f.role;
                item.stream = f.stream;
                item.money_type = f.money_type;
                item.purpose = Some(f.purpose.trim().to_string()).filter(|p| !p.is_empty());
                // A period the form cannot show (a range, several years)
                // stays as kept unless a year is chosen.
                if f.period.is_some() || item.period.single_year().is_some() {
                    item.period = f
                        .period
                        .map_or(Period::Unstated, |year| Period::Year { year });
                    if f.period != f.was.as_ref().and_then(|w| w.period.single_year()) {
                        item.period_inferred = None;
                    }
                }
                item
            })
            .collect();
        let text_or_none = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let before = self.editing.as_deref().map(|k| k.record.clone());
        let record = FundingRecord {
            id: id.clone(),
            kind: RecordKind::Yours,
            title: text_or_none(title),
            publisher: text_or_none(&self.publisher),
            author: before.as_ref().and_then(|b| b.author.clone()),
            published_on: self.published_on,
            recipients: recipients.to_vec(),
            places: before
                .as_ref()
                .map(|b| b.places.clone())
                .unwrap_or_default(),
            programme: self.programme,
            care_model: before.as_ref().and_then(|b| b.care_model),
            source_url,
            text_file: before
                .as_ref()
                .filter(|_| first)
                .and_then(|b| b.text_file.clone())
                .or_else(|| Some(format!("{id}.txt"))),
            text: Some(self.text.clone()),
            items,
            people: before
                .as_ref()
                .map(|b| b.people.clone())
                .unwrap_or_default(),
            conditions: before
                .as_ref()
                .map(|b| b.conditions.clone())
                .unwrap_or_default(),
            notes: before.as_ref().map(|b| b.notes.clone()).unwrap_or_default(),
        };
        let kept = YourRecord {
            record,
            new_organisations,
        };
        check_your_record(&kept)?;
        Ok(kept)
    }
}

/// An organisation's name by its id: the new one named in the form, or
/// one the page knows; else the id.
fn name_of(id: &str, invented: Option<&Organisation>, organisations: &[Organisation]) -> String {
    invented
        .into_iter()
        .chain(organisations)
        .find(|o| o.id == id)
        .map_or_else(|| id.to_string(), |o| o.name.clone())
}

/// The id a new record is named by: its title's, else its publisher's,
/// else "your-announcement".
fn base_id(title: &str, publisher: &str) -> String {
    [title, publisher]
        .iter()
        .map(|s| slug(s))
        .find(|s| !s.is_empty())
        .map(|s| {
            s.chars()
                .take(60)
                .collect::<String>()
                .trim_end_matches('-')
                .to_string()
        })
        .unwrap_or_else(|| "your-announcement".to_string())
}

/// `base`, or `base-2`, `base-3`…: the first no published record and none
/// of `taken` has.
fn unique_id(base: &str, published: &Dataset, taken: &[&str]) -> String {
    let used = |id: &str| published.record(id).is_some() || taken.contains(&id);
    if !used(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !used(id))
        .unwrap_or_else(|| base.to_string())
}

/// The programme a text names by its own words (the first one named), or
/// none: it is then not stated unless the person chooses one.
fn programme_named(text: &str) -> Option<Programme> {
    let lower = text.to_lowercase();
    let named = [
        ("integrated care system", Programme::IntegratedCareSystems),
        (
            "sustainability and transformation",
            Programme::SustainabilityAndTransformation,
        ),
        ("devolution", Programme::Devolution),
        ("vanguard", Programme::NewCareModels),
        ("new care model", Programme::NewCareModels),
    ];
    named
        .iter()
        .filter_map(|(words, programme)| lower.find(words).map(|at| (at, *programme)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, p)| p)
}

/// The published dataset with the kept records added: their new
/// organisations, then the records, so search, filters, totals and charts
/// take them in. A kept record whose id the published data now has (it was
/// exported and added) is not added again: see `already_published`.
pub fn with_yours(dataset: &Dataset, yours: &[YourRecord]) -> Dataset {
    let mut organisations = dataset.organisations.clone();
    for kept in yours {
        for org in &kept.new_organisations {
            if !organisations.iter().any(|o| o.id == org.id) {
                organisations.push(org.clone());
            }
        }
    }
    let mut records = dataset.records.clone();
    records.extend(
        yours
            .iter()
            .filter(|k| dataset.record(&k.record.id).is_none())
            .map(|k| k.record.clone()),
    );
    Dataset::new(organisations, records)
}

/// The kept records the published data now holds under the same id.
pub fn already_published<'a>(dataset: &Dataset, yours: &'a [YourRecord]) -> Vec<&'a str> {
    yours
        .iter()
        .map(|k| k.record.id.as_str())
        .filter(|id| dataset.record(id).is_some())
        .collect()
}

/// Text from a file's bytes: refuses what is not text, and reads HTML as
/// its text (tags, scripts and styles dropped; nothing of it is run).
pub fn text_of_file(name: &str, bytes: &[u8]) -> Result<String, String> {
    let lower = name.to_lowercase();
    let kind_ok = [".txt", ".text", ".md", ".markdown", ".html", ".htm"]
        .iter()
        .any(|ext| lower.ends_with(ext));
    if !kind_ok {
        return Err(format!(
            "{name:?} is not a .txt, .md or .html file: the page reads text files only."
        ));
    }
    if bytes.contains(&0) {
        return Err(format!("{name:?} is not text (it holds binary data)."));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        format!("{name:?} is not text in UTF-8: save it as UTF-8 text and try again.")
    })?;
    let text = if lower.ends_with(".html") || lower.ends_with(".htm") {
        html_text(text)
    } else {
        text.to_string()
    };
    check_text_size(&text)?;
    Ok(text)
}

/// Refuses a text too long to keep, or with nothing in it.
pub fn check_text_size(text: &str) -> Result<(), String> {
    let chars = text.chars().count();
    if text.trim().is_empty() {
        return Err("There is no text to read.".to_string());
    }
    if chars > MAX_TEXT_CHARS {
        return Err(format!(
            "The text is {chars} characters long; the page takes up to {MAX_TEXT_CHARS} (about 40,000 words)."
        ));
    }
    Ok(())
}

/// The text of an HTML page: elements dropped, the contents of scripts and
/// styles dropped, block ends as new lines, the common entities read.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skipping: Option<&str> = None;
    while let Some(lt) = rest.find('<') {
        if skipping.is_none() {
            out.push_str(&decode_entities(&rest[..lt]));
        }
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = after[..gt].trim().to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let closing = tag.starts_with('/');
        match (skipping, closing) {
            (Some(skip), true) if skip == name => skipping = None,
            (Some(_), _) => {}
            (None, false) if name == "script" || name == "style" || name == "head" => {
                skipping = Some(if name == "script" {
                    "script"
                } else if name == "style" {
                    "style"
                } else {
                    "head"
                })
            }
            (None, _) => {
                if matches!(
                    name.as_str(),
                    "p" | "br"
                        | "div"
                        | "li"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "tr"
                        | "section"
                        | "article"
                ) && !out.ends_with('\n')
                {
                    out.push('\n');
                }
            }
        }
        rest = &after[gt + 1..];
    }
    if skipping.is_none() {
        out.push_str(&decode_entities(rest));
    }
    // Runs of blank lines as one.
    let mut text = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank += 1;
            if blank == 1 && !text.is_empty() {
                text.push('\n');
            }
            continue;
        }
        blank = 0;
        if !text.is_empty() && !text.ends_with("\n\n") {
            text.push('\n');
        }
        text.push_str(line);
    }
    text
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&nbsp;", "\u{a0}")
        .replace("&pound;", "£")
        .replace("&#163;", "£")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&rsquo;", "\u{2019}")
        .replace("&lsquo;", "\u{2018}")
        .replace("&ndash;", "–")
        .replace("&mdash;", "—")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The share link's fragment value: bytes as URL-safe base64, unpadded.
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// The bytes of URL-safe base64 (padded or not), or None if it is not that.
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        } as u32)
    };
    let text = text.trim_end_matches('=').as_bytes();
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// What a share link's fragment starts with; the rest is the record.
pub const SHARE_FRAGMENT: &str = "share=";

/// The record as the share link carries it, before compression.
pub fn share_bytes(kept: &YourRecord) -> Vec<u8> {
    crate::codec::to_bytes(SHARE_MAGIC, kept)
}

/// A record from a share link's unpacked bytes, checked like anything from
/// outside. It is someone else's until the person keeps it.
pub fn read_shared(bytes: &[u8]) -> Result<YourRecord, Vec<String>> {
    let mut kept: YourRecord = crate::codec::from_bytes(SHARE_MAGIC, bytes)
        .map_err(|e| vec![format!("the link's record cannot be read: {e}")])?;
    kept.record.kind = RecordKind::Yours;
    check_your_record(&kept)?;
    check_stated(&kept)?;
    Ok(kept)
}

/// A run of a text under review: plain, or one find marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub mark: Option<crate::extract::MarkKind>,
    /// Where it starts in the text (characters): a figure's words are
    /// found by it.
    pub start: usize,
}

/// `text` cut into plain runs and marked finds (marks in order, apart, as
/// the extractor gives them; any out of order or outside the text is left
/// unmarked).
pub fn marked_pieces(text: &str, marks: &[crate::extract::Mark]) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces = Vec::new();
    let mut at = 0;
    let run = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    for mark in marks {
        if mark.start < at || mark.end <= mark.start || mark.end > chars.len() {
            continue;
        }
        if mark.start > at {
            pieces.push(Piece {
                text: run(at, mark.start),
                mark: None,
                start: at,
            });
        }
        pieces.push(Piece {
            text: run(mark.start, mark.end),
            mark: Some(mark.kind),
            start: mark.start,
        });
        at = mark.end;
    }
    if at < chars.len() {
        pieces.push(Piece {
            text: run(at, chars.len()),
            mark: None,
            start: at,
        });
    }
    pieces
}

/// What the page asks of its "Add a text" panel, which is a wasm of its
/// own (loaded on first use): the detail of a window event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanelAction {
    Open,
    Edit(String),
    Share(String),
    Export(String),
    /// A share link's fragment value, to open for review.
    Link(String),
    /// The page changed the kept records (a delete, an undo): read them again.
    Refresh,
}

/// What the panel tells the page, the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanelNews {
    /// The panel listens: actions can be sent.
    Ready,
    /// The kept records changed in storage.
    Changed,
    /// A record was kept (its title): changed, and said.
    Kept(String),
    /// The person asked to delete a kept record (the page does, with Undo).
    Delete(String),
}

impl PanelAction {
    pub fn to_detail(&self) -> String {
        match self {
            PanelAction::Open => "open".to_string(),
            PanelAction::Edit(id) => format!("edit {id}"),
            PanelAction::Share(id) => format!("share {id}"),
            PanelAction::Export(id) => format!("export {id}"),
            PanelAction::Link(fragment) => format!("link {fragment}"),
            PanelAction::Refresh => "refresh".to_string(),
        }
    }

    pub fn from_detail(detail: &str) -> Option<PanelAction> {
        let (word, rest) = detail.split_once(' ').unwrap_or((detail, ""));
        let rest = rest.to_string();
        Some(match word {
            "open" => PanelAction::Open,
            "edit" => PanelAction::Edit(rest),
            "share" => PanelAction::Share(rest),
            "export" => PanelAction::Export(rest),
            "link" => PanelAction::Link(rest),
            "refresh" => PanelAction::Refresh,
            _ => return None,
        })
    }
}

impl PanelNews {
    pub fn to_detail(&self) -> String {
        match self {
            PanelNews::Ready => "ready".to_string(),
            PanelNews::Changed => "changed".to_string(),
            PanelNews::Kept(title) => format!("kept {title}"),
            PanelNews::Delete(id) => format!("delete {id}"),
        }
    }

    pub fn from_detail(detail: &str) -> Option<PanelNews> {
        let (word, rest) = detail.split_once(' ').unwrap_or((detail, ""));
        Some(match word {
            "ready" => PanelNews::Ready,
            "changed" => PanelNews::Changed,
            "kept" => PanelNews::Kept(rest.to_string()),
            "delete" => PanelNews::Delete(rest.to_string()),
            _ => return None,
        })
    }
}
