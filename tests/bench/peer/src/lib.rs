//! Benchmark only: the explorer's engine on a synthetic dataset, driven from
//! JavaScript so that one Chromium page can time it beside crossfilter on the
//! same records (`node tests/bench/peer.mjs`).

use funding_core::explore::{Exploration, Explorer};
use funding_core::facets::{each_record_value, item_value};
use funding_core::synthetic;
use funding_core::view::Facet;
use funding_core::Dataset;
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

/// The seed texts the synthetic records draw their words from.
const SEEDS: [&str; 5] = [
    include_str!("../../../../data/announcements/000_e02a0333c431fb2f.txt"),
    include_str!("../../../../data/announcements/001_6649c356ea7ad68b.txt"),
    include_str!("../../../../data/announcements/002_6e91c66bf7fe9d66.txt"),
    include_str!("../../../../data/announcements/003_f393eb86b41981e6.txt"),
    include_str!("../../../../data/announcements/004_814917d058f3fcb6.txt"),
];

/// A record's care-model code, as the engine's facet reads it.
fn care_model_code(dataset: &Dataset, record: &funding_core::model::FundingRecord) -> String {
    let mut code = String::new();
    each_record_value(dataset, record, Facet::CareModel, &mut String::new(), |c| {
        code.push_str(c)
    });
    code
}

thread_local! {
    static DATASET: RefCell<Option<&'static Dataset>> = const { RefCell::new(None) };
    static ENGINE: RefCell<Option<Explorer<'static>>> = const { RefCell::new(None) };
}

/// Makes the synthetic dataset of `records` records (kept for the page's life).
#[wasm_bindgen]
pub fn generate(records: usize) {
    let dataset: &'static Dataset =
        Box::leak(Box::new(synthetic::dataset(records, &SEEDS.concat())));
    DATASET.with(|d| *d.borrow_mut() = Some(dataset));
}

/// Builds the engine (search index, facet tables, totals index) over it.
#[wasm_bindgen]
pub fn build() {
    let Some(dataset) = DATASET.with(|d| *d.borrow()) else {
        return;
    };
    ENGINE.with(|e| *e.borrow_mut() = Some(Explorer::new(dataset)));
}

/// Every funding item as crossfilter's records: `[financial year, amount,
/// care model]`, the same values the engine filters and groups by.
#[wasm_bindgen]
pub fn items_json() -> String {
    let Some(dataset) = DATASET.with(|d| *d.borrow()) else {
        return "[]".into();
    };
    let mut out = String::from("[");
    for record in &dataset.records {
        // The codes the engine's facets use, from the one place that says them.
        let model = care_model_code(dataset, record);
        let mut buffer = String::new();
        for item in &record.items {
            let year = item_value(item, Facet::FinancialYear, &mut buffer);
            if out.len() > 1 {
                out.push(',');
            }
            out.push_str(&format!("[\"{year}\",{},\"{model}\"]", item.amount.0));
        }
    }
    out.push(']');
    out
}

fn run_view() -> Option<Exploration> {
    ENGINE.with(|e| {
        e.borrow()
            .as_ref()
            .map(|engine| engine.run(&synthetic::crossfilter_view()))
    })
}

/// What the page runs on every change, for the view above: the rows in
/// order, all eight facets' counts, and the totals. Returns the number of
/// figures in view.
#[wasm_bindgen]
pub fn run() -> usize {
    run_view().map_or(0, |e| e.rows.iter().map(|r| r.items.len()).sum())
}

/// The view's figures counted by care model and summed by year, plainly (as
/// crossfilter's groups do), as JSON: checks that both engines filtered the
/// same figures. Not timed.
#[wasm_bindgen]
pub fn check_json() -> String {
    let (Some(dataset), Some(e)) = (DATASET.with(|d| *d.borrow()), run_view()) else {
        return "{}".into();
    };
    let mut by_model: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_year: BTreeMap<String, u64> = BTreeMap::new();
    for row in &e.rows {
        let record = &dataset.records[row.record];
        let model = care_model_code(dataset, record);
        let mut year = String::new();
        for &i in &row.items {
            let item = &record.items[i];
            *by_model.entry(model.clone()).or_default() += 1;
            *by_year
                .entry(item_value(item, Facet::FinancialYear, &mut year).to_string())
                .or_default() += item.amount.0;
        }
    }
    let json = |m: &BTreeMap<String, u64>| {
        m.iter()
            .map(|(k, v)| format!("\"{k}\":{v}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    format!(
        "{{\"byModel\":{{{}}},\"byYear\":{{{}}}}}",
        json(&by_model),
        json(&by_year)
    )
}
