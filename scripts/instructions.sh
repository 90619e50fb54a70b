#!/usr/bin/env bash
# Instructions a `memplay run` takes, counted by valgrind's callgrind (the CLI and its
# child, summed): repeatable for the same binary and snippet whatever else the machine
# does, so two builds' counting costs can be compared on a noisy machine.
#   scripts/instructions.sh BINARY SNIPPET.py [memplay run options, e.g. --no-stacks]
# BENCHMARKS.md subtracts a run of `pass` to leave the snippet's own share.
set -euo pipefail
bin=$1; shift
snippet=$1; shift
out=$(mktemp -d)
valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$out/cg.%p" \
  "$bin" run "$snippet" --time-limit 900 "$@" >/dev/null 2>&1 || true
total=0
for f in "$out"/cg.*; do
  n=$(grep -E '^(summary|totals):' "$f" | head -1 | awk '{print $2}')
  total=$((total + ${n:-0}))
done
rm -rf "$out"
echo "$total"
