//! The dataset's compact form, the file the build writes beside the page: every
//! field in a fixed order, numbers as LEB128, text as length and UTF-8 bytes.
//! Read by hand rather than through serde's JSON deserialiser, which was about
//! 29 KiB of the compressed wasm; the form is also smaller than JSON.
//!
//! Reading never panics: a damaged or truncated blob is an error that names
//! where it went wrong, and the page says it could not start.

use crate::calendar::PartialDate;
use crate::model::{
    CareModel, Dataset, Evidence, FundingItem, FundingRecord, FundingStream, MoneyType,
    Organisation, OrganisationKind, Person, Programme, RecordKind, Role,
};
use crate::money::{Money, Qualifier};
use crate::period::{FinancialYear, Period};

/// The first bytes of the form, and its version: a blob that does not start
/// with them is not one.
const MAGIC: &[u8; 4] = b"FEd1";

/// The dataset in its compact form.
pub fn encode(dataset: &Dataset) -> Vec<u8> {
    let mut w = Writer(MAGIC.to_vec());
    w.count(dataset.organisations.len());
    for o in &dataset.organisations {
        w.text(&o.id);
        w.text(&o.name);
        w.small(organisation_kind_code(o.kind));
        w.optional_small(o.care_model.map(care_model_code));
        w.date(o.selected_on);
        w.optional_text(o.source_url.as_deref());
        w.texts(&o.aliases);
        w.texts(&o.places);
        w.optional_text(o.org_id.as_deref());
    }
    w.count(dataset.records.len());
    for r in &dataset.records {
        w.text(&r.id);
        w.small(record_kind_code(r.kind));
        w.optional_text(r.title.as_deref());
        w.optional_text(r.publisher.as_deref());
        w.optional_text(r.author.as_deref());
        w.date(r.published_on);
        w.texts(&r.recipients);
        w.texts(&r.places);
        w.small(programme_code(r.programme));
        w.optional_small(r.care_model.map(care_model_code));
        w.optional_text(r.source_url.as_deref());
        w.optional_text(r.text_file.as_deref());
        w.optional_text(r.text.as_deref());
        w.count(r.items.len());
        for i in &r.items {
            w.item(i);
        }
        w.count(r.people.len());
        for p in &r.people {
            w.optional_text(p.name.as_deref());
            w.optional_text(p.role.as_deref());
            w.optional_text(p.organisation.as_deref());
        }
        w.texts(&r.conditions);
        w.texts(&r.notes);
    }
    w.0
}

/// Reads a dataset from its compact form.
pub fn decode(bytes: &[u8]) -> Result<Dataset, String> {
    let mut r = Reader { bytes, at: 0 };
    if bytes.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
        return Err("it is not in the form this version of the page reads".into());
    }
    r.at = MAGIC.len();
    let organisations = r.list(|r| {
        Ok(Organisation {
            id: r.text()?,
            name: r.text()?,
            kind: organisation_kind(r.small()?).ok_or_else(|| r.bad("organisation kind"))?,
            care_model: r.optional_small(care_model, "care model")?,
            selected_on: r.date()?,
            source_url: r.optional_text()?,
            aliases: r.texts()?,
            places: r.texts()?,
            org_id: r.optional_text()?,
        })
    })?;
    let records = r.list(|r| {
        Ok(FundingRecord {
            id: r.text()?,
            kind: record_kind(r.small()?).ok_or_else(|| r.bad("record kind"))?,
            title: r.optional_text()?,
            publisher: r.optional_text()?,
            author: r.optional_text()?,
            published_on: r.date()?,
            recipients: r.texts()?,
            places: r.texts()?,
            programme: programme(r.small()?).ok_or_else(|| r.bad("programme"))?,
            care_model: r.optional_small(care_model, "care model")?,
            source_url: r.optional_text()?,
            text_file: r.optional_text()?,
            text: r.optional_text()?,
            items: r.list(Reader::item)?,
            people: r.list(|r| {
                Ok(Person {
                    name: r.optional_text()?,
                    role: r.optional_text()?,
                    organisation: r.optional_text()?,
                })
            })?,
            conditions: r.texts()?,
            notes: r.texts()?,
        })
    })?;
    if r.at != bytes.len() {
        return Err(r.bad("end of the data"));
    }
    Ok(Dataset::new(organisations, records))
}

struct Writer(Vec<u8>);

impl Writer {
    fn number(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    fn count(&mut self, n: usize) {
        self.number(n as u64);
    }

    fn small(&mut self, n: u8) {
        self.0.push(n);
    }

    /// 0 for none, else the value plus one.
    fn optional_small(&mut self, n: Option<u8>) {
        self.0.push(n.map_or(0, |n| n + 1));
    }

    fn text(&mut self, text: &str) {
        self.count(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    fn optional_text(&mut self, text: Option<&str>) {
        match text {
            None => self.small(0),
            Some(text) => {
                self.small(1);
                self.text(text);
            }
        }
    }

    fn texts(&mut self, texts: &[String]) {
        self.count(texts.len());
        texts.iter().for_each(|t| self.text(t));
    }

    /// Year (0 for no date), then month and day (0 for none).
    fn date(&mut self, date: Option<PartialDate>) {
        match date {
            None => self.number(0),
            Some(d) => {
                self.number(u64::from(d.year));
                self.small(d.month.unwrap_or(0));
                self.small(d.day.unwrap_or(0));
            }
        }
    }

    fn item(&mut self, i: &FundingItem) {
        self.text(&i.id);
        self.number(i.amount.0);
        self.text(&i.stated_as);
        self.optional_small(i.qualifier.map(qualifier_code));
        match &i.period {
            Period::Year { year } => {
                self.small(0);
                self.number(u64::from(year.start_year()));
            }
            Period::Years { first, last } => {
                self.small(1);
                self.number(u64::from(first.start_year()));
                self.number(u64::from(last.start_year()));
            }
            Period::Described { text } => {
                self.small(2);
                self.text(text);
            }
            Period::Unstated => self.small(3),
        }
        self.optional_text(i.period_inferred.as_deref());
        self.small(role_code(i.role));
        self.small(place(&FundingStream::ALL, &i.stream));
        self.small(place(&MoneyType::ALL, &i.money_type));
        self.optional_text(i.classified_by.as_deref());
        self.optional_text(i.purpose.as_deref());
        self.optional_text(i.part_of.as_deref());
        self.optional_text(i.same_as.as_deref());
        self.count(i.evidence.len());
        for e in &i.evidence {
            self.count(e.start);
            self.count(e.end);
            self.text(&e.quote);
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn bad(&self, what: &str) -> String {
        format!("{what} at byte {} of {}", self.at, self.bytes.len())
    }

    fn byte(&mut self) -> Result<u8, String> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| self.bad("unexpected end"))?;
        self.at += 1;
        Ok(b)
    }

    fn number(&mut self) -> Result<u64, String> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(self.bad("a number too long"))
    }

    /// A count or offset: never more than the bytes left could hold, so a
    /// damaged count cannot ask for a huge allocation.
    fn count(&mut self) -> Result<usize, String> {
        let n = self.number()?;
        usize::try_from(n)
            .ok()
            .filter(|n| *n <= self.bytes.len())
            .ok_or_else(|| self.bad("a count too large"))
    }

    fn small(&mut self) -> Result<u8, String> {
        self.byte()
    }

    fn optional_small<T>(
        &mut self,
        read: fn(u8) -> Option<T>,
        what: &str,
    ) -> Result<Option<T>, String> {
        match self.byte()? {
            0 => Ok(None),
            n => read(n - 1).map(Some).ok_or_else(|| self.bad(what)),
        }
    }

    fn text(&mut self) -> Result<String, String> {
        let len = self.count()?;
        let end = self
            .at
            .checked_add(len)
            .filter(|end| *end <= self.bytes.len());
        let end = end.ok_or_else(|| self.bad("text past the end"))?;
        let text = std::str::from_utf8(&self.bytes[self.at..end])
            .map_err(|_| self.bad("text that is not UTF-8"))?;
        self.at = end;
        Ok(text.to_string())
    }

    fn optional_text(&mut self) -> Result<Option<String>, String> {
        match self.byte()? {
            0 => Ok(None),
            1 => self.text().map(Some),
            _ => Err(self.bad("a marker")),
        }
    }

    fn list<T>(
        &mut self,
        mut read: impl FnMut(&mut Self) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            out.push(read(self)?);
        }
        Ok(out)
    }

    fn texts(&mut self) -> Result<Vec<String>, String> {
        self.list(Reader::text)
    }

    fn year(&mut self) -> Result<FinancialYear, String> {
        let start = u16::try_from(self.number()?).ok();
        start
            .and_then(FinancialYear::starting)
            .ok_or_else(|| self.bad("a financial year"))
    }

    fn date(&mut self) -> Result<Option<PartialDate>, String> {
        let year = self.number()?;
        if year == 0 {
            return Ok(None);
        }
        let year = u16::try_from(year).map_err(|_| self.bad("a year"))?;
        let (month, day) = (self.small()?, self.small()?);
        let date = match (month, day) {
            (0, 0) => Some(PartialDate {
                year,
                month: None,
                day: None,
            }),
            (1..=12, 0) => Some(PartialDate {
                year,
                month: Some(month),
                day: None,
            }),
            (0, _) => None,
            (m, d) => PartialDate::full(year, m, d),
        };
        date.map(Some).ok_or_else(|| self.bad("a date"))
    }

    fn item(&mut self) -> Result<FundingItem, String> {
        Ok(FundingItem {
            id: self.text()?,
            amount: Money(self.number()?),
            stated_as: self.text()?,
            qualifier: self.optional_small(qualifier, "qualifier")?,
            period: match self.small()? {
                0 => Period::Year { year: self.year()? },
                1 => Period::Years {
                    first: self.year()?,
                    last: self.year()?,
                },
                2 => Period::Described { text: self.text()? },
                3 => Period::Unstated,
                _ => return Err(self.bad("a period")),
            },
            period_inferred: self.optional_text()?,
            role: role(self.small()?).ok_or_else(|| self.bad("a role"))?,
            stream: FundingStream::ALL
                .get(usize::from(self.small()?))
                .copied()
                .ok_or_else(|| self.bad("a funding stream"))?,
            money_type: MoneyType::ALL
                .get(usize::from(self.small()?))
                .copied()
                .ok_or_else(|| self.bad("a type of money"))?,
            classified_by: self.optional_text()?,
            purpose: self.optional_text()?,
            part_of: self.optional_text()?,
            same_as: self.optional_text()?,
            evidence: self.list(|r| {
                Ok(Evidence {
                    start: r.count()?,
                    end: r.count()?,
                    quote: r.text()?,
                })
            })?,
        })
    }
}

// Each enum as a small number: its place in a fixed list (new values go at
// the end, so older blobs still read).

const CARE_MODELS: [CareModel; 5] = CareModel::ALL;
const PROGRAMMES: [Programme; 4] = Programme::ALL;
const ROLES: [Role; 4] = Role::ALL;
const RECORD_KINDS: [RecordKind; 2] = [RecordKind::Announcement, RecordKind::ReportedFigure];
const ORGANISATION_KINDS: [OrganisationKind; 6] = [
    OrganisationKind::Vanguard,
    OrganisationKind::IntegratedCareSystem,
    OrganisationKind::SustainabilityAndTransformationPartnership,
    OrganisationKind::DevolvedArea,
    OrganisationKind::Group,
    OrganisationKind::Fund,
];
const QUALIFIERS: [Qualifier; 6] = [
    Qualifier::Over,
    Qualifier::MoreThan,
    Qualifier::Almost,
    Qualifier::Nearly,
    Qualifier::UpTo,
    Qualifier::Around,
];

fn place<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter().position(|v| v == value).unwrap_or(0) as u8
}

fn care_model_code(v: CareModel) -> u8 {
    place(&CARE_MODELS, &v)
}
fn care_model(n: u8) -> Option<CareModel> {
    CARE_MODELS.get(usize::from(n)).copied()
}
fn programme_code(v: Programme) -> u8 {
    place(&PROGRAMMES, &v)
}
fn programme(n: u8) -> Option<Programme> {
    PROGRAMMES.get(usize::from(n)).copied()
}
fn role_code(v: Role) -> u8 {
    place(&ROLES, &v)
}
fn role(n: u8) -> Option<Role> {
    ROLES.get(usize::from(n)).copied()
}
fn record_kind_code(v: RecordKind) -> u8 {
    place(&RECORD_KINDS, &v)
}
fn record_kind(n: u8) -> Option<RecordKind> {
    RECORD_KINDS.get(usize::from(n)).copied()
}
fn organisation_kind_code(v: OrganisationKind) -> u8 {
    place(&ORGANISATION_KINDS, &v)
}
fn organisation_kind(n: u8) -> Option<OrganisationKind> {
    ORGANISATION_KINDS.get(usize::from(n)).copied()
}
fn qualifier_code(v: Qualifier) -> u8 {
    place(&QUALIFIERS, &v)
}
fn qualifier(n: u8) -> Option<Qualifier> {
    QUALIFIERS.get(usize::from(n)).copied()
}
