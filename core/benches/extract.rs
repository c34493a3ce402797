//! The extractor on large and hostile inputs: `cargo bench -p funding-core --bench extract`.
//! Target: a 10 MB text in under a second, and time in proportion to length.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use funding_core::extract::{extract, Gazetteer};
use funding_core::sources::load_dir;
use std::path::PathBuf;

fn seeds_repeated(bytes: usize) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/announcements");
    let mut seeds = String::new();
    for entry in std::fs::read_dir(dir).expect("data/announcements") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            seeds.push_str(&std::fs::read_to_string(path).expect("seed text"));
        }
    }
    seeds.chars().cycle().take(bytes).collect()
}

fn bench(c: &mut Criterion) {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data");
    let gazetteer = Gazetteer::from_dataset(&load_dir(&data).expect("valid data"));
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    for mb in [1usize, 10] {
        let text = seeds_repeated(mb * 1_000_000);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("seed text", format!("{mb} MB")),
            &text,
            |b, t| b.iter(|| extract(t, &gazetteer)),
        );
    }
    let hostile: [(&str, String); 4] = [
        ("a million £ signs", "£".repeat(1_000_000)),
        (
            "£ and 400 digits, repeated",
            format!("£{} ", "9".repeat(400)).repeat(2_500),
        ),
        (
            "amounts and years in one sentence",
            "£1m 2017/18 ".repeat(80_000),
        ),
        (
            "dates and digits",
            "1st January 2017 2016-17 ".repeat(40_000),
        ),
    ];
    for (name, text) in hostile {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("hostile", name), &text, |b, t| {
            b.iter(|| extract(t, &gazetteer))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
