//! `announcements`: the dataset's command-line tool, run from the repository root.
//!
//!     announcements extract FILE...            money, years, dates and names found in texts (JSON)
//!     announcements validate [--data DIR]      checks data/; lists every problem, exits 1 if any
//!     announcements export --format json|csv   the dataset exactly as the app reads it
//!     announcements encode [--data DIR] FILE    checks data/, then writes FILE: the file the
//!                                              page fetches, the compact form (`codec`) gzip'd

use funding_core::export::dataset_csv;
use funding_core::extract::{extract, Extraction, Gazetteer};
use funding_core::sources::load_dir;
use funding_core::Dataset;
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage:
  announcements extract [--data DIR] FILE...
  announcements validate [--data DIR]
  announcements export --format json|csv [--data DIR]
  announcements encode [--data DIR] FILE";

#[derive(Serialize)]
struct FileExtraction<'a> {
    file: &'a str,
    #[serde(flatten)]
    found: Extraction,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Splits `--data DIR` and `--format F` from the other arguments.
struct Options {
    data: PathBuf,
    format: Option<String>,
    rest: Vec<String>,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        data: PathBuf::from("data"),
        format: None,
        rest: Vec::new(),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => options.data = PathBuf::from(args.next().ok_or("--data needs a folder")?),
            "--format" => {
                options.format = Some(args.next().ok_or("--format needs json or csv")?.clone())
            }
            _ => options.rest.push(arg.clone()),
        }
    }
    Ok(options)
}

fn load(options: &Options) -> Result<Dataset, String> {
    load_dir(&options.data).map_err(|problems| {
        let mut message = format!(
            "{} has {} problem(s):\n",
            options.data.display(),
            problems.len()
        );
        for problem in problems {
            message.push_str(&format!("  {problem}\n"));
        }
        message
    })
}

fn run(args: &[String]) -> Result<(), String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(USAGE.to_string());
    };
    let options = options(rest)?;
    match command.as_str() {
        "extract" => {
            if options.rest.is_empty() {
                return Err(format!("extract needs at least one FILE\n{USAGE}"));
            }
            // Without a readable data/ there are no known names, but money, years
            // and dates are still found.
            let gazetteer = match load(&options) {
                Ok(dataset) => Gazetteer::from_dataset(&dataset),
                Err(message) => {
                    eprintln!("note: organisations and places are not looked for: {message}");
                    Gazetteer::default()
                }
            };
            let mut results = Vec::new();
            for file in &options.rest {
                let bytes =
                    std::fs::read(file).map_err(|e| format!("{file}: cannot be read: {e}"))?;
                // Scraped text is not always valid UTF-8; read what can be read.
                let text = String::from_utf8_lossy(&bytes);
                results.push(FileExtraction {
                    file,
                    found: extract(&text, &gazetteer),
                });
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&results).map_err(|e| e.to_string())?
            );
            Ok(())
        }
        "validate" => {
            let dataset = load(&options)?;
            println!(
                "{}: {} records ({} announcements), {} funding items, {} organisations: no problems",
                options.data.display(),
                dataset.records.len(),
                dataset.announcements().count(),
                dataset.funding_item_count(),
                dataset.organisations.len()
            );
            Ok(())
        }
        "export" => {
            let dataset = load(&options)?;
            match options.format.as_deref() {
                Some("json") => println!("{}", dataset.to_json()),
                Some("csv") => print!("{}", dataset_csv(&dataset)),
                _ => {
                    return Err(format!(
                        "export needs --format json or --format csv\n{USAGE}"
                    ))
                }
            }
            Ok(())
        }
        "encode" => {
            let [file] = options.rest.as_slice() else {
                return Err(format!("encode needs one FILE to write\n{USAGE}"));
            };
            // Checked first: a dataset with a problem is never written.
            let dataset = load(&options)?;
            let compact = funding_core::codec::encode(&dataset);
            let mut packed = Vec::new();
            zopfli::compress(
                zopfli::Options::default(),
                zopfli::Format::Gzip,
                compact.as_slice(),
                &mut packed,
            )
            .map_err(|e| format!("the dataset could not be gzip'd: {e}"))?;
            std::fs::write(file, packed).map_err(|e| format!("{file}: cannot be written: {e}"))
        }
        _ => Err(format!("unknown command {command:?}\n{USAGE}")),
    }
}
