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
            item.period
                .single_year()
                .map(|y| y.to_string())
                .unwrap_or_else(|| match &item.period {
                    crate::period::Period::Unstated => String::new(),
                    other => other.to_string(),
                }),
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
