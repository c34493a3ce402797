//! Any query string decodes to a view that runs, with short notices.
#![no_main]

use funding_core::explore::Explorer;
use funding_core::sources::load_dir;
use funding_core::url_state::decode;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn explorer() -> &'static Explorer<'static> {
    static EXPLORER: OnceLock<Explorer<'static>> = OnceLock::new();
    EXPLORER.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        let dataset = Box::leak(Box::new(load_dir(&dir).expect("valid data")));
        Explorer::new(dataset)
    })
}

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let (view, notices) = decode(&query, explorer());
    assert!(notices.len() <= 12);
    let _ = explorer().run(&view);
});
