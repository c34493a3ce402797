#!/usr/bin/env bash
# Runs every test: formatting and lints, the core's native tests (data
# validation, extractor, command-line tool), a release build, the end-to-end
# suite in headless Chromium and smoke tests in headless Firefox ESR. Installs
# what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\n==> %s\n' "$*"; }

say "formatting and lints"
cargo fmt --all --check
cargo clippy -p funding-core --all-targets -- -D warnings
cargo clippy -p funding-explorer --target wasm32-unknown-unknown -- -D warnings
# The "Add a text" panel's own wasm (the add-panel feature).
cargo clippy -p funding-explorer --target wasm32-unknown-unknown --features add-panel --bins -- -D warnings
# The benchmark-only crate too, so the side-by-side with crossfilter keeps building.
cargo clippy -p funding-bench-peer --target wasm32-unknown-unknown -- -D warnings

say "native tests of the core"
cargo test -p funding-core

say "tests of the build scripts"
node --test tests/scripts/

say "release build"
trunk build --release

say "first-load size (gzip -9) against its ceiling and the issue 23 budgets"
node scripts/check-size.mjs dist

say "test-only build with the hostile dataset (tests/fixtures/hostile-data)"
FUNDING_DATA_DIR=tests/fixtures/hostile-data trunk build --dist target/dist-hostile

say "end-to-end tests in Chromium"
playwright test --config tests/e2e/playwright.config.mjs

say "smoke tests in Firefox ESR (puppeteer-core over WebDriver BiDi)"
node --test tests/firefox/
