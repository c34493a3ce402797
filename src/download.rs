//! Saving a file the page made (an export, a chart) to the person's device.

use wasm_bindgen::JsCast;

/// Offers `content` as a download named `file_name`. Returns false when the
/// browser refused, so the caller can say so.
pub fn save(file_name: &str, mime: &str, content: &str) -> bool {
    let result = (|| -> Option<()> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let link: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    })();
    result.is_some()
}
