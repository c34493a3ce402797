#!/usr/bin/env bash
# Reproduces every figure in BENCHMARKS.md: the native criterion benchmarks
# (extractor; search index and queries on 10,000 and 100,000 synthetic
# records; BENCH_MILLION=1 adds 1,000,000) and the browser measurements of the
# release build in headless Chromium. Timings are not tests: run this on a
# quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo bench -p funding-core --bench extract -- --warm-up-time 1 --measurement-time 4
cargo bench -p funding-core --bench explore -- --warm-up-time 1 --measurement-time 3
trunk build --release
node tests/bench/browser.mjs 15
