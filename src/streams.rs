//! The browser's own compression (web-sys lists its streams as unstable,
//! so they are bound here): the dataset file is gzip'd by the build and
//! unpacked with `DecompressionStream`; a share link's record is packed with
//! `CompressionStream` (deflate, raw) and unpacked the same way.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableWritablePair, Response};

#[wasm_bindgen]
extern "C" {
    /// A stream's `readable` and `writable` pair that unpacks.
    pub type DecompressionStream;

    #[wasm_bindgen(constructor, catch)]
    pub fn new(format: &str) -> Result<DecompressionStream, JsValue>;

    /// A stream's `readable` and `writable` pair that packs.
    #[cfg(feature = "add-panel")]
    pub type CompressionStream;

    #[cfg(feature = "add-panel")]
    #[wasm_bindgen(constructor, catch)]
    pub fn new(format: &str) -> Result<CompressionStream, JsValue>;
}

/// The bytes of `stream` piped through `pair` (one of the two above).
pub async fn bytes_through(stream: &ReadableStream, pair: &JsValue) -> Result<Vec<u8>, JsValue> {
    let piped = Response::new_with_opt_readable_stream(Some(
        &stream.pipe_through(pair.unchecked_ref::<ReadableWritablePair>()),
    ))?;
    let buffer = JsFuture::from(piped.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
