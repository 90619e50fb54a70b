#!/usr/bin/env bash
# Installs what is missing, builds memplay and shows it at work. Until the browser
# playground lands this runs the command line on a preset and lists the others.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh
cargo build --release -p memplay-cli
./target/release/memplay compare --preset "${1:-list-vs-generator}"
echo
echo "Other presets (./target/release/memplay compare --preset NAME):"
./target/release/memplay run --list-presets
