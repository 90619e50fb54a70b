#!/usr/bin/env bash
# Instructions a command takes, counted by valgrind's callgrind (the command and its
# children, summed): repeatable for the same binary and input whatever else the machine does.
#   scripts/callgrind-count.sh COMMAND [ARGS ...]
set -euo pipefail
out=$(mktemp -d)
valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$out/cg.%p" "$@" >/dev/null 2>&1 || true
total=0
for f in "$out"/cg.*; do
  n=$(grep -E '^(summary|totals):' "$f" | head -1 | awk '{print $2}')
  total=$((total + ${n:-0}))
done
rm -rf "$out"
echo "$total"
