#!/usr/bin/env bash
# Every test tier, in the order CI runs them: format, lints (native and wasm32), the
# native tests, and the engine's wasm32 release build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh

step() { printf '\n==> %s\n' "$*"; }

step "format check"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --workspace --all-targets --release -- -D warnings

step "clippy (wasm32-unknown-unknown)"
cargo clippy -p memplay-model -p memplay-engine --target wasm32-unknown-unknown --release -- -D warnings

step "tests"
log=$(mktemp)
cargo test --workspace --release 2>&1 | tee "$log"
read -r passed failed < <(awk '/^test result:/ { for (i = 2; i <= NF; i++) {
    if ($i == "passed;") p += $(i - 1); if ($i == "failed;") f += $(i - 1) } } END { print p + 0, f + 0 }' "$log")
rm -f "$log"

step "engine release build for wasm32-unknown-unknown"
cargo build -p memplay-engine --target wasm32-unknown-unknown --release

# One closing line over every test binary (cargo's own last line is the doc-test run).
printf '\ntests: %s passed, %s failed\n' "$passed" "$failed"
