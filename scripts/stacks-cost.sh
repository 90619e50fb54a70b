#!/usr/bin/env bash
# What keeping call stacks costs on one snippet: `memplay run` with stacks and with
# `--no-stacks`, taking turns N times (default 9), and the median wall time of each and
# their ratio. The runs take turns so that the machine's drift falls on both alike.
#   scripts/stacks-cost.sh BINARY SNIPPET.py [N]
#   e.g. scripts/stacks-cost.sh target/release/memplay crates/engine/benches/deep.py
set -euo pipefail
bin=$1 snippet=$2 n=${3:-9}
wall() { "$bin" run "$snippet" --json "$@" | node -e 'console.log(JSON.parse(require("fs").readFileSync(0, "utf8")).wall_ms)'; }
for _ in $(seq "$n"); do
  echo "stacks $(wall)"
  echo "lines $(wall --no-stacks)"
done | node -e '
  const runs = { stacks: [], lines: [] };
  for (const l of require("fs").readFileSync(0, "utf8").trim().split("\n")) {
    const [mode, ms] = l.split(" ");
    runs[mode].push(Number(ms));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [s, l] = [median(runs.stacks), median(runs.lines)];
  console.log(`with stacks ${s.toFixed(1)} ms, lines only ${l.toFixed(1)} ms: ${(s / l).toFixed(3)}x (median of ${runs.lines.length})`);'
