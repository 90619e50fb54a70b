#!/usr/bin/env python3
"""The largest data segments of a wasm module, each with the printable text it starts with:
what the engine's data (as opposed to its code) is made of.
    scripts/wasm-data.py dist/worker_bg.wasm [COUNT]
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from wasmfile import leb, sections  # noqa: E402


def segments(wasm):
    for section, i, _ in sections(wasm):
        if section == 11:  # data
            count, j = leb(wasm, i)
            for _ in range(count):
                flag, j = leb(wasm, j)
                if flag == 0:  # active, memory 0, i32.const offset
                    _, j = leb(wasm, j + 1)
                    j += 1
                elif flag == 2:
                    _, j = leb(wasm, j)
                    _, j = leb(wasm, j + 1)
                    j += 1
                length, j = leb(wasm, j)
                yield wasm[j : j + length]
                j += length


def main():
    wasm = open(sys.argv[1], "rb").read()
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    segs = sorted(segments(wasm), key=len, reverse=True)
    print(f"{sum(map(len, segs)):,} bytes of data in {len(segs):,} segments; the largest:")
    for seg in segs[:count]:
        text = [t.decode()[:32] for t in re.findall(rb"[ -~]{8,}", seg[:4096])[:3]]
        print(f"{len(seg):>9,}  {seg[:12].hex()}  {text}")


main()
