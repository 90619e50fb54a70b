#!/usr/bin/env bash
# What knowing each block's line costs (issue 19): the same allocation-heavy snippets run by
# two builds of the command line, one with the block headers and the "alive at the peak"
# bookkeeping and one without, each run 7 times; prints the median snippet time (the
# report's wall_ms, the interpreter's start not included) and the peak, per build.
#   scripts/bench-at-peak.sh BEFORE_BINARY AFTER_BINARY
# e.g. a clone at the commit before, built with `cargo build --profile fast-test -p memplay-cli`.
set -euo pipefail
before=${1:?the binary without the headers}
after=${2:?the binary with them}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/ints.py" <<'EOF'
xs = [i * 7 for i in range(300_000)]
print(len(xs))
EOF
cat >"$dir/strings.py" <<'EOF'
words = [str(i) + '-' + str(i * 3) for i in range(200_000)]
joined = ' '.join(words)
print(len(joined))
EOF
cat >"$dir/dicts.py" <<'EOF'
records = [{'id': i, 'name': f'user{i}', 'score': i % 100} for i in range(50_000)]
by_id = {r['id']: r for r in records}
print(len(by_id))
EOF
cat >"$dir/json.py" <<'EOF'
import json
data = [{'k': i, 'v': [i, i + 1, i + 2]} for i in range(20_000)]
for _ in range(5):
    data = json.loads(json.dumps(data))
print(len(data))
EOF
cat >"$dir/calls.py" <<'EOF'
def leaf(i):
    return (i, str(i))

def mid(n):
    return [leaf(i) for i in range(n)]

rows = [mid(100) for _ in range(2_000)]
print(len(rows))
EOF
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
printf '%-12s %14s %14s %8s %14s %14s\n' snippet "before ms" "after ms" change "before peak" "after peak"
for f in ints strings dicts json calls; do
  for which in before after; do
    bin=${!which}
    for _ in 1 2 3 4 5 6 7; do
      "$bin" run "$dir/$f.py" --json | python3 -c 'import json, sys; r = json.load(sys.stdin); print(r["wall_ms"], r["peak_bytes"])'
    done >"$dir/$f.$which"
  done
  b=$(cut -d' ' -f1 "$dir/$f.before" | median)
  a=$(cut -d' ' -f1 "$dir/$f.after" | median)
  bp=$(cut -d' ' -f2 "$dir/$f.before" | median)
  ap=$(cut -d' ' -f2 "$dir/$f.after" | median)
  printf '%-12s %14.1f %14.1f %7.1f%% %14s %14s\n' "$f" "$b" "$a" "$(awk -v a="$a" -v b="$b" 'BEGIN { print (a / b - 1) * 100 }')" "$bp" "$ap"
done
