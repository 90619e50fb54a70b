#!/usr/bin/env bash
# Every figure but the times (the timeline included), for every preset and every pair of
# tests/fidelity/, from two `memplay` binaries, and the differences: to check that a change
# to the engine's speed leaves what it counts as it was, byte for byte (per line, at the
# peak, by type, stacks).
# Prints one line per case and exits non-zero if any differs.
#   scripts/same-figures.sh BEFORE_BINARY AFTER_BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
before=$1 after=$2
out=$(mktemp -d)
strip='
  const c = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const drop = (o) => {
    if (Array.isArray(o)) return o.map(drop);
    if (o && typeof o === "object")
      return Object.fromEntries(Object.entries(o)
        .filter(([k]) => !k.endsWith("_ms") && k !== "verdict" && k !== "headline")
        .map(([k, v]) => [k, drop(v)]));
    return o;
  };
  console.log(JSON.stringify(drop(c), null, 1));'
cases=()
for id in $("$after" compare --list-presets | awk '{print $1}'); do cases+=("preset:$id"); done
for dir in tests/fidelity/*/; do cases+=("pair:$dir"); done
differ=0
for case in "${cases[@]}"; do
  for which in before after; do
    bin=${!which}
    case $case in
      preset:*) "$bin" compare --preset "${case#preset:}" --json ;;
      pair:*) "$bin" compare "${case#pair:}a.py" "${case#pair:}b.py" --json ;;
    esac | node -e "$strip" > "$out/$which.json"
  done
  if cmp -s "$out/before.json" "$out/after.json"; then
    echo "same    $case"
  else
    echo "DIFFERS $case"; diff "$out/before.json" "$out/after.json" | head -20; differ=1
  fi
done
rm -rf "$out"
exit $differ
