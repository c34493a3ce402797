//! The `announcements` command as a person runs it.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn announcements(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_announcements"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

#[test]
fn extract_prints_one_object_per_file_with_amounts_in_order() {
    let out = announcements(&[
        "extract",
        "data/announcements/000_e02a0333c431fb2f.txt",
        "data/announcements/004_814917d058f3fcb6.txt",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let files = json.as_array().expect("an array");
    assert_eq!(files.len(), 2);
    let sunderland = &files[0];
    assert_eq!(
        sunderland["file"],
        "data/announcements/000_e02a0333c431fb2f.txt"
    );
    let amounts = sunderland["amounts"].as_array().unwrap();
    assert_eq!(amounts[1]["gbp"], 4_800_000);
    assert_eq!(amounts[1]["text"], "£4.8million");
    assert_eq!(amounts[1]["start"], 370);
    assert_eq!(amounts[1]["end"], 381);
    assert_eq!(amounts[1]["financial_year"], "2017/18");
    assert_eq!(amounts[0]["financial_year"], serde_json::Value::Null);
    assert_eq!(
        sunderland["financial_years"],
        serde_json::json!(["2017/18", "2016/17"])
    );
    assert_eq!(
        sunderland["dates"],
        serde_json::json!(["2025-01-02", "2017-01-09"])
    );
    assert_eq!(
        sunderland["organisations"],
        serde_json::json!(["All Together Better Sunderland"])
    );
    let wyh_texts: Vec<&str> = files[1]["amounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        wyh_texts,
        ["over £8.5m", "£2.6m", "£4m", "£1m", "£1m", "£1m"]
    );
}

#[test]
fn extract_reports_a_missing_file() {
    let out = announcements(&["extract", "no-such-file.txt"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-file.txt: cannot be read"));
}

#[test]
fn validate_passes_on_data_and_lists_every_problem_in_a_broken_copy() {
    let out = announcements(&["validate"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("69 records (5 announcements)"));

    let broken = std::env::temp_dir().join(format!("funding-broken-{}", std::process::id()));
    copy_dir(&root().join("data"), &broken);
    let figures = broken.join("reported_figures.csv");
    let text = std::fs::read_to_string(&figures).unwrap();
    std::fs::write(
        &figures,
        text.replace(",Royal Free London,", ",Nobody,")
            .replace("4590000,£4.59m", "4590000,£4.95m"),
    )
    .unwrap();
    let out = announcements(&["validate", "--data", broken.to_str().unwrap()]);
    std::fs::remove_dir_all(&broken).ok();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2 problem(s)"), "{stderr}");
    assert!(
        stderr.contains("hsj-royal-free-2016-17: recipient \"Nobody\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("hsj-morecambe-bay-2015-16: amount_gbp 4590000 does not match"),
        "{stderr}"
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn export_gives_the_dataset_as_json_and_one_csv_row_per_funding_item() {
    let json = announcements(&["export", "--format", "json"]);
    assert!(json.status.success());
    let dataset = funding_core::Dataset::from_json(&String::from_utf8_lossy(&json.stdout))
        .expect("the app's JSON");
    let csv = announcements(&["export", "--format", "csv"]);
    assert!(csv.status.success());
    let text = String::from_utf8_lossy(&csv.stdout);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), dataset.funding_item_count());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let bhr = rows
        .iter()
        .find(|r| &r[col("record_id")] == "hsj-bhr-2016-17")
        .unwrap();
    assert_eq!(
        &bhr[col("recipients")],
        "Barking and Dagenham, Havering and Redbridge System Resilience Group"
    );
    assert_eq!(&bhr[col("amount_gbp")], "1300000");
    assert_eq!(&bhr[col("period")], "2016/17");
    let bad = announcements(&["export", "--format", "xml"]);
    assert!(!bad.status.success());
}

#[test]
fn encode_writes_the_checked_dataset_in_the_form_the_page_reads_and_nothing_when_broken() {
    let scratch = std::env::temp_dir().join(format!("funding-encode-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let file = scratch.join("dataset.bin");
    let out = announcements(&["encode", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut compact = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(std::fs::File::open(&file).unwrap()),
        &mut compact,
    )
    .expect("a gzip file");
    let written = funding_core::codec::decode(&compact).expect("readable");
    let json = announcements(&["export", "--format", "json"]);
    assert_eq!(
        written.to_json().trim(),
        String::from_utf8_lossy(&json.stdout).trim(),
        "the page reads the same dataset the export gives"
    );

    // A broken copy of data/ is reported and no file is written.
    let broken = scratch.join("data");
    copy_dir(&root().join("data"), &broken);
    let figures = broken.join("reported_figures.csv");
    let text = std::fs::read_to_string(&figures).unwrap();
    std::fs::write(&figures, text.replace(",Royal Free London,", ",Nobody,")).unwrap();
    let not_written = scratch.join("not-written.bin");
    let out = announcements(&[
        "encode",
        "--data",
        broken.to_str().unwrap(),
        not_written.to_str().unwrap(),
    ]);
    let exists = not_written.exists();
    std::fs::remove_dir_all(&scratch).ok();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("recipient \"Nobody\""));
    assert!(!exists, "a dataset with a problem is never written");

    let no_file = announcements(&["encode"]);
    assert!(String::from_utf8_lossy(&no_file.stderr).contains("encode needs one FILE"));
}

/// The benchmarks' synthetic data is written in the data files' own form,
/// so that the page can be built from it (scripts/bench.sh does).
#[test]
fn synthetic_data_is_written_as_valid_data_files() {
    let dir = std::env::temp_dir().join(format!("synthetic-{}", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_synthetic-data"))
        .args(["60", dir.to_str().unwrap()])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dataset = funding_core::sources::load_dir(&dir).expect("the synthetic data is valid");
    assert_eq!(dataset.records.len(), 60);
    let _ = std::fs::remove_dir_all(&dir);
}
