//! The values each facet gives a record or a funding item, as the short codes
//! links use (`model=MCP`, `fy=2017/18`, `recipient=dudley-mcp`), and the words
//! a person sees for each code.

use crate::model::{slug, slug_into};
use crate::model::{CareModel, Dataset, FundingItem, FundingRecord, Programme, RecordKind, Role};
use crate::view::Facet;

/// The code for "none" in any facet: no care model, no year stated, and so on.
pub const NONE: &str = "none";

/// The source facet's code for a record the person added in this browser.
pub const YOURS: &str = "yours";

pub fn programme_code(p: Programme) -> &'static str {
    match p {
        Programme::NewCareModels => "vanguards",
        Programme::IntegratedCareSystems => "ics",
        Programme::SustainabilityAndTransformation => "stp",
        Programme::Devolution => "devolution",
        Programme::NotStated => NONE,
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

/// Codes a facet knows whether or not a record has them: every care model
/// and every organisation the data names, so that a link to a vanguard with
/// no figure held (`?model=EHCH`, `?recipient=gateshead-care-home-project`)
/// is applied and says so, rather than being dropped as unknown.
pub fn always_known(dataset: &Dataset) -> Vec<(Facet, &str)> {
    let models = CareModel::ALL.iter().map(|m| (Facet::CareModel, m.code()));
    let organisations = dataset
        .organisations
        .iter()
        .map(|o| (Facet::Recipient, o.id.as_str()));
    let yours = std::iter::once((Facet::FullText, YOURS));
    models.chain(organisations).chain(yours).collect()
}

/// Calls `f` with each code a record has for a record-level facet. Codes
/// that are not already text (years, slugs) are written into `buffer`, so
/// reading every record's codes allocates nothing per record.
pub fn each_record_value(
    dataset: &Dataset,
    record: &FundingRecord,
    facet: Facet,
    buffer: &mut String,
    mut f: impl FnMut(&str),
) {
    use std::fmt::Write;
    buffer.clear();
    match facet {
        Facet::Programme => f(programme_code(record.programme)),
        Facet::CareModel => f(dataset
            .effective_care_model(record)
            .map_or(NONE, CareModel::code)),
        Facet::Recipient => record.recipients.iter().for_each(|id| f(id)),
        Facet::YearAnnounced => match record.published_on {
            Some(date) => {
                let _ = write!(buffer, "{}", date.year);
                f(buffer)
            }
            None => f(NONE),
        },
        Facet::Publisher => match record.publisher.as_deref() {
            Some(name) => {
                slug_into(name, buffer);
                f(buffer)
            }
            None => f(NONE),
        },
        Facet::FullText => f(match record.kind {
            RecordKind::Announcement => "full",
            RecordKind::Yours => YOURS,
            RecordKind::ReportedFigure => NONE,
        }),
        // Each stream and type the record's figures have, once each.
        Facet::Stream => {
            for stream in crate::model::FundingStream::ALL {
                if record.items.iter().any(|i| i.stream == stream) {
                    f(stream.code());
                }
            }
        }
        Facet::MoneyType => {
            for money_type in crate::model::MoneyType::ALL {
                if record.items.iter().any(|i| i.money_type == money_type) {
                    f(money_type.code());
                }
            }
        }
        Facet::FinancialYear | Facet::Role => {}
    }
}

/// The code an item has for an item-level facet, written into `buffer`
/// when it is not already text.
pub fn item_value<'a>(item: &FundingItem, facet: Facet, buffer: &'a mut String) -> &'a str {
    use std::fmt::Write;
    buffer.clear();
    match facet {
        Facet::FinancialYear => match item.period.single_year() {
            Some(year) => {
                let _ = write!(buffer, "{year}");
            }
            None => buffer.push_str(NONE),
        },
        Facet::Role => buffer.push_str(role_code(item.role)),
        _ => {}
    }
    buffer
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
        Facet::Stream => crate::model::FundingStream::from_code(code)
            .map_or(code.to_string(), |s| s.name().to_string()),
        Facet::MoneyType => crate::model::MoneyType::from_code(code)
            .map_or(code.to_string(), |t| t.name().to_string()),
        Facet::FullText if none => "Linked source only".to_string(),
        Facet::FullText if code == YOURS => "Added by you".to_string(),
        Facet::FullText => "Full text held".to_string(),
        Facet::FinancialYear | Facet::YearAnnounced => code.to_string(),
    }
}
