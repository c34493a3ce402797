#!/usr/bin/env bash
# Reproduces every figure in BENCHMARKS.md: the native criterion benchmarks
# (extractor; search index and queries on 10,000 and 100,000 synthetic
# records; BENCH_MILLION=1 adds 1,000,000) and the browser measurements of the
# release build in headless Chromium, and the side-by-side with crossfilter. Timings are not tests: run this on a
# quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo bench -p funding-core --bench extract -- --warm-up-time 1 --measurement-time 4
cargo bench -p funding-core --bench explore -- --warm-up-time 1 --measurement-time 3
trunk build --release
node tests/bench/browser.mjs 15
# Our engine beside crossfilter in one Chromium page, on 100,000 synthetic records.
cargo build --release --target wasm32-unknown-unknown -p funding-bench-peer
wasm-bindgen --target web --out-dir target/bench-peer \
    target/wasm32-unknown-unknown/release/funding_bench_peer.wasm
node tests/bench/peer.mjs 100000 30
