//! The work the page hands to its worker (`worker/`), loaded only when a
//! person adds, exports or imports a text: the extractor, and the reading
//! and writing of `data/`'s announcement files with all of their checks.
//! Kept out of the page's own wasm, which every visitor loads, and out of
//! the page's main thread, which a long text would otherwise hold up.
//!
//! A job and its answer cross to the worker and back in `codec`'s compact form; `answer` is
//! plain Rust, tested natively like the rest of the core.

use crate::extract::Extraction;
use crate::model::Organisation;
use crate::yours::YourRecord;
use serde::{Deserialize, Serialize};
#[cfg(feature = "sources")]
pub use work::answer;

#[derive(Debug, Serialize, Deserialize)]
pub enum Job {
    /// What a text states: money, years, dates, and the organisations and
    /// places of `organisations` (with their aliases) and `places`.
    Extract {
        text: String,
        organisations: Vec<Organisation>,
        places: Vec<String>,
    },
    /// A kept record as files for `data/`, checked by reading them back.
    Export {
        kept: Box<YourRecord>,
        organisations: Vec<Organisation>,
    },
    /// Files written for `data/` (announcements' TOML, their texts, and new
    /// organisations' entries), read with every check.
    Import {
        files: Vec<NamedText>,
        organisations: Vec<Organisation>,
        known_items: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedText {
    pub name: String,
    pub text: String,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    Found(Extraction),
    Files(Vec<NamedText>),
    Imported {
        records: Vec<YourRecord>,
        problems: Vec<String>,
    },
    Failed(Vec<String>),
}

const JOB_MAGIC: &[u8; 4] = b"FEj1";
const ANSWER_MAGIC: &[u8; 4] = b"FEa1";

impl Job {
    /// The job as the page posts it to the worker (`codec`'s compact form).
    pub fn to_bytes(&self) -> Vec<u8> {
        crate::codec::to_bytes(JOB_MAGIC, self)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Job, String> {
        crate::codec::from_bytes(JOB_MAGIC, bytes)
    }
}

impl Answer {
    /// The answer as the worker posts it back.
    pub fn to_bytes(&self) -> Vec<u8> {
        crate::codec::to_bytes(ANSWER_MAGIC, self)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Answer, String> {
        crate::codec::from_bytes(ANSWER_MAGIC, bytes)
    }
}

/// The file of new organisations an export writes beside the announcement.
pub const NEW_ORGANISATIONS_FILE: &str = "organisations-to-add.toml";

/// The worker's side (with the TOML reader and writer, which the page's own
/// wasm does not carry).
#[cfg(feature = "sources")]
mod work {
    use super::*;
    use crate::extract::{extract, Gazetteer};
    use crate::model::RecordKind;
    use crate::sources::{
        announcement_toml, organisations_toml, read_announcement_files, read_new_organisations,
        SourceFile,
    };
    use crate::yours::check_text_size;
    use std::collections::{HashMap, HashSet};

    pub fn answer(job: Job) -> Answer {
        match job {
            Job::Extract {
                text,
                organisations,
                places,
            } => {
                if let Err(problem) = check_text_size(&text) {
                    return Answer::Failed(vec![problem]);
                }
                let mut gazetteer = Gazetteer::default();
                for org in &organisations {
                    gazetteer.add_organisation(&org.name, &org.aliases, &org.places);
                }
                for place in &places {
                    gazetteer.add_place(place);
                }
                Answer::Found(extract(&text, &gazetteer))
            }
            Job::Export {
                kept,
                organisations,
            } => export(&kept, organisations),
            Job::Import {
                files,
                organisations,
                known_items,
            } => import(files, organisations, known_items),
        }
    }

    fn export(kept: &YourRecord, mut organisations: Vec<Organisation>) -> Answer {
        organisations.extend(kept.new_organisations.iter().cloned());
        let record = &kept.record;
        let (Some(text_file), Some(text)) = (&record.text_file, &record.text) else {
            return Answer::Failed(vec![format!("{} has no text to export", record.id)]);
        };
        let toml = match announcement_toml(record, &organisations) {
            Ok(toml) => toml,
            Err(problem) => return Answer::Failed(vec![problem]),
        };
        let toml_file = SourceFile {
            name: format!("{}.toml", record.id),
            text: format!(
                "# Added in the funding explorer: to add it to the dataset, put this file and\n\
             # {text_file} in data/announcements/{}, then run `announcements validate`.\n{toml}",
                if kept.new_organisations.is_empty() {
                    String::new()
                } else {
                    format!(", and the entries of {NEW_ORGANISATIONS_FILE} at the end of data/organisations.toml")
                }
            ),
        };
        // What is offered is what data/'s checks accept: read back, it is the
        // same record.
        let texts = HashMap::from([(text_file.clone(), text.clone())]);
        match read_announcement_files(&toml_file, &texts, &organisations, &HashSet::new()) {
            Ok(read) if read.items == record.items && read.recipients == record.recipients => {}
            Ok(_) => {
                return Answer::Failed(vec![format!(
                    "{} does not read back as the same record",
                    toml_file.name
                )])
            }
            Err(problems) => {
                return Answer::Failed(problems.iter().map(|p| p.to_string()).collect())
            }
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
            match organisations_toml(&kept.new_organisations) {
                Ok(text) => files.push(NamedText {
                    name: NEW_ORGANISATIONS_FILE.to_string(),
                    text,
                }),
                Err(problem) => return Answer::Failed(vec![problem]),
            }
        }
        Answer::Files(files)
    }

    fn import(
        files: Vec<NamedText>,
        organisations: Vec<Organisation>,
        known_items: Vec<String>,
    ) -> Answer {
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
                match read_new_organisations(&SourceFile {
                    name,
                    text: file.text,
                }) {
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
        let mut all = organisations;
        all.extend(new_organisations.iter().cloned());
        let known: HashSet<String> = known_items.into_iter().collect();
        let mut records = Vec::new();
        for file in &announcements {
            match read_announcement_files(file, &texts, &all, &known) {
                Ok(mut record) => {
                    record.kind = RecordKind::Yours;
                    let new = new_organisations
                        .iter()
                        .filter(|o| record.recipients.contains(&o.id))
                        .cloned()
                        .collect();
                    records.push(YourRecord {
                        record,
                        new_organisations: new,
                    });
                }
                Err(found) => problems.extend(found.iter().map(|p| p.to_string())),
            }
        }
        if announcements.is_empty() && problems.is_empty() {
            problems
                .push("No announcement file (.toml with its text_file) was chosen.".to_string());
        }
        Answer::Imported { records, problems }
    }
}
