//! A kept record as the files of `data/`, and back: what the "Add a text"
//! panel exports for a maintainer to add to the published dataset, and
//! imports again. Both go through the same reader and checks as
//! `announcements validate` (`sources.rs`), so what is offered is what
//! validation accepts. Native and in the panel's wasm, never in the page's
//! own (the TOML reader and writer are the `sources` feature's).

use crate::model::{Organisation, RecordKind};
use crate::sources::{
    announcement_toml, organisations_toml, read_announcement_files, read_new_organisations,
    SourceFile,
};
use crate::yours::{check_your_record, YourRecord};
use std::collections::{HashMap, HashSet};

/// A file's name and text.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedText {
    pub name: String,
    pub text: String,
}

/// The file of new organisations an export writes beside the announcement.
pub const NEW_ORGANISATIONS_FILE: &str = "organisations-to-add.toml";

/// The files for `data/` of `kept`, given the published organisations: its
/// TOML, its text, and its new organisations' entries if it has any. They
/// are read back with every check first, and must give the same record.
pub fn export(
    kept: &YourRecord,
    published: &[Organisation],
) -> Result<Vec<NamedText>, Vec<String>> {
    let mut organisations = published.to_vec();
    organisations.extend(kept.new_organisations.iter().cloned());
    let record = &kept.record;
    let (Some(text_file), Some(text)) = (&record.text_file, &record.text) else {
        return Err(vec![format!("{} has no text to export", record.id)]);
    };
    let toml = announcement_toml(record, &organisations).map_err(|p| vec![p])?;
    let also = if kept.new_organisations.is_empty() {
        String::new()
    } else {
        format!(
            ", and the entries of {NEW_ORGANISATIONS_FILE} at the end of data/organisations.toml"
        )
    };
    let toml_file = SourceFile {
        name: format!("{}.toml", record.id),
        text: format!(
            "# Added in the funding explorer: to add it to the dataset, put this file and\n\
             # {text_file} in data/announcements/{also}, then run `announcements validate`.\n{toml}"
        ),
    };
    let texts = HashMap::from([(text_file.clone(), text.clone())]);
    match read_announcement_files(&toml_file, &texts, &organisations, &HashSet::new()) {
        Ok(read) if read.items == record.items && read.recipients == record.recipients => {}
        Ok(_) => {
            return Err(vec![format!(
                "{} does not read back as the same record",
                toml_file.name
            )])
        }
        Err(problems) => return Err(problems.iter().map(|p| p.to_string()).collect()),
    }
    let mut files = vec![
        NamedText {
            name: toml_file.name,
            text: toml_file.text,
        },
        NamedText {
            name: text_file.clone(),
            text: text.clone(),
        },
    ];
    if !kept.new_organisations.is_empty() {
        files.push(NamedText {
            name: NEW_ORGANISATIONS_FILE.to_string(),
            text: organisations_toml(&kept.new_organisations).map_err(|p| vec![p])?,
        });
    }
    Ok(files)
}

/// What an import read: the records, and every problem, in words.
#[derive(Debug, PartialEq)]
pub struct Imported {
    pub records: Vec<YourRecord>,
    pub problems: Vec<String>,
}

/// Reads files written for `data/` (announcements' TOML, their texts, and
/// entries for `organisations.toml`) with every check, against the
/// published organisations; `known_items` are the figures a `part_of` or
/// `same_as` may name.
pub fn import(
    files: Vec<NamedText>,
    published: &[Organisation],
    known_items: &HashSet<String>,
) -> Imported {
    let mut problems = Vec::new();
    let mut new_organisations: Vec<Organisation> = Vec::new();
    let mut texts = HashMap::new();
    let mut announcements = Vec::new();
    for file in files {
        let name = file
            .name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or_default()
            .to_string();
        if name.ends_with(".txt") {
            texts.insert(name, file.text);
        } else if name.ends_with(".toml") && !file.text.contains("text_file") {
            match read_new_organisations(
                &SourceFile {
                    name,
                    text: file.text,
                },
                published,
            ) {
                Ok(orgs) => new_organisations.extend(orgs),
                Err(found) => problems.extend(found.iter().map(|p| p.to_string())),
            }
        } else if name.ends_with(".toml") {
            announcements.push(SourceFile {
                name,
                text: file.text,
            });
        } else {
            problems.push(format!(
                "{name}: not a .toml or .txt file of data/, so not read"
            ));
        }
    }
    let mut all = published.to_vec();
    all.extend(new_organisations.iter().cloned());
    let mut records = Vec::new();
    for file in &announcements {
        match read_announcement_files(file, &texts, &all, known_items) {
            Ok(mut record) => {
                record.kind = RecordKind::Yours;
                let new = new_organisations
                    .iter()
                    .filter(|o| record.recipients.contains(&o.id))
                    .cloned()
                    .collect();
                let kept = YourRecord {
                    record,
                    new_organisations: new,
                };
                match check_your_record(&kept) {
                    Ok(()) => records.push(kept),
                    Err(found) => problems.push(format!("{}: {}", file.name, found.join("; "))),
                }
            }
            Err(found) => problems.extend(found.iter().map(|p| p.to_string())),
        }
    }
    if announcements.is_empty() && problems.is_empty() {
        problems.push("No announcement file (.toml with its text_file) was chosen.".to_string());
    }
    Imported { records, problems }
}
