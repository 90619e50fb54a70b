#!/usr/bin/env bash
# Every test tier, in the order CI runs them: format, lints (native and wasm32), the
# native tests, the production build, and the end-to-end tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# Each phase's time, printed at the end, so the next slowdown shows itself.
phases=()
phase_start=$SECONDS
phase_name="set-up (tools, once per machine)"
step() {
  phases+=("$(printf '%6ss  %s' "$((SECONDS - phase_start))" "$phase_name")")
  phase_name="$*"
  phase_start=$SECONDS
  printf '\n==> %s\n' "$*"
}
scripts/setup.sh --browser
count() { # "passed failed" from a cargo test or node --test log
  awk '/^test result:/ { for (i = 2; i <= NF; i++) { if ($i == "passed;") p += $(i - 1); if ($i == "failed;") f += $(i - 1) } }
       /^# pass / { p += $3 } /^# fail / { f += $3 } END { print p + 0, f + 0 }' "$1"
}

step "format check"
cargo fmt --all -- --check

step "module cycles (scripts/module-cycles.py)"
python3 scripts/module-cycles.py crates/*/src src

step "clippy (native)"
cargo clippy --workspace --all-targets --profile fast-test -- -D warnings

step "clippy (wasm32-unknown-unknown: the page, the worker and the crates they use)"
cargo clippy -p memplay-model -p memplay-engine -p memplay-playground -p memplay \
  --features memplay/ui,memplay/worker --bins --lib --target wasm32-unknown-unknown --release -- -D warnings

# The two largest builds side by side: each is mostly one long rustc (RustPython, then the
# worker's LTO link), so on 2 cores together they take about as long as the longer one.
step "production build (trunk build --release, with the engine's test-only crash triggers) beside the native test build"
weblog=$(mktemp)
MEMPLAY_TEST_HOOKS=1 scripts/build-web.sh >"$weblog" 2>&1 &
web_pid=$!
cargo test --workspace --profile fast-test --no-run
if ! wait "$web_pid"; then
  cat "$weblog"
  echo "the production build failed" >&2
  exit 1
fi
tail -n 12 "$weblog"
rm -f "$weblog"

step "native tests"
log=$(mktemp)
cargo test --workspace --profile fast-test 2>&1 | tee "$log"
read -r passed failed < <(count "$log")

step "share-link fuzz (a million generated fragments)"
cargo run --profile fast-test -q -p memplay-playground --example link_fuzz

step "end-to-end tests (headless Chromium)"
set +e
node --test --test-concurrency=1 --test-reporter=tap tests/e2e/ 2>&1 | tee "$log"
e2e_status=${PIPESTATUS[0]}
set -e
read -r e2e_passed e2e_failed < <(count "$log")
rm -f "$log"
echo "browser test screenshots: artifacts/e2e/"
step "done"
printf '\nphase times:\n'
printf '%s\n' "${phases[@]}"
printf '%6ss  total\n' "$SECONDS"

printf '\ntests: %s passed, %s failed (native %s/%s, browser %s/%s)\n' \
  "$((passed + e2e_passed))" "$((failed + e2e_failed))" "$passed" "$((passed + failed))" "$e2e_passed" "$((e2e_passed + e2e_failed))"
exit "$e2e_status"
