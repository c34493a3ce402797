//! Share links that carry a kept record itself, with no server: the
//! record in the core's compact form (`codec`), packed with the browser's CompressionStream and written
//! in the link's fragment (`#share=…`), which browsers never send to a
//! server. Opening one shows the record for review as someone else's; it
//! joins the person's records, and their totals, only if they keep it.

use crate::browser_url;
use crate::components::add::review_record;
use crate::streams::{bytes_through, CompressionStream, DecompressionStream};
use crate::yours::{Adding, Yours};
use funding_core::yours::{
    base64url, from_base64url, read_shared, share_bytes, YourRecord, MAX_LINK_CHARS, SHARE_FRAGMENT,
};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{ReadableStream, Response};

/// The share link for `kept`, or why there is none.
pub async fn link_for(kept: &YourRecord) -> Result<String, String> {
    let packed = deflate(&share_bytes(kept))
        .await
        .map_err(|_| "This browser cannot pack a record into a link (it has no CompressionStream). Export the files instead.".to_string())?;
    let link = browser_url::page_with_fragment(&format!("{SHARE_FRAGMENT}{}", base64url(&packed)));
    if link.chars().count() > MAX_LINK_CHARS {
        return Err(format!(
            "This record is too long for a link: it would be {} characters, and mail and chat tools cut links longer than {MAX_LINK_CHARS}. Export the files and send those instead.",
            link.chars().count()
        ));
    }
    Ok(link)
}

/// Reads a share link's record (the fragment's value after `share=`) and
/// opens it for review; a link that cannot be read is said, and nothing is
/// kept.
pub fn open_link(yours: Yours, packed: String) {
    yours.adding.set(Adding::Reading);
    leptos::task::spawn_local(async move {
        match read_link(&packed).await {
            Ok(kept) => review_record(yours, &kept, true),
            Err(problem) => {
                yours.adding.set(Adding::Open);
                yours.said.set(Some(format!(
                    "The shared link's record could not be opened: {problem}. Nothing was kept."
                )));
            }
        }
    });
}

async fn read_link(packed: &str) -> Result<YourRecord, String> {
    // No link this page makes is longer; a longer one could unpack to far
    // more than any text (deflate packs up to a thousand to one).
    if packed.len() > MAX_LINK_CHARS {
        return Err("it is longer than any link this page makes".to_string());
    }
    let bytes = from_base64url(packed).ok_or("the link is cut short or changed")?;
    let unpacked = inflate(&bytes)
        .await
        .map_err(|_| "the link is cut short or changed".to_string())?;
    read_shared(&unpacked).map_err(|problems| problems.join("; "))
}

/// `bytes` as a readable stream, to pipe through the browser's packers.
fn stream_of(bytes: &[u8]) -> Result<ReadableStream, JsValue> {
    let mut copy = bytes.to_vec();
    Response::new_with_opt_u8_array(Some(&mut copy))?
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))
}

/// `bytes` packed with raw deflate.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let packer = CompressionStream::new("deflate-raw")?;
    bytes_through(&stream_of(bytes)?, &packer).await
}

/// `bytes` unpacked from raw deflate.
pub async fn inflate(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let unpacker = DecompressionStream::new("deflate-raw")?;
    bytes_through(&stream_of(bytes)?, &unpacker).await
}
