#!/usr/bin/env bash
# Every test tier, in the order CI runs them: format, lints (native and wasm32), the
# native tests, the production build, and the end-to-end tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh --browser

step() { printf '\n==> %s\n' "$*"; }
count() { # "passed failed" from a cargo test or node --test log
  awk '/^test result:/ { for (i = 2; i <= NF; i++) { if ($i == "passed;") p += $(i - 1); if ($i == "failed;") f += $(i - 1) } }
       /^# pass / { p += $3 } /^# fail / { f += $3 } END { print p + 0, f + 0 }' "$1"
}

step "format check"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --workspace --all-targets --release -- -D warnings

step "clippy (wasm32-unknown-unknown: the page, the worker and the crates they use)"
cargo clippy -p memplay-model -p memplay-engine -p memplay-playground -p memplay \
  --features memplay/ui,memplay/worker --bins --lib --target wasm32-unknown-unknown --release -- -D warnings

step "native tests"
log=$(mktemp)
cargo test --workspace --release 2>&1 | tee "$log"
read -r passed failed < <(count "$log")

step "share-link fuzz (a million generated fragments)"
cargo run --release -q -p memplay-playground --example link_fuzz

step "production build (trunk build --release, with the engine's test-only crash triggers)"
MEMPLAY_TEST_HOOKS=1 scripts/build-web.sh

step "end-to-end tests (headless Chromium)"
set +e
node --test --test-concurrency=1 --test-reporter=tap tests/e2e/ 2>&1 | tee "$log"
e2e_status=${PIPESTATUS[0]}
set -e
read -r e2e_passed e2e_failed < <(count "$log")
rm -f "$log"
echo "browser test screenshots: artifacts/e2e/"

printf '\ntests: %s passed, %s failed (native %s/%s, browser %s/%s)\n' \
  "$((passed + e2e_passed))" "$((failed + e2e_failed))" "$passed" "$((passed + failed))" "$e2e_passed" "$((e2e_passed + e2e_failed))"
exit "$e2e_status"
