#!/usr/bin/env python3
"""How memplay's figures compare with CPython's tracemalloc on the fidelity corpus.

    python3 scripts/bench-fidelity.py [path/to/memplay]

For each A/B pair in tests/fidelity/ it runs `memplay compare A B --cpython --json` and
prints a Markdown table: each engine's peak ratio A/B, whether both name the same side
lower (direction), whether memplay's ratio is within 2x of CPython's, and whether memplay
flags the pair as a close call. A pair is
"clear" when CPython's peaks differ 2x or more. The summary line gives the shares the
issue's targets are about.
"""

import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / 'tests' / 'fidelity'


def ratio(a, b):
    return max(a['peak_bytes'], 1) / max(b['peak_bytes'], 1)


def main():
    memplay = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / 'target' / 'release' / 'memplay')
    rows = []
    for pair in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        out = subprocess.run(
            [memplay, 'compare', str(pair / 'a.py'), str(pair / 'b.py'), '--cpython', '--json'],
            capture_output=True, text=True, check=False,
        )
        c = json.loads(out.stdout)
        ours, theirs = ratio(c['a'], c['b']), ratio(c['cpython']['a'], c['cpython']['b'])
        clear = max(theirs, 1 / theirs) >= 2
        rows.append({
            'pair': pair.name,
            'ours': ours,
            'theirs': theirs,
            'winner': c['winner'],
            'cpython_winner': c['cpython']['winner'],
            'agrees': c['cpython']['agrees'],
            'within_2x': max(ours / theirs, theirs / ours) <= 2,
            'clear': clear,
            'close_call': c.get('close_call', False),
        })
    print('| pair | memplay A/B peak | CPython A/B peak | winners (memplay / CPython) | agrees | ratio within 2× '
          '| close call |')
    print('|---|---:|---:|---|---|---|---|')
    for r in rows:
        print(f"| {r['pair']}{' (clear)' if r['clear'] else ''} | {r['ours']:.2f} | {r['theirs']:.2f} | "
              f"{r['winner']} / {r['cpython_winner']} | {'yes' if r['agrees'] else 'no'} | "
              f"{'yes' if r['within_2x'] else 'no'} | {'flagged' if r['close_call'] else ''} |")
    n = len(rows)
    clear = [r for r in rows if r['clear']]
    share = lambda rs, key: sum(1 for r in rs if r[key]) / max(len(rs), 1) * 100
    print(f"\n{n} pairs: direction agrees on {share(rows, 'agrees'):.0f} % "
          f"({share(clear, 'agrees'):.0f} % of the {len(clear)} clear ones); "
          f"ratio within 2x of CPython's on {share(rows, 'within_2x'):.0f} %.")
    disagree = [r for r in rows if r['agrees'] is False]
    agree = [r for r in rows if r['agrees']]
    print(f"Close calls (memplay_model::CLOSE_CALL_RATIO): {sum(r['close_call'] for r in disagree)} of the "
          f"{len(disagree)} disagreements flagged; {sum(r['close_call'] for r in agree)} of the {len(agree)} "
          f"agreeing pairs flagged needlessly.")


if __name__ == '__main__':
    main()
