#!/usr/bin/env bash
# Installs what a fresh machine is missing to build memplay. Idempotent; each step is
# skipped when its tool is already there at the pinned version.
#   scripts/setup.sh            the Rust toolchain, Trunk, wasm-bindgen-cli, npm packages
#   scripts/setup.sh --browser  also Debian's Chromium, for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.22.1
# Must equal the wasm-bindgen in Cargo.lock (and [tools] in Trunk.toml).
WASM_BINDGEN_VERSION=0.2.130

say() { echo "setup: $*"; }

if ! command -v rustup >/dev/null 2>&1; then
  say "installing rustup"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --default-toolchain none --profile minimal
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
# Reading rust-toolchain.toml installs the pinned toolchain, components and targets.
rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target add wasm32-unknown-unknown >/dev/null
say "$(rustc --version), targets: $(rustup target list --installed | tr '\n' ' ')"

# Installed from this directory, so the pinned toolchain builds them (Trunk needs ≥ 1.96.1).
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
  # Not --locked: that lock file names a webpki-roots version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Trunk builds offline (Trunk.toml): the crates in Cargo.lock, for every target, come first.
say "fetching the crates in Cargo.lock"
cargo fetch --locked -q

if ! command -v node >/dev/null 2>&1; then
  say "installing Node.js"
  apt-get update -qq && apt-get install -y -qq nodejs npm
fi
# The editor, the charts, esbuild, binaryen's wasm-opt, the static server, playwright-core.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (package-lock.json)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's chromium"
  apt-get update -qq && apt-get install -y -qq chromium
fi
say "trunk $(trunk --version | cut -d' ' -f2), wasm-bindgen $(wasm-bindgen --version | cut -d' ' -f2), node $(node --version)"
