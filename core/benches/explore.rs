//! Search, filters, facet counts and totals on synthetic datasets of the real
//! records' shape: `cargo bench -p funding-core --bench explore`.
//! Set BENCH_MILLION=1 to add the 1,000,000-record runs (slow to build).
//! Targets: index built in at most 1 s for 100,000 records; one query (search +
//! filter + facet counts + totals) in at most 5 ms at 10,000 and 30 ms at
//! 100,000 records, median. The page also draws its three charts on every
//! change: "draw the three charts" times that for a view of nearly every
//! record (a search for "care"), the browser's heaviest keystroke.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use funding_core::charts::{by_recipient, by_year, timeline, ChartSize};
use funding_core::explore::Explorer;
use funding_core::synthetic;
use funding_core::view::ViewState;
use std::path::PathBuf;

fn seed_text() -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/announcements");
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).expect("data/announcements") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            text.push_str(&std::fs::read_to_string(path).expect("seed"));
        }
    }
    text
}

/// What a person does: types a word, with a year and an amount range chosen.
fn typical_view() -> ViewState {
    ViewState {
        query: "transformation".into(),
        ..synthetic::crossfilter_view()
    }
}

fn bench(c: &mut Criterion) {
    let text = seed_text();
    let mut sizes = vec![10_000usize, 100_000];
    if std::env::var("BENCH_MILLION").is_ok() {
        sizes.push(1_000_000);
    }
    let mut group = c.benchmark_group("explore");
    group.sample_size(10);
    for n in sizes {
        let dataset = synthetic::dataset(n, &text);
        group.bench_with_input(BenchmarkId::new("build index", n), &dataset, |b, d| {
            b.iter(|| Explorer::new(d))
        });
        let explorer = Explorer::new(&dataset);
        let view = typical_view();
        group.bench_with_input(
            BenchmarkId::new("search + filter + facets + totals", n),
            &view,
            |b, v| b.iter(|| explorer.run(v)),
        );
        let view = synthetic::crossfilter_view();
        group.bench_with_input(
            BenchmarkId::new("filter year and amount, count by model, sum by year", n),
            &view,
            |b, v| b.iter(|| explorer.run(v)),
        );
        let broad = explorer.run(&ViewState {
            query: "care".into(),
            ..ViewState::default()
        });
        group.bench_with_input(
            BenchmarkId::new("draw the three charts", n),
            &broad,
            |b, e| {
                b.iter(|| {
                    (
                        by_year::chart(&dataset, &e.totals, ChartSize::WIDE),
                        by_recipient::chart(&dataset, &e.totals, ChartSize::WIDE),
                        timeline::chart(&dataset, &e.rows, ChartSize::WIDE),
                    )
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
