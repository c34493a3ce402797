//! Benchmark-only: writes a synthetic dataset of N records as a data folder
//! the app can be built with (FUNDING_DATA_DIR), to measure the explorer in
//! the browser at scale:
//!
//!     cargo run -q --release --bin synthetic-data -- 10000 target/synthetic-10000
//!
//! Every record is written as a reported figure (the data files keep full texts
//! only for hand-curated announcements).

use funding_core::export::write_csv;
use funding_core::synthetic;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(dir)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: synthetic-data RECORDS FOLDER");
        return ExitCode::FAILURE;
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/announcements");
    let mut seed_text = String::new();
    for entry in std::fs::read_dir(root).into_iter().flatten().flatten() {
        if entry.path().extension().is_some_and(|e| e == "txt") {
            seed_text.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
        }
    }
    let dataset = synthetic::dataset(count, &seed_text);
    let dir = PathBuf::from(dir);
    let write = |name: &str, text: String| {
        std::fs::write(dir.join(name), text).map_err(|e| format!("{name}: {e}"))
    };
    let result = (|| -> Result<(), String> {
        std::fs::create_dir_all(dir.join("announcements")).map_err(|e| e.to_string())?;
        let vanguards: Vec<Vec<String>> = dataset
            .organisations
            .iter()
            .map(|o| {
                let model = o.care_model.unwrap_or(funding_core::CareModel::Mcp);
                vec![
                    o.name.clone(),
                    model.code().to_string(),
                    model.name().to_string(),
                    "2015-03-10".to_string(),
                    "https://example.org/vanguards".to_string(),
                ]
            })
            .collect();
        write(
            "vanguards.csv",
            write_csv(
                &[
                    "name",
                    "care_model",
                    "care_model_name",
                    "selected_on",
                    "source_url",
                ],
                &vanguards,
            ),
        )?;
        write(
            "organisations.toml",
            "# Synthetic: every organisation is in vanguards.csv.\n".to_string(),
        )?;
        let figures: Vec<Vec<String>> = dataset
            .records
            .iter()
            .map(|r| {
                let item = &r.items[0];
                let recipient = dataset.recipient_names(r).join("");
                vec![
                    r.id.clone(),
                    item.role.code().to_string(),
                    r.programme.code().to_string(),
                    String::new(),
                    item.stream.code().to_string(),
                    item.money_type.code().to_string(),
                    item.classified_by.clone().unwrap_or_default(),
                    item.period_inferred.clone().unwrap_or_default(),
                    recipient,
                    "vanguard".to_string(),
                    item.amount.pounds().to_string(),
                    item.stated_as.clone(),
                    item.period.stated().unwrap_or_default(),
                    item.purpose.clone().unwrap_or_default(),
                    r.published_on.map(|d| d.to_string()).unwrap_or_default(),
                    r.publisher.clone().unwrap_or_default(),
                    r.source_url.clone().unwrap_or_default(),
                    r.notes.join(" "),
                ]
            })
            .collect();
        let header = [
            "id",
            "role",
            "programme",
            "part_of",
            "stream",
            "money_type",
            "classified_by",
            "period_inferred",
            "recipient",
            "recipient_kind",
            "amount_gbp",
            "reported_as",
            "period",
            "basis",
            "announced_on",
            "publisher",
            "source_url",
            "note",
        ];
        write("reported_figures.csv", write_csv(&header, &figures))?;
        Ok(())
    })();
    match result {
        Ok(()) => {
            println!("{count} records written to {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("could not write the data: {e}");
            ExitCode::FAILURE
        }
    }
}
