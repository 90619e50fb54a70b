#!/usr/bin/env python3
"""Where the counting allocator's instructions go, instruction by instruction: runs the
cargo bench binary (scripts/bench-binary.sh builds it) once under callgrind (`--one N
MODE`, as scripts/instructions-modes.sh does) and prints the machine code of one function (default `__rust_alloc`, into which the
meter is inlined) with how many times each instruction ran, hottest path only.

    python3 scripts/alloc-asm.py [--snippet N|FILE] [--mode off|lines|stacks] [--function NAME] [--min COUNT]
"""
import argparse
import collections
import os
import re
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def costs(profile, function):
    """Instructions executed at each address of `function` (callgrind, --dump-instr=yes)."""
    cost = collections.Counter()
    names, current, addr, after_call = {}, None, 0, False
    for line in open(profile):
        m = re.match(r"(c?fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if m:
            if m.group(3):
                names[m.group(2)] = m.group(3)
            if m.group(1) == "fn":
                current = names[m.group(2)]
            continue
        if line.startswith("calls="):
            after_call = True
            continue
        m = re.match(r"^(0x[0-9a-f]+|[+-]\d+|\*)\s+\S+\s+(\d+)$", line.strip())
        if m:
            a = m.group(1)
            addr = int(a, 16) if a.startswith("0x") else addr + int(a) if a != "*" else addr
            if after_call:
                after_call = False
            elif current == function:
                cost[addr] += int(m.group(2))
    return cost


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--snippet", default="0")
    p.add_argument("--mode", default="stacks")
    p.add_argument("--function", default="__rustc::__rust_alloc")
    p.add_argument("--min", type=int, default=100_000)
    a = p.parse_args()
    bench = os.path.join(ROOT, subprocess.run([os.path.join(ROOT, "scripts/bench-binary.sh")], capture_output=True,
                                              text=True, check=True).stdout.strip())
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg")
        subprocess.run(["valgrind", "--tool=callgrind", "--dump-instr=yes", f"--callgrind-out-file={out}",
                        bench, "--one", a.snippet, a.mode], capture_output=True, check=True)
        cost = costs(out, a.function)
    entries = max(cost.values())
    dump = subprocess.run(["objdump", "-d", "--no-show-raw-insn", f"--start-address={min(cost):#x}",
                           f"--stop-address={max(cost) + 16:#x}", bench], capture_output=True, text=True).stdout
    hot = 0
    for line in dump.splitlines():
        m = re.match(r"\s*([0-9a-f]+):\s*(.*)", line)
        if m and cost.get(int(m.group(1), 16), 0) >= a.min:
            n = cost[int(m.group(1), 16)]
            hot += n
            print(f"{n:>12,}  {m.group(1)}  {m.group(2)[:100]}")
    print(f"{a.function}: {sum(cost.values()):,} instructions in {entries:,} calls; "
          f"the listed ones {hot:,}")


if __name__ == "__main__":
    main()
