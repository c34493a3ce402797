//! How to cite a figure: who published it, when, where to read it, and the
//! figure as its source states it. One sentence a journalist can paste.

use crate::model::{Dataset, FundingItem, FundingRecord};

/// The citation of `item` of `record`: publisher, date (or "undated"),
/// title, address, then the figure with its recipient and period.
pub fn citation(dataset: &Dataset, record: &FundingRecord, item: &FundingItem) -> String {
    let publisher = record
        .publisher
        .as_deref()
        .unwrap_or("Publisher not stated");
    let date = record
        .published_on
        .map_or_else(|| "undated".to_string(), |d| d.readable());
    let mut out = format!("{publisher} ({date})");
    if let Some(title) = &record.title {
        out.push_str(&format!(", “{title}”"));
    }
    if let Some(url) = &record.source_url {
        out.push_str(&format!(", {url}"));
    }
    let recipients = dataset.recipient_names(record).join(", ");
    let period = item
        .period_shown()
        .unwrap_or_else(|| "period not stated".to_string());
    out.push_str(&format!(
        ". {recipients}: {} ({}), {period}; {}.",
        item.stated_as,
        item.amount.full(),
        item.stream.name().to_lowercase()
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::PartialDate;
    use crate::model::{
        FundingStream, MoneyType, Organisation, OrganisationKind, Programme, RecordKind, Role,
    };
    use crate::money::Money;
    use crate::period::{FinancialYear, Period};

    #[test]
    fn a_citation_names_the_source_the_date_and_the_figure_as_stated() {
        let organisation = Organisation {
            id: "dudley-mcp".into(),
            name: "Dudley MCP".into(),
            kind: OrganisationKind::Vanguard,
            care_model: None,
            selected_on: None,
            source_url: None,
            aliases: vec![],
            org_id: None,
            places: vec![],
        };
        let item = FundingItem {
            id: "x".into(),
            amount: Money(4_380_000),
            stated_as: "£4.38m".into(),
            qualifier: None,
            period: Period::Year {
                year: FinancialYear::starting(2017).unwrap(),
            },
            period_inferred: None,
            role: Role::Allocation,
            stream: FundingStream::VanguardFund,
            money_type: MoneyType::NotStated,
            classified_by: None,
            purpose: None,
            part_of: None,
            same_as: None,
            evidence: vec![],
        };
        let mut record = FundingRecord {
            id: "x".into(),
            kind: RecordKind::ReportedFigure,
            title: None,
            publisher: Some("Black Country Radio".into()),
            author: None,
            published_on: None,
            recipients: vec!["dudley-mcp".into()],
            places: vec![],
            programme: Programme::NewCareModels,
            care_model: None,
            source_url: Some("https://example.org/dudley".into()),
            text_file: None,
            text: None,
            items: vec![item.clone()],
            people: vec![],
            conditions: vec![],
            notes: vec![],
        };
        let dataset = Dataset::new(vec![organisation], vec![record.clone()]);
        assert_eq!(
            citation(&dataset, &record, &item),
            "Black Country Radio (undated), https://example.org/dudley. Dudley MCP: £4.38m (£4,380,000), 2017/18; national vanguard (new care models) funding."
        );
        record.published_on = PartialDate::full(2017, 1, 9);
        record.title = Some("A title".into());
        assert!(citation(&dataset, &record, &item)
            .starts_with("Black Country Radio (9 January 2017), “A title”, https://"));
    }
}
