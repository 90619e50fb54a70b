#!/usr/bin/env python3
"""Prints, for every preset, each side's verdict and the share of its peak that belongs to
no Python object (the `(interpreter)` row of `at_peak.by_type`), with its three largest
kinds. BENCHMARKS.md's "What kind of objects" figures come from here.

    cargo build --profile fast-test -p memplay-cli && scripts/kinds-shares.py target/fast-test/memplay
"""
import json
import subprocess
import sys

exe = sys.argv[1] if len(sys.argv) > 1 else "target/fast-test/memplay"
listed = subprocess.run([exe, "compare", "--list-presets"], capture_output=True, text=True, check=True).stdout
for preset in [line.split()[0] for line in listed.splitlines() if line.strip()]:
    out = subprocess.run([exe, "compare", "--preset", preset, "--json"], capture_output=True, text=True).stdout
    c = json.loads(out)
    print(f"{preset}: {c['verdict']}")
    for side in "ab":
        types = (c[side].get("at_peak") or {}).get("by_type", [])
        total = sum(t["bytes"] for t in types) or 1
        interpreter = sum(t["bytes"] for t in types if t["type"] == "(interpreter)")
        top = ", ".join(f"{t['count']} {t['type']} {t['bytes']} B" for t in types[:3])
        print(f"  {side.upper()}: {100 * interpreter / total:4.1f} % (interpreter); {top}")
