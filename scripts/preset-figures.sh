#!/usr/bin/env bash
# Every preset's figures (peak, allocated, allocations, retained of A and B) from a
# `memplay` binary, one line per preset: to check that a change leaves the figures as they
# were (diff the output of two builds).
#   scripts/preset-figures.sh [BINARY]   (default: target/release/memplay)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/memplay}
for id in $("$bin" compare --list-presets | awk '{print $1}'); do
  "$bin" compare --preset "$id" --json | node -e '
    const c = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const f = (r) => [r.peak_bytes, r.allocated_bytes, r.allocations, r.retained_bytes].join(" ");
    console.log(`${process.argv[1].padEnd(24)} A ${f(c.a)} | B ${f(c.b)} | ${c.winner}`);' "$id"
done
