//! The dataset as the app sees it: organisations, and funding records (seed
//! announcements with their full text, and figures reported by other sources),
//! each funding item tied to its evidence. Built and validated by `sources`
//! (native), shipped to the app in the compact form of [`crate::codec`].

use crate::calendar::PartialDate;
use crate::money::{Money, Qualifier};
use crate::period::Period;
use serde::{Deserialize, Serialize};

/// Whether `url` is an http(s) address that may be a link: the data's
/// checks refuse any other source address, and the page links no other.
pub fn is_web_address(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() > "https://".len()
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// A lower-case, hyphenated id from a name: `Dudley MCP` becomes `dudley-mcp`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    slug_into(name, &mut out);
    out
}

/// `slug(name)` added to the end of `out`, without a string of its own.
pub fn slug_into(name: &str, out: &mut String) {
    let start = out.len();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if out.len() > start && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > start && out.ends_with('-') {
        out.pop();
    }
}

/// The NHS England new care models (2015 vanguards), by the registry's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CareModel {
    #[serde(rename = "PACS")]
    Pacs,
    #[serde(rename = "MCP")]
    Mcp,
    #[serde(rename = "EHCH")]
    Ehch,
    #[serde(rename = "UEC")]
    Uec,
    #[serde(rename = "ACC")]
    Acc,
}

impl CareModel {
    pub const ALL: [CareModel; 5] = [
        CareModel::Pacs,
        CareModel::Mcp,
        CareModel::Ehch,
        CareModel::Uec,
        CareModel::Acc,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CareModel::Pacs => "PACS",
            CareModel::Mcp => "MCP",
            CareModel::Ehch => "EHCH",
            CareModel::Uec => "UEC",
            CareModel::Acc => "ACC",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            CareModel::Pacs => "Integrated primary and acute care system",
            CareModel::Mcp => "Multispecialty community provider",
            CareModel::Ehch => "Enhanced health in care homes",
            CareModel::Uec => "Urgent and emergency care",
            CareModel::Acc => "Acute care collaboration",
        }
    }

    pub fn from_code(code: &str) -> Option<CareModel> {
        CareModel::ALL
            .into_iter()
            .find(|m| m.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// The national programme money was announced under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Programme {
    /// The 2015 new care models programme and its 50 vanguards.
    NewCareModels,
    /// Integrated care systems (earlier: accountable care systems).
    IntegratedCareSystems,
    /// Sustainability and transformation partnerships.
    SustainabilityAndTransformation,
    /// Devolution deals and devolved funds (Greater Manchester, Surrey Heartlands).
    Devolution,
    /// The text names no programme (a text added in the browser may not):
    /// unknown is a value, never a guess. Last, so that records stored
    /// before it read the same.
    NotStated,
}

impl Programme {
    pub const ALL: [Programme; 5] = [
        Programme::NewCareModels,
        Programme::IntegratedCareSystems,
        Programme::SustainabilityAndTransformation,
        Programme::Devolution,
        Programme::NotStated,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Programme::NewCareModels => "new_care_models",
            Programme::IntegratedCareSystems => "integrated_care_systems",
            Programme::SustainabilityAndTransformation => "sustainability_and_transformation",
            Programme::Devolution => "devolution",
            Programme::NotStated => "not_stated",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Programme::NewCareModels => "New care models vanguard",
            Programme::IntegratedCareSystems => "Integrated care system",
            Programme::SustainabilityAndTransformation => {
                "Sustainability and transformation partnership"
            }
            Programme::Devolution => "Devolution deal or devolved fund",
            Programme::NotStated => "Not stated",
        }
    }

    pub fn from_code(code: &str) -> Option<Programme> {
        Programme::ALL.into_iter().find(|p| p.code() == code.trim())
    }
}

/// What kind of body an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// One of the 50 new care models vanguards (from the registry).
    Vanguard,
    IntegratedCareSystem,
    SustainabilityAndTransformationPartnership,
    /// A devolved area or the body of a devolution deal.
    DevolvedArea,
    /// Not one body: a group such as "All vanguards", used for programme totals.
    Group,
    /// A national fund, such as the £200m NHS transformation fund.
    Fund,
    /// Any other body (a trust, a council, a CCG): what a person adding a
    /// text names a new recipient as, unless they say more.
    Other,
}

impl OrganisationKind {
    pub fn name(self) -> &'static str {
        match self {
            OrganisationKind::Vanguard => "Vanguard",
            OrganisationKind::IntegratedCareSystem => "Integrated care system",
            OrganisationKind::SustainabilityAndTransformationPartnership => {
                "Sustainability and transformation partnership"
            }
            OrganisationKind::DevolvedArea => "Devolved area",
            OrganisationKind::Group => "Group of organisations",
            OrganisationKind::Fund => "National fund",
            OrganisationKind::Other => "Organisation",
        }
    }
}

impl Organisation {
    /// What the data knows of it, as short phrases: its kind, care model
    /// and the day its vanguard wave was chosen.
    pub fn facts(&self) -> Vec<String> {
        let mut facts = vec![self.kind.name().to_string()];
        if let Some(model) = self.care_model {
            facts.push(format!("{} ({})", model.name(), model.code()));
        }
        if let Some(date) = self.selected_on {
            facts.push(format!("chosen {}", date.readable()));
        }
        facts
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    /// A readable slug, unique in the dataset: `all-together-better-sunderland`.
    pub id: String,
    pub name: String,
    pub kind: OrganisationKind,
    pub care_model: Option<CareModel>,
    /// The day the organisation's vanguard wave was chosen.
    pub selected_on: Option<PartialDate>,
    pub source_url: Option<String>,
    /// Other names texts use for it ("All Together Better" for the Sunderland vanguard).
    pub aliases: Vec<String>,
    /// Places it covers, as texts name them.
    pub places: Vec<String>,
    /// Its identifier in a public register, in org-id.guide's form
    /// (`GB-NHS-03E` for an NHS body's ODS code), where a source gives one;
    /// the 360Giving export needs it for a recipient.
    #[serde(default)]
    pub org_id: Option<String>,
}

/// What a funding item's money is, which decides whether it adds into totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Money announced or reported for the record's recipient.
    Allocation,
    /// A total over many recipients ("all vanguards"): never added to allocations.
    ProgrammeTotal,
    /// The size of a fund that money is drawn from ("a national £200 million fund").
    FundSize,
    /// Any other money the text mentions ("£900m over the next five years").
    Context,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Allocation,
        Role::ProgrammeTotal,
        Role::FundSize,
        Role::Context,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Allocation => "allocation",
            Role::ProgrammeTotal => "programme_total",
            Role::FundSize => "fund_size",
            Role::Context => "context",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Role::Allocation => "Money for the recipient",
            Role::ProgrammeTotal => "Programme total",
            Role::FundSize => "Fund size",
            Role::Context => "Context figure",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code.trim())
    }
}

/// The fund or kind of money a figure belongs to, as its source names it.
/// Totals add only figures of one stream (and type) together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FundingStream {
    /// NHS England's national new care models (vanguard) transformation fund.
    VanguardFund,
    /// Transformation funding NHS England gives integrated (accountable) care systems.
    IcsTransformation,
    /// A devolved fund: Greater Manchester's Transformation Fund, Surrey Heartlands' deal.
    Devolution,
    /// National funding for sustainability and transformation partnerships
    /// (such as July 2017's capital allocations).
    #[serde(rename = "stp")]
    StpFunding,
    /// Money a CCG puts in locally after the national funding ended.
    LocalContinuation,
    /// The source does not say which fund the money comes from.
    NotStated,
}

impl FundingStream {
    pub const ALL: [FundingStream; 6] = [
        FundingStream::VanguardFund,
        FundingStream::IcsTransformation,
        FundingStream::Devolution,
        FundingStream::StpFunding,
        FundingStream::LocalContinuation,
        FundingStream::NotStated,
    ];

    /// The code data files and links use (serde's, above).
    pub fn code(self) -> &'static str {
        match self {
            FundingStream::VanguardFund => "vanguard-fund",
            FundingStream::IcsTransformation => "ics-transformation",
            FundingStream::Devolution => "devolution",
            FundingStream::StpFunding => "stp",
            FundingStream::LocalContinuation => "local-continuation",
            FundingStream::NotStated => "not-stated",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            FundingStream::VanguardFund => "National vanguard (new care models) funding",
            FundingStream::IcsTransformation => "Integrated care system transformation funding",
            FundingStream::Devolution => "Devolved transformation funds",
            FundingStream::StpFunding => "Sustainability and transformation partnership funding",
            FundingStream::LocalContinuation => "Local CCG funding after national funding ended",
            FundingStream::NotStated => "Fund not stated",
        }
    }

    pub fn from_code(code: &str) -> Option<FundingStream> {
        FundingStream::ALL
            .into_iter()
            .find(|s| s.code() == code.trim())
    }

    /// NHS England's own transformation money for local systems: the
    /// streams the headline total adds (with capital left out).
    pub fn is_national_transformation(self) -> bool {
        matches!(
            self,
            FundingStream::VanguardFund | FundingStream::IcsTransformation
        )
    }
}

/// Whether money is revenue (to spend on running services) or capital (for
/// buildings and equipment), as its source says; most sources say neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MoneyType {
    Revenue,
    Capital,
    NotStated,
}

impl MoneyType {
    pub const ALL: [MoneyType; 3] = [MoneyType::Revenue, MoneyType::Capital, MoneyType::NotStated];

    pub fn code(self) -> &'static str {
        match self {
            MoneyType::Revenue => "revenue",
            MoneyType::Capital => "capital",
            MoneyType::NotStated => "not-stated",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            MoneyType::Revenue => "Revenue",
            MoneyType::Capital => "Capital",
            MoneyType::NotStated => "Revenue or capital not stated",
        }
    }

    pub fn from_code(code: &str) -> Option<MoneyType> {
        MoneyType::ALL.into_iter().find(|t| t.code() == code.trim())
    }
}

/// Where in a record's text a figure is stated: character offsets (Unicode scalar
/// values, not bytes), end exclusive, and the words found there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundingItem {
    /// Unique in the dataset: the record id, then `/key` for records with several items.
    pub id: String,
    pub amount: Money,
    /// How the source wrote it: `£4.8million`, `almost £5million`.
    pub stated_as: String,
    pub qualifier: Option<Qualifier>,
    pub period: Period,
    /// Why the period is given though the source does not state it (for
    /// example "the page is HSJ's table of 2015/16 spending"); None when the
    /// source states it. An inferred year is added into its year's total,
    /// and the total says so.
    #[serde(default)]
    pub period_inferred: Option<String>,
    pub role: Role,
    pub stream: FundingStream,
    pub money_type: MoneyType,
    /// The source's words the stream and type rest on ("capital funding",
    /// "from the £200m fund"); None where it names neither.
    #[serde(default)]
    pub classified_by: Option<String>,
    /// What the money is for, in the source's terms.
    pub purpose: Option<String>,
    /// The id of the item this is a part of (a breakdown line), which is counted instead.
    pub part_of: Option<String>,
    /// The id of another source's figure for the very same money, so totals
    /// count it once.
    #[serde(default)]
    pub same_as: Option<String>,
    /// Every place in the record's text that states this figure; empty for records
    /// without stored text (their evidence is the source page).
    pub evidence: Vec<Evidence>,
}

impl FundingItem {
    /// The period as a reader sees it: as stated, or marked as inferred with
    /// the reason; None where there is none.
    pub fn period_shown(&self) -> Option<String> {
        let period = self.period.stated()?;
        Some(match &self.period_inferred {
            Some(reason) => format!("{period} (inferred, not stated: {reason})"),
            None => period,
        })
    }

    /// The kind of money in words: its stream and type.
    pub fn kind_shown(&self) -> String {
        format!("{} · {}", self.stream.name(), self.money_type.name())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// None where the text quotes a role without a name ("District Nurse").
    pub name: Option<String>,
    pub role: Option<String>,
    pub organisation: Option<String>,
}

/// Where a record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// One of the seed texts, stored in full.
    Announcement,
    /// A figure reported on another public page, linked, with no text stored.
    ReportedFigure,
    /// A text the person using this browser added and kept: stored in the
    /// browser, never in the published dataset (`yours.rs`).
    Yours,
}

impl RecordKind {
    /// The name the data files and exports use (serde's, above).
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Announcement => "announcement",
            RecordKind::ReportedFigure => "reported_figure",
            RecordKind::Yours => "yours",
        }
    }

    /// What a person reads for it, above a record in the list and the reader.
    pub fn label(self) -> &'static str {
        match self {
            RecordKind::Announcement => "Announcement, full text",
            RecordKind::ReportedFigure => "Reported figure",
            RecordKind::Yours => "Added by you, full text",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundingRecord {
    /// A readable slug, unique in the dataset.
    pub id: String,
    pub kind: RecordKind,
    /// The text's own headline; None where it has none.
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    /// The day the text says it was published; None where it does not say.
    pub published_on: Option<PartialDate>,
    /// Organisation ids.
    pub recipients: Vec<String>,
    pub places: Vec<String>,
    pub programme: Programme,
    /// As the text states it; the recipients' registry entries may say more.
    pub care_model: Option<CareModel>,
    pub source_url: Option<String>,
    /// The file the text came from, for provenance.
    pub text_file: Option<String>,
    pub text: Option<String>,
    pub items: Vec<FundingItem>,
    pub people: Vec<Person>,
    pub conditions: Vec<String>,
    /// Caveats: where sources disagree, what the source leaves unsaid.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub organisations: Vec<Organisation>,
    pub records: Vec<FundingRecord>,
    /// Organisation positions by id, built on first use: lookups by id happen
    /// for every record, and a scan of the list made them quadratic.
    #[serde(skip)]
    organisation_index: OrganisationIndex,
}

#[derive(Debug, Clone, Default)]
struct OrganisationIndex(std::sync::OnceLock<rustc_hash::FxHashMap<String, usize>>);

/// The index is a cache of the organisations: two datasets are equal when
/// their data is, whether or not either has built it yet.
impl PartialEq for OrganisationIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Dataset {
    pub fn new(organisations: Vec<Organisation>, records: Vec<FundingRecord>) -> Dataset {
        Dataset {
            organisations,
            records,
            organisation_index: OrganisationIndex::default(),
        }
    }

    /// Reads the dataset from its JSON export (`announcements export`); an
    /// error is a message for the caller to show.
    pub fn from_json(json: &str) -> Result<Dataset, String> {
        serde_json::from_str(json).map_err(|e| format!("the dataset's JSON could not be read: {e}"))
    }

    pub fn to_json(&self) -> String {
        // Serialising plain data to a String cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        let index = self.organisation_index.0.get_or_init(|| {
            self.organisations
                .iter()
                .enumerate()
                .map(|(i, o)| (o.id.clone(), i))
                .collect()
        });
        index.get(id).and_then(|&i| self.organisations.get(i))
    }

    pub fn record(&self, id: &str) -> Option<&FundingRecord> {
        self.records.iter().find(|r| r.id == id)
    }

    pub fn announcements(&self) -> impl Iterator<Item = &FundingRecord> {
        self.records
            .iter()
            .filter(|r| r.kind == RecordKind::Announcement)
    }

    pub fn funding_item_count(&self) -> usize {
        self.records.iter().map(|r| r.items.len()).sum()
    }

    /// The names of a record's recipients, in order.
    pub fn recipient_names(&self, record: &FundingRecord) -> Vec<&str> {
        self.each_recipient_name(record).collect()
    }

    /// The same names, one by one, without collecting them.
    pub fn each_recipient_name<'a, 'r>(
        &'a self,
        record: &'r FundingRecord,
    ) -> impl Iterator<Item = &'a str> + use<'a, 'r> {
        record
            .recipients
            .iter()
            .filter_map(|id| self.organisation(id).map(|o| o.name.as_str()))
    }

    /// The care model the text states, else the one its recipients' registry
    /// entries give (when they all agree).
    pub fn effective_care_model(&self, record: &FundingRecord) -> Option<CareModel> {
        if record.care_model.is_some() {
            return record.care_model;
        }
        let mut models = record
            .recipients
            .iter()
            .filter_map(|id| self.organisation(id).and_then(|o| o.care_model));
        let first = models.next()?;
        models.all(|m| m == first).then_some(first)
    }
}

impl FundingRecord {
    /// The headline, or for a record without one, its recipients and first figure.
    pub fn display_title(&self, dataset: &Dataset) -> String {
        if let Some(title) = &self.title {
            return title.clone();
        }
        let (names, figure) = self.untitled_parts(dataset);
        let recipients = names.collect::<Vec<_>>().join(", ");
        match figure {
            Some(figure) => format!("{recipients}: {figure}"),
            None => recipients,
        }
    }

    /// What the title shown for a record without one is made of: its
    /// recipients' names and its first figure as stated. `display_title`
    /// joins them; the search index reads them one by one.
    pub fn untitled_parts<'a>(
        &'a self,
        dataset: &'a Dataset,
    ) -> (impl Iterator<Item = &'a str> + 'a, Option<&'a str>) {
        (
            dataset.each_recipient_name(self),
            self.items.first().map(|item| item.stated_as.as_str()),
        )
    }

    /// The item that best stands for the record in a list: its first allocation
    /// that is not a part of another, else its first item.
    pub fn headline_item(&self) -> Option<&FundingItem> {
        self.items.get(self.headline_index()?)
    }

    /// Where the headline item is in `items`.
    pub fn headline_index(&self) -> Option<usize> {
        self.items
            .iter()
            .position(|i| i.role == Role::Allocation && i.part_of.is_none())
            .or_else(|| (!self.items.is_empty()).then_some(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_is_added_after_what_the_buffer_holds() {
        let mut out = String::from("x-");
        slug_into("  Modality Birmingham & Sandwell ", &mut out);
        assert_eq!(out, "x-modality-birmingham-sandwell");
        for name in [
            "Dudley MCP",
            "-- a --",
            "",
            "£££",
            "Connecting Care – Wakefield",
        ] {
            let mut appended = String::from("prefix:");
            slug_into(name, &mut appended);
            assert_eq!(appended, format!("prefix:{}", slug(name)), "{name:?}");
        }
        assert_eq!(slug("-- a --"), "a");
        assert_eq!(slug("£££"), "");
    }
}
