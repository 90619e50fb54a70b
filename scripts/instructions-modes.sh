#!/usr/bin/env bash
# What counting costs, in instructions: the bench's snippet N run once in each mode under
# callgrind, a run of `pass` in the same mode subtracted, and the ratio to counting off.
# Repeatable for one build whatever else this machine does (cargo bench's wall times move by
# a tenth between runs here).
#   scripts/instructions-modes.sh [N or FILE.py ...]   (default: 0, the allocation-heavy snippet)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench -p memplay-engine --no-run 2>&1 | tail -1
bench=$(ls -t target/release/deps/overhead-* | grep -v '\.d$' | head -1)
count() {
  local out; out=$(mktemp)
  valgrind --tool=callgrind --callgrind-out-file="$out" "$bench" --one "$1" "$2" >/dev/null 2>&1
  grep -E '^(summary|totals):' "$out" | head -1 | awk '{print $2}'
  rm -f "$out"
}
for n in "${@:-0}"; do
  declare -A own=()
  for mode in off lines stacks; do
    own[$mode]=$(( $(count "$n" "$mode") - $(count pass "$mode") ))
  done
  printf 'snippet %s: off %d M, lines %d M (%.3fx), stacks %d M (%.3fx)\n' "$n" \
    $((own[off] / 1000000)) $((own[lines] / 1000000)) "$(echo "${own[lines]} / ${own[off]}" | bc -l)" \
    $((own[stacks] / 1000000)) "$(echo "${own[stacks]} / ${own[off]}" | bc -l)"
done
