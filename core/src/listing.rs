//! What the list shows for each funding record, worked out once here so the page
//! only lays it out: the headline figure as written and in pounds, the period,
//! the date and the source, with unknowns said plainly rather than left blank.

use crate::explore::ResultRow;
use crate::model::{Dataset, FundingItem, FundingRecord, RecordKind, Role};

/// What the list says for a fact its source does not state.
pub const NOT_STATED: &str = "Not stated";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordSummary {
    pub id: String,
    pub title: String,
    /// The recipients' names, when the title does not already say them.
    pub recipients: Option<String>,
    /// `over £8.5m`, as the source wrote it.
    pub amount_as_written: Option<String>,
    /// `£8,500,000`.
    pub amount_in_pounds: Option<String>,
    /// Said only for money that is not an allocation to the recipient.
    pub role: Option<&'static str>,
    /// `2017/18`, `three years`, or `Not stated` (the list labels each fact).
    pub period: String,
    /// `9 January 2017`, or `Not stated`.
    pub date: String,
    pub publisher: String,
    pub source_url: Option<String>,
    pub has_text: bool,
    /// How many other figures the record states besides the headline one.
    pub other_figures: usize,
    pub notes: Vec<String>,
}

/// The summary with the record's headline figure.
pub fn summarise(dataset: &Dataset, record: &FundingRecord) -> RecordSummary {
    summarise_with(dataset, record, record.headline_item())
}

/// The summary of a result row, showing the figure that passed the filters.
pub fn summarise_row(dataset: &Dataset, row: &ResultRow) -> Option<RecordSummary> {
    let record = dataset.records.get(row.record)?;
    let shown = row.shown_item_of(record).and_then(|i| record.items.get(i));
    let mut summary = summarise_with(dataset, record, shown.or(record.headline_item()));
    summary.other_figures = record.items.len().saturating_sub(1);
    Some(summary)
}

fn summarise_with(
    dataset: &Dataset,
    record: &FundingRecord,
    headline: Option<&FundingItem>,
) -> RecordSummary {
    let title = record.display_title(dataset);
    let names = dataset.recipient_names(record).join(", ");
    RecordSummary {
        id: record.id.clone(),
        recipients: (!names.is_empty() && !title.contains(&names)).then_some(names),
        title,
        amount_as_written: headline.map(|i| i.stated_as.clone()),
        amount_in_pounds: headline.map(|i| i.amount.full()),
        role: headline
            .filter(|i| i.role != Role::Allocation)
            .map(|i| i.role.name()),
        period: headline
            .and_then(|i| i.period_shown())
            .unwrap_or_else(|| NOT_STATED.to_string()),
        date: record
            .published_on
            .map(|d| d.readable())
            .unwrap_or_else(|| NOT_STATED.to_string()),
        publisher: record
            .publisher
            .clone()
            .unwrap_or_else(|| NOT_STATED.to_string()),
        source_url: record.source_url.clone(),
        has_text: record.text.is_some(),
        other_figures: record.items.len().saturating_sub(1),
        notes: record.notes.clone(),
    }
}

/// The order of the first page: announcements held in full first, newest first
/// (undated last), then reported figures as the data lists them.
pub fn default_order(dataset: &Dataset) -> Vec<&FundingRecord> {
    default_order_indices(dataset)
        .into_iter()
        .map(|i| &dataset.records[i])
        .collect()
}

/// [`default_order`] as positions in `dataset.records`.
pub fn default_order_indices(dataset: &Dataset) -> Vec<usize> {
    // Announcements first, then dated before undated, newest first; the
    // data's own order among equals. As one number per record.
    let mut keyed: Vec<(u64, u32, u32)> = dataset
        .records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let later_kind = u64::from(r.kind != RecordKind::Announcement) << 63;
            let key = match r.published_on {
                None => later_kind | 1 << 62,
                Some(d) => later_kind | u64::from(u32::MAX - d.ordinal()),
            };
            (key, i as u32, i as u32)
        })
        .collect();
    crate::order::sort_keyed(&mut keyed);
    keyed.into_iter().map(|(_, i, _)| i as usize).collect()
}
