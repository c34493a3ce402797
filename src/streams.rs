//! The browser's own compression (web-sys lists its streams as unstable,
//! so they are bound here): the dataset file is gzip'd by the build and
//! unpacked with `DecompressionStream`; a share link's record is packed with
//! `CompressionStream` (deflate, raw) and unpacked the same way.

use wasm_bindgen::prelude::*;

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
