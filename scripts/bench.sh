#!/usr/bin/env bash
# Reproduces every figure in BENCHMARKS.md: the native criterion benchmarks
# (extractor; search index and queries on 10,000, 100,000 and 1,000,000
# synthetic records), the browser measurements of the release build in
# headless Chromium on the real data and on 10,000 synthetic records, and the
# side-by-side with crossfilter on 100,000, Lighthouse (mobile and desktop)
# and the first search beside Pagefind's. About 35 minutes on 2 cores after
# the first build; BENCH_MILLION=0 leaves out the 1,000,000-record runs (about
# 8 minutes of it). Timings are not tests: run this on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\n==> %s\n' "$*"; }

say "the extractor (native)"
cargo bench -p funding-core --bench extract -- --warm-up-time 1 --measurement-time 4
say "index, query and crossfilter's operation on synthetic records (native)"
if [ "${BENCH_MILLION:-1}" = 0 ]; then unset BENCH_MILLION; else export BENCH_MILLION=1; fi
cargo bench -p funding-core --bench explore -- --warm-up-time 1 --measurement-time 3

say "first load, interaction and memory in Chromium, real data"
trunk build --release
node tests/bench/browser.mjs 15

say "a 20,000-word paste in the Add a text panel, extracted and shown marked"
node tests/bench/add-text.mjs 7

say "Lighthouse 12, mobile and desktop presets, median of three (npm lighthouse@12.2.3)"
node tests/bench/lighthouse.mjs 3

say "first records shown beside Pagefind 1.6 on the same records, cold, alternating"
node tests/bench/pagefind.mjs 15

say "the same with 10,000 synthetic records"
cargo run -q --release --bin synthetic-data -- 10000 target/synthetic-10000
FUNDING_DATA_DIR=target/synthetic-10000 trunk build --release --dist target/dist-10000
node tests/bench/browser.mjs 5 target/dist-10000 synthetic

say "our engine beside crossfilter in one Chromium page, 100,000 synthetic records"
cargo build --release --target wasm32-unknown-unknown -p funding-bench-peer
wasm-bindgen --target web --out-dir target/bench-peer \
    target/wasm32-unknown-unknown/release/funding_bench_peer.wasm
for run in 1 2 3; do node tests/bench/peer.mjs 100000 30; done
