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
use funding_core::yours::{read_store, with_yours, write_store, YourRecord};
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
    /// The extractor is reading a text (or a link's record).
    Reading,
    Reviewing(std::sync::Arc<Review>),
}

/// Stored records that could not be read, moved aside.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    pub reason: String,
    pub key: String,
    pub stored: String,
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
    /// Reads what is stored; anything unreadable is moved aside and said.
    pub fn start(base: &'static Dataset) -> Yours {
        let (kept, set_aside) = read_stored();
        let dataset = if kept.is_empty() {
            base
        } else {
            leak(with_yours(base, &kept))
        };
        Yours {
            base,
            dataset: RwSignal::new(dataset),
            kept: RwSignal::new(kept),
            set_aside: RwSignal::new(set_aside),
            deleted: RwSignal::new(None),
            #[cfg(feature = "add-panel")]
            adding: RwSignal::new(Adding::Closed),
            said: RwSignal::new(None),
        }
    }

    /// Reads what is stored again, after the other wasm (the page or its
    /// panel) changed it.
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
    /// them (storage full or turned off), nothing changes and it is said.
    fn replace(self, records: Vec<YourRecord>) -> Result<(), String> {
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
    /// Keeps `record`, in place of the kept record of its id if there is one.
    pub fn keep(self, record: YourRecord) -> Result<(), String> {
        let mut records = self.kept.get_untracked();
        match records.iter().position(|k| k.record.id == record.record.id) {
            Some(at) => records[at] = record,
            None => records.push(record),
        }
        self.replace(records)
    }

    /// Deletes the kept record `id`, remembering it for "Undo".
    pub fn delete(self, id: &str) -> Result<(), String> {
        let mut records = self.kept.get_untracked();
        let Some(at) = records.iter().position(|k| k.record.id == id) else {
            return Ok(());
        };
        let gone = records.remove(at);
        self.replace(records)?;
        self.deleted.set(Some((gone, at)));
        Ok(())
    }

    /// Puts the last deleted record back where it was.
    pub fn undo(self) -> Result<(), String> {
        let Some((record, at)) = self.deleted.get_untracked() else {
            return Ok(());
        };
        let mut records = self.kept.get_untracked();
        records.insert(at.min(records.len()), record);
        self.replace(records)?;
        self.deleted.set(None);
        Ok(())
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

/// The stored records, and what could not be read, moved aside: never
/// deleted. The place is freed for new records only once it is aside.
fn read_stored() -> (Vec<YourRecord>, Option<SetAside>) {
    let raw = LocalStorage::raw();
    let stored = raw.get_item(STORE_KEY).ok().flatten();
    match read_store(stored.as_deref()) {
        Ok(kept) => (kept, None),
        Err(reason) => {
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
            if raw.set_item(&key, &stored).is_ok() {
                let _ = raw.remove_item(STORE_KEY);
            }
            (
                Vec::new(),
                Some(SetAside {
                    reason,
                    key,
                    stored,
                }),
            )
        }
    }
}

/// A dataset for the page's life. Each change of the kept records makes a
/// new one; the explorer built over the last keeps references to it.
fn leak(dataset: Dataset) -> &'static Dataset {
    Box::leak(Box::new(dataset))
}
