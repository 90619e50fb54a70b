#!/usr/bin/env python3
"""Whose time is it: each snippet of tests/fidelity/ timed natively four ways, so that a
slow snippet in the page can be put down to the interpreter or to the counting.

- RustPython with counting off, and on with call stacks (`overhead --one FILE off|stacks`,
  the cargo bench binary: release, LTO);
- CPython (this machine's python3) without tracemalloc, and under tracemalloc as the check
  runs it.

Each is the median of --runs fresh processes (default 3), the snippet's own run only (no
start-up). Prints per snippet: RustPython off against CPython untraced (the interpreter's
own speed), counting on against off (memplay's share), and on against CPython traced (what
the page's comparison with Pyodide measures, natively).

    python3 scripts/whose-time.py [--runs N]   (builds the bench first: scripts/bench-binary.sh)
"""
import glob
import os
import statistics
import subprocess
import sys

RUNS = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, subprocess.run([os.path.join(ROOT, "scripts/bench-binary.sh")], capture_output=True,
                                          text=True, check=True).stdout.strip())
CPYTHON = r"""
import io, sys, time, tracemalloc, contextlib
src = open(sys.argv[1]).read()
code = compile(src, sys.argv[1], 'exec')
if sys.argv[2] == 'traced':
    tracemalloc.start()
t = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    exec(code, {'__name__': '__main__'})
print((time.perf_counter() - t) * 1000)
"""


def median_ms(cmd):
    return statistics.median(float(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()[-1])
                             for _ in range(RUNS))


def main():
    rows = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/fidelity/*/[ab].py"))):
        name = f"{os.path.basename(os.path.dirname(path))} {os.path.basename(path)[0].upper()}"
        off = median_ms([BENCH, "--one", path, "off"])
        on = median_ms([BENCH, "--one", path, "stacks"])
        plain = median_ms([sys.executable, "-c", CPYTHON, path, "plain"])
        traced = median_ms([sys.executable, "-c", CPYTHON, path, "traced"])
        rows.append((name, off, on, plain, traced))
        print(f"{name:<42} off {off:8.2f} ms  on {on:8.2f} ms  CPython {plain:8.2f} ms, traced {traced:8.2f} ms  "
              f"| interpreter {off / plain:6.2f}x  counting {on / off:5.2f}x  against traced {on / traced:5.2f}x",
              flush=True)
    for label, col in [("interpreter (off / CPython)", lambda r: r[1] / r[3]),
                       ("counting (on / off)", lambda r: r[2] / r[1]),
                       ("against traced CPython (on / traced)", lambda r: r[2] / r[4])]:
        xs = sorted(col(r) for r in rows)
        print(f"{label}: median {statistics.median(xs):.2f}x, p10 {xs[len(xs) // 10]:.2f}x, "
              f"p90 {xs[min(len(xs) - 1, len(xs) * 9 // 10)]:.2f}x")


if __name__ == "__main__":
    main()
