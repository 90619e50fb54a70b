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
cargo test --workspace --release

step "engine release build for wasm32-unknown-unknown"
cargo build -p memplay-engine --target wasm32-unknown-unknown --release
