//! The dataset's compact form, the file the build writes beside the page:
//! four bytes that name the form and its version, then the dataset as serde
//! writes it with postcard (every field in its declared order, numbers as
//! varints, no field names). The model's own `Serialize`/`Deserialize` say
//! what is written, so a new field is one change in `model.rs`, not two here.
//!
//! Reading never panics: a damaged or truncated file is an error, and the
//! page says it could not start.

use crate::model::Dataset;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The first bytes of the form, and its version: a file that does not start
/// with them is not one this page can read. A change to the model changes
/// what postcard writes, so it takes a new version here.
const MAGIC: &[u8; 4] = b"FEd2";

/// The dataset in its compact form.
pub fn encode(dataset: &Dataset) -> Vec<u8> {
    // Writing plain data to memory cannot fail; an empty file would be
    // refused by `decode` rather than read as an empty dataset.
    postcard::to_extend(dataset, MAGIC.to_vec()).unwrap_or_default()
}

/// Reads a dataset from its compact form.
pub fn decode(bytes: &[u8]) -> Result<Dataset, String> {
    let dataset: Dataset = from_bytes(MAGIC, bytes)?;
    Ok(Dataset::new(dataset.organisations, dataset.records))
}

/// Any value in the same compact form, after the four bytes that name what
/// it is and its version: what the page stores of the person's own records,
/// and what a share link carries.
pub fn to_bytes<T: Serialize>(magic: &[u8; 4], value: &T) -> Vec<u8> {
    postcard::to_extend(value, magic.to_vec()).unwrap_or_default()
}

/// Reads a value written by `to_bytes` with the same `magic`.
pub fn from_bytes<T: DeserializeOwned>(magic: &[u8; 4], bytes: &[u8]) -> Result<T, String> {
    let Some(body) = bytes.strip_prefix(magic.as_slice()) else {
        return Err("it is not in the form this version of the page reads".into());
    };
    let (value, rest): (T, &[u8]) = postcard::take_from_bytes(body).map_err(|e| match e {
        postcard::Error::DeserializeUnexpectedEnd => "it is cut short".to_string(),
        other => format!("part of it could not be read ({other})"),
    })?;
    if !rest.is_empty() {
        return Err("it has more after the end of the data".into());
    }
    Ok(value)
}
