//! The values each facet gives a record or a funding item, as the short codes
//! links use (`model=MCP`, `fy=2017/18`, `recipient=dudley-mcp`), and the words
//! a person sees for each code.

use crate::model::slug;
use crate::model::{CareModel, Dataset, FundingItem, FundingRecord, Programme, RecordKind, Role};
use crate::view::Facet;

/// The code for "none" in any facet: no care model, no year stated, and so on.
pub const NONE: &str = "none";

pub fn programme_code(p: Programme) -> &'static str {
    match p {
        Programme::NewCareModels => "vanguards",
        Programme::IntegratedCareSystems => "ics",
        Programme::SustainabilityAndTransformation => "stp",
        Programme::Devolution => "devolution",
    }
}

pub fn role_code(r: Role) -> &'static str {
    match r {
        Role::Allocation => "recipient",
        Role::ProgrammeTotal => "programme-total",
        Role::FundSize => "fund",
        Role::Context => "context",
    }
}

/// The codes a record has for a record-level facet.
pub fn record_values(dataset: &Dataset, record: &FundingRecord, facet: Facet) -> Vec<String> {
    match facet {
        Facet::Programme => vec![programme_code(record.programme).to_string()],
        Facet::CareModel => vec![dataset
            .effective_care_model(record)
            .map_or(NONE, CareModel::code)
            .to_string()],
        Facet::Recipient => record.recipients.clone(),
        Facet::YearAnnounced => vec![record
            .published_on
            .map_or(NONE.to_string(), |d| d.year.to_string())],
        Facet::Publisher => vec![record.publisher.as_deref().map_or(NONE.to_string(), slug)],
        Facet::FullText => vec![if record.kind == RecordKind::Announcement {
            "full"
        } else {
            NONE
        }
        .to_string()],
        Facet::FinancialYear | Facet::Role => Vec::new(),
    }
}

/// The code an item has for an item-level facet.
pub fn item_value(item: &FundingItem, facet: Facet) -> String {
    match facet {
        Facet::FinancialYear => item
            .period
            .single_year()
            .map_or(NONE.to_string(), |y| y.to_string()),
        Facet::Role => role_code(item.role).to_string(),
        _ => String::new(),
    }
}

/// What a person reads for a facet's code.
pub fn label(dataset: &Dataset, facet: Facet, code: &str) -> String {
    let none = code == NONE;
    match facet {
        Facet::Programme => Programme::ALL
            .into_iter()
            .find(|p| programme_code(*p) == code)
            .map_or(code.to_string(), |p| p.name().to_string()),
        Facet::CareModel if none => "No care model".to_string(),
        Facet::CareModel => CareModel::from_code(code)
            .map_or(code.to_string(), |m| format!("{} ({})", m.name(), m.code())),
        Facet::Recipient => dataset
            .organisation(code)
            .map_or(code.to_string(), |o| o.name.clone()),
        Facet::FinancialYear if none => "Other or unstated period".to_string(),
        Facet::YearAnnounced if none => "Date not stated".to_string(),
        Facet::Publisher if none => "Publisher not stated".to_string(),
        Facet::Publisher => dataset
            .records
            .iter()
            .filter_map(|r| r.publisher.as_deref())
            .find(|p| slug(p) == code)
            .map_or(code.to_string(), str::to_string),
        Facet::Role => Role::ALL
            .into_iter()
            .find(|r| role_code(*r) == code)
            .map_or(code.to_string(), |r| r.name().to_string()),
        Facet::FullText if none => "Linked source only".to_string(),
        Facet::FullText => "Full text held".to_string(),
        Facet::FinancialYear | Facet::YearAnnounced => code.to_string(),
    }
}
