#!/usr/bin/env bash
# Builds a release of the explorer and serves it at http://127.0.0.1:8080
# (installing what is missing first). Extra arguments go to `trunk serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# No auto-reload: trunk injects its reload script after the post-build hook has
# written the page's Content-Security-Policy, which then blocks it (an error in
# the console on every load). Rebuilds still happen on save; reload by hand.
exec trunk serve --release --no-autoreload "$@"
