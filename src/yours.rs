//! What the person added and kept ("yours"), for the page's life: read from
//! the browser's storage (gloo's local storage) when the page starts,
//! written back on every change, and added to the dataset the explorer
//! shows. The explorer is built again over the new dataset when a record is
//! kept, changed or deleted, as it is on a reload; the view stays, since the
//! address bar holds it.
//!
//! What is stored carries a format version (`funding_core::yours`). What
//! cannot be read is never deleted: it is moved aside under its own key,
//! and the page says so and offers it as a download.

use crate::download;
use funding_core::yours::{already_published, read_store, with_yours, write_store, YourRecord};
use funding_core::Dataset;
use gloo::storage::{LocalStorage, Storage};
use leptos::prelude::*;

/// Where the kept records are stored.
pub const STORE_KEY: &str = "funding-explorer.yours";
/// Where stored records that cannot be read are moved (a number is added
/// when that is taken).
const ASIDE_KEY: &str = "funding-explorer.yours.unreadable";

#[cfg(feature = "add-panel")]
/// A text under review: the form's first values, and what the extractor
/// found in the text (its marks, and the years and dates the form offers).
#[derive(Debug, Clone)]
pub struct Review {
    pub draft: funding_core::yours::Draft,
    pub found: funding_core::extract::Extraction,
    /// Opened from someone's share link: not the person's until kept.
    pub shared: bool,
}

#[cfg(feature = "add-panel")]
/// What the "Add" panel shows.
#[derive(Debug, Clone)]
pub enum Adding {
    Closed,
    /// Paste, drop or choose a text; import files; the kept records.
    Open,
    /// A share link's record is being unpacked.
    Reading,
    Reviewing(std::sync::Arc<Review>),
}

/// Stored records that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    pub reason: String,
    /// Where a copy of what was stored is kept.
    pub key: String,
    pub stored: String,
    /// Whether the copy was made. If the browser refused, the stored
    /// records stay where they were, and nothing new is stored over them.
    pub moved: bool,
}

#[derive(Clone, Copy)]
pub struct Yours {
    /// The published dataset, as fetched.
    pub base: &'static Dataset,
    /// The dataset the explorer shows: the published one and the kept records.
    pub dataset: RwSignal<&'static Dataset>,
    pub kept: RwSignal<Vec<YourRecord>>,
    pub set_aside: RwSignal<Option<SetAside>>,
    /// The last record deleted and its place, until undone or replaced.
    pub deleted: RwSignal<Option<(YourRecord, usize)>>,
    #[cfg(feature = "add-panel")]
    pub adding: RwSignal<Adding>,
    /// What the last action did, or why it could not (a polite status).
    pub said: RwSignal<Option<String>>,
}

/// The records kept, from the page's context.
pub fn use_yours() -> Yours {
    // Provided by `start` around everything the page mounts.
    expect_context::<Yours>()
}

impl Yours {
    /// Reads what is stored (anything unreadable is set aside and said),
    /// and follows what other tabs store, for the life of the caller.
    pub fn start(base: &'static Dataset) -> Yours {
        let (kept, set_aside) = read_stored();
        let shadowed: Vec<String> = already_published(base, &kept)
            .into_iter()
            .map(str::to_string)
            .collect();
        let yours = Yours {
            base,
            dataset: RwSignal::new(base),
            kept: RwSignal::new(Vec::new()),
            set_aside: RwSignal::new(set_aside),
            deleted: RwSignal::new(None),
            #[cfg(feature = "add-panel")]
            adding: RwSignal::new(Adding::Closed),
            said: RwSignal::new((!shadowed.is_empty()).then(|| {
                format!(
                    "The published data now holds {}: your copy is kept, but not shown twice.",
                    shadowed.join(", ")
                )
            })),
        };
        yours.show(kept);
        // Another tab kept or deleted a record.
        crate::listen::on_window("storage", move |_| yours.reload());
        yours
    }

    /// Reads what is stored again: after the other wasm (the page or its
    /// panel) or another tab changed it, and before every change here, so
    /// that no change is made over one made elsewhere.
    pub fn reload(self) {
        let (kept, set_aside) = read_stored();
        if set_aside.is_some() {
            self.set_aside.set(set_aside);
        }
        if self.kept.with_untracked(|k| *k != kept) {
            self.show(kept);
        }
    }

    fn show(self, records: Vec<YourRecord>) {
        self.dataset.set(if records.is_empty() {
            self.base
        } else {
            leak(with_yours(self.base, &records))
        });
        self.kept.set(records);
    }

    /// Stores `records` and shows them; if the browser refuses to store
    /// them (storage full or turned off), or stored records that could not
    /// be read are still in the way, nothing changes and it is said.
    fn replace(self, records: Vec<YourRecord>) -> Result<(), String> {
        if self
            .set_aside
            .with_untracked(|s| s.as_ref().is_some_and(|s| !s.moved))
        {
            return Err("Nothing new is stored until the stored texts that could not be read are downloaded and this browser's storage has room to keep a copy of them.".to_string());
        }
        LocalStorage::raw()
            .set_item(STORE_KEY, &write_store(&records))
            .map_err(|_| {
                "This browser did not let the page store it (its storage may be full or turned off); nothing was changed."
                    .to_string()
            })?;
        self.show(records);
        Ok(())
    }

    #[cfg(feature = "add-panel")]
    /// Keeps `kept` (each checked as anything from outside is, and all
    /// stored at once), each in place of the kept record of its id if there
    /// is one.
    pub fn keep(self, kept: Vec<YourRecord>) -> Result<(), String> {
        for record in &kept {
            funding_core::yours::check_your_record(record)
                .map_err(|problems| format!("It cannot be kept: {}.", problems.join("; ")))?;
        }
        self.reload();
        let mut records = self.kept.get_untracked();
        for record in kept {
            match records.iter().position(|k| k.record.id == record.record.id) {
                Some(at) => records[at] = record,
                None => records.push(record),
            }
        }
        self.replace(records)
    }

    /// Deletes the kept record `id`, remembering it for "Undo".
    pub fn delete(self, id: &str) -> Result<(), String> {
        self.reload();
        let mut records = self.kept.get_untracked();
        let Some(at) = records.iter().position(|k| k.record.id == id) else {
            return Ok(());
        };
        let gone = records.remove(at);
        self.replace(records)?;
        self.deleted.set(Some((gone, at)));
        Ok(())
    }

    /// Puts the last deleted record back where it was; returns its id.
    pub fn undo(self) -> Result<Option<String>, String> {
        let Some((record, at)) = self.deleted.get_untracked() else {
            return Ok(None);
        };
        self.reload();
        let mut records = self.kept.get_untracked();
        let id = record.record.id.clone();
        if records.iter().any(|k| k.record.id == id) {
            self.deleted.set(None);
            return Err(format!(
                "A text kept since has the id “{id}”, so the deleted one cannot be put back."
            ));
        }
        records.insert(at.min(records.len()), record);
        self.replace(records)?;
        self.deleted.set(None);
        Ok(Some(id))
    }

    #[cfg(feature = "add-panel")]
    /// The ids of the kept records.
    pub fn ids(self) -> Vec<String> {
        self.kept
            .with_untracked(|k| k.iter().map(|k| k.record.id.clone()).collect())
    }

    /// Offers what was set aside as a file, so it can be kept elsewhere.
    pub fn download_set_aside(self) -> bool {
        self.set_aside
            .with_untracked(|s| {
                s.as_ref()
                    .map(|s| download::save("funding-explorer-stored.txt", "text/plain", &s.stored))
            })
            .unwrap_or(false)
    }
}

/// The stored records that can be read, and what could not be, set aside:
/// never deleted. A copy of everything stored is made first; only once it
/// is made are the readable records stored again without the others.
fn read_stored() -> (Vec<YourRecord>, Option<SetAside>) {
    let raw = LocalStorage::raw();
    let stored = raw.get_item(STORE_KEY).ok().flatten();
    let read = read_store(stored.as_deref());
    let Some(reason) = read.unreadable else {
        return (read.records, None);
    };
    let stored = stored.unwrap_or_default();
    let key = (1..)
        .map(|n| {
            if n == 1 {
                ASIDE_KEY.to_string()
            } else {
                format!("{ASIDE_KEY}.{n}")
            }
        })
        .find(|key| raw.get_item(key).ok().flatten().is_none())
        .unwrap_or_else(|| ASIDE_KEY.to_string());
    let moved = raw.set_item(&key, &stored).is_ok()
        && if read.records.is_empty() {
            raw.remove_item(STORE_KEY).is_ok()
        } else {
            raw.set_item(STORE_KEY, &write_store(&read.records)).is_ok()
        };
    let set_aside = SetAside {
        reason,
        key,
        stored,
        moved,
    };
    (read.records, Some(set_aside))
}

/// A dataset for the page's life. Each change of the kept records makes a
/// new one; the explorer built over the last keeps references to it.
fn leak(dataset: Dataset) -> &'static Dataset {
    Box::leak(Box::new(dataset))
}
