//! The funding explorer's core: everything that does not touch the DOM. The data
//! model, money, financial years and dates, the extractor, loading and
//! validation of `data/` (native, feature `sources`), and exports. The Leptos
//! app is a thin layer over this crate; every rule here is tested natively.

pub mod calendar;
pub mod case;
pub mod charts;
pub mod cite;
pub mod codec;
pub mod coverage;
#[cfg(feature = "sources")]
pub mod data_files;
pub mod disagreements;
pub mod explore;
pub mod export;
pub mod extract;
pub mod facets;
pub mod listing;
pub mod model;
pub mod money;
pub mod order;
pub mod page;
pub mod period;
pub mod query;
pub mod reader;
pub mod recipient;
pub mod search;
#[cfg(feature = "sources")]
pub mod sources;
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod tokens;
pub mod totals;
pub mod url_state;
pub mod view;
pub mod yours;

pub use calendar::PartialDate;
pub use model::{
    CareModel, Dataset, FundingItem, FundingRecord, FundingStream, MoneyType, Organisation,
    Programme, RecordKind, Role,
};
pub use money::Money;
pub use period::{FinancialYear, Period};
