#!/usr/bin/env bash
# Instructions a `memplay run` takes (scripts/callgrind-count.sh), so that two builds'
# counting costs can be compared on a noisy machine.
#   scripts/instructions.sh BINARY SNIPPET.py [memplay run options, e.g. --no-stacks]
# BENCHMARKS.md subtracts a run of `pass` to leave the snippet's own share.
set -euo pipefail
bin=$1; shift
snippet=$1; shift
exec "$(dirname "$0")/callgrind-count.sh" "$bin" run "$snippet" --time-limit 900 "$@"
