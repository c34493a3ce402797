//! Validates data/ with the same checks as `announcements validate` and embeds
//! the dataset as JSON. A problem in the data fails the build, naming the file
//! and the record.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=data");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    match funding_core::sources::load_dir(&data) {
        Ok(dataset) => {
            let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
                .join("dataset.json");
            std::fs::write(&out, dataset.to_json()).expect("OUT_DIR is writable");
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
