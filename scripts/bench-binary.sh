#!/usr/bin/env bash
# Builds the engine's bench (`cargo bench -p memplay-engine --no-run`: release, LTO) and
# prints the path of its `overhead` binary, the one cargo names as it builds.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench -p memplay-engine --no-run 2>&1 | sed -n 's|.*Executable benches/overhead.rs (\(.*\))|\1|p'
