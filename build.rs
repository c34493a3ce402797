//! Validates data/ with the same checks as `announcements validate` and embeds
//! the dataset in its compact form (`funding_core::codec`). A problem in the data fails the build, naming the file
//! and the record.

use std::path::Path;

fn main() {
    // FUNDING_DATA_DIR (relative to the repository) builds the app with another
    // dataset: the end-to-end suite uses it for a test-only hostile dataset.
    println!("cargo:rerun-if-env-changed=FUNDING_DATA_DIR");
    let folder = std::env::var("FUNDING_DATA_DIR").unwrap_or_else(|_| "data".to_string());
    println!("cargo:rerun-if-changed={folder}");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join(&folder);
    match funding_core::sources::load_dir(&data) {
        Ok(dataset) => {
            let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
                .join("dataset.bin");
            std::fs::write(&out, funding_core::codec::encode(&dataset))
                .expect("OUT_DIR is writable");
        }
        Err(problems) => {
            eprintln!("data/ has {} problem(s):", problems.len());
            for problem in &problems {
                eprintln!("  {problem}");
                // Also as a cargo warning, which trunk and cargo show even when quiet.
                println!("cargo:warning={problem}");
            }
            std::process::exit(1);
        }
    }
}
