//! Exports of the dataset: the one CSV writer, and the flat table of funding
//! items that the command-line `export` and (later) the app's downloads share.

use crate::model::{Dataset, FundingItem, FundingRecord, RecordKind};

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

pub const ITEM_COLUMNS: [&str; 20] = [
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
    "purpose",
    "part_of",
    "evidence",
    "notes",
];

fn item_row(dataset: &Dataset, record: &FundingRecord, item: Option<&FundingItem>) -> Vec<String> {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let kind = match record.kind {
        RecordKind::Announcement => "announcement",
        RecordKind::ReportedFigure => "reported_figure",
    };
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
            opt(&item.purpose),
            opt(&item.part_of),
            item.evidence
                .iter()
                .map(|e| format!("{}..{}", e.start, e.end))
                .collect::<Vec<_>>()
                .join(" "),
        ]),
        None => row.extend(std::iter::repeat_n(String::new(), 9)),
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

/// The items of a view (each row of the results with the items that passed
/// its filters) as CSV, one row per funding item, in the view's order.
pub fn view_csv(dataset: &Dataset, rows: &[crate::explore::ResultRow]) -> String {
    let mut out = Vec::new();
    for row in rows {
        let Some(record) = dataset.records.get(row.record) else {
            continue;
        };
        for &i in &row.items {
            out.push(item_row(dataset, record, record.items.get(i)));
        }
    }
    write_csv(&ITEM_COLUMNS, &out)
}

/// The records of a view as JSON: each record as the dataset has it, with only
/// the funding items that passed the filters.
pub fn view_json(dataset: &Dataset, rows: &[crate::explore::ResultRow]) -> String {
    let records: Vec<FundingRecord> = rows
        .iter()
        .filter_map(|row| {
            let record = dataset.records.get(row.record)?;
            let mut copy = record.clone();
            copy.items = row
                .items
                .iter()
                .filter_map(|&i| record.items.get(i).cloned())
                .collect();
            Some(copy)
        })
        .collect();
    serde_json::to_string_pretty(&records).unwrap_or_default()
}

/// The 360Giving Data Standard's columns, in its order.
pub const GIVING360_COLUMNS: [&str; 14] = [
    "Identifier",
    "Title",
    "Description",
    "Currency",
    "Amount Awarded",
    "Award Date",
    "Recipient Org:Identifier",
    "Recipient Org:Name",
    "Funding Org:Identifier",
    "Funding Org:Name",
    "Grant Programme:Title",
    "Beneficiary Location:0:Name",
    "Planned Dates:0:Start Date",
    "Planned Dates:0:End Date",
];

/// The money for recipients in a view in the 360Giving Data Standard's column
/// names. Fills only what the data knows (see README, "360Giving export"):
/// programme totals, fund sizes and context figures are not grants and are left
/// out; so is a breakdown line whose whole is in the view.
pub fn giving360_csv(dataset: &Dataset, rows: &[crate::explore::ResultRow]) -> String {
    use crate::model::Role;
    use crate::period::Period;
    let in_view: std::collections::HashSet<&str> = rows
        .iter()
        .flat_map(|r| {
            r.items
                .iter()
                .filter_map(move |&i| dataset.records.get(r.record)?.items.get(i))
        })
        .map(|i| i.id.as_str())
        .collect();
    let mut out = Vec::new();
    for row in rows {
        let Some(record) = dataset.records.get(row.record) else {
            continue;
        };
        for item in row.items.iter().filter_map(|&i| record.items.get(i)) {
            if item.role != Role::Allocation
                || item.part_of.as_deref().is_some_and(|w| in_view.contains(w))
            {
                continue;
            }
            let mut description: Vec<String> = Vec::new();
            description.extend(item.purpose.clone());
            description.push(format!("Stated as {}.", item.stated_as));
            if let Some(source) = &record.source_url {
                description.push(format!("Source: {source}"));
            }
            description.extend(record.notes.iter().cloned());
            // Only a full date is an award date; a month or a year is left out.
            let award_date = record
                .published_on
                .filter(|d| d.day.is_some())
                .map(|d| d.to_string())
                .unwrap_or_default();
            let (start, end) = match &item.period {
                Period::Year { year } => (
                    format!("{}-04-01", year.start_year()),
                    format!("{}-03-31", year.start_year() + 1),
                ),
                Period::Years { first, last } => (
                    format!("{}-04-01", first.start_year()),
                    format!("{}-03-31", last.start_year() + 1),
                ),
                _ => (String::new(), String::new()),
            };
            out.push(vec![
                item.id.clone(),
                record.display_title(dataset),
                description.join(" "),
                "GBP".to_string(),
                item.amount.pounds().to_string(),
                award_date,
                String::new(),
                dataset.recipient_names(record).join("; "),
                String::new(),
                String::new(),
                record.programme.name().to_string(),
                record.places.first().cloned().unwrap_or_default(),
                start,
                end,
            ]);
        }
    }
    write_csv(&GIVING360_COLUMNS, &out)
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
