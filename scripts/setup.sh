#!/usr/bin/env bash
# Installs what a fresh machine is missing to build and test memplay: the Rust toolchain
# pinned in rust-toolchain.toml, with its components and the wasm32 target. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v rustup >/dev/null 2>&1; then
  echo "setup: installing rustup"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --default-toolchain none --profile minimal
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
# Reading rust-toolchain.toml installs the pinned toolchain, components and targets.
rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target add wasm32-unknown-unknown >/dev/null
echo "setup: $(rustc --version), targets: $(rustup target list --installed | tr '\n' ' ')"
