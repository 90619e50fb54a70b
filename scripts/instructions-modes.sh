#!/usr/bin/env bash
# What counting costs, in instructions: the bench's snippet N run once in each mode under
# callgrind (scripts/callgrind-count.sh), a run of `pass` in the same mode subtracted, and
# the ratio to counting off. Repeatable for one build whatever else this machine does
# (cargo bench's wall times move by a tenth between runs here).
#   scripts/instructions-modes.sh [N or FILE.py ...]   (default: 0, the allocation-heavy snippet)
set -euo pipefail
cd "$(dirname "$0")/.."
bench=$(scripts/bench-binary.sh)
count() { scripts/callgrind-count.sh "$bench" --one "$1" "$2"; }
modes=(off lines stacks)
declare -A pass=()
for mode in "${modes[@]}"; do pass[$mode]=$(count pass "$mode"); done
for n in "${@:-0}"; do
  declare -A own=()
  for mode in "${modes[@]}"; do own[$mode]=$(( $(count "$n" "$mode") - pass[$mode] )); done
  printf 'snippet %s: off %d M, lines %d M (%.3fx), stacks %d M (%.3fx)\n' "$n" \
    $((own[off] / 1000000)) $((own[lines] / 1000000)) "$(echo "${own[lines]} / ${own[off]}" | bc -l)" \
    $((own[stacks] / 1000000)) "$(echo "${own[stacks]} / ${own[off]}" | bc -l)"
done
