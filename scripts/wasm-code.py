#!/usr/bin/env python3
"""The code of a wasm module by crate: each function's body size, summed by the crate its
(v0- or legacy-mangled) name starts with. Needs the names section, so read the worker as
cargo leaves it, before wasm-bindgen and wasm-opt:
    scripts/wasm-code.py target/wasm32-unknown-unknown/release/worker.wasm [COUNT] [SYMBOL-PART]
With SYMBOL-PART, also the largest functions whose mangled name contains it.
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from wasmfile import leb, sections  # noqa: E402


def skip_limits(buf, i):
    flags, i = leb(buf, i)
    _, i = leb(buf, i)
    if flags & 1:
        _, i = leb(buf, i)
    return i


def functions(wasm):
    """(body size, name) of every function defined in the module."""
    sizes, names, imported = [], {}, 0
    for section, i, end in sections(wasm):
        if section == 2:  # imports: functions among them shift the indices
            count, j = leb(wasm, i)
            for _ in range(count):
                for _ in range(2):
                    length, j = leb(wasm, j)
                    j += length
                kind, j = wasm[j], j + 1
                if kind == 0:
                    _, j = leb(wasm, j)
                    imported += 1
                elif kind == 1:
                    j = skip_limits(wasm, j + 1)
                elif kind == 2:
                    j = skip_limits(wasm, j)
                else:
                    j += 2
        elif section == 10:  # code
            count, j = leb(wasm, i)
            for _ in range(count):
                length, body = leb(wasm, j)
                sizes.append(body - j + length)
                j = body + length
        elif section == 0:
            length, j = leb(wasm, i)
            if wasm[j : j + length] == b"name":
                j += length
                while j < end:
                    sub, j = wasm[j], j + 1
                    sub_size, j = leb(wasm, j)
                    if sub == 1:
                        count, k = leb(wasm, j)
                        for _ in range(count):
                            index, k = leb(wasm, k)
                            length, k = leb(wasm, k)
                            names[index] = wasm[k : k + length].decode("utf8", "replace")
                            k += length
                    j += sub_size
    return [(size, names.get(n + imported, "?")) for n, size in enumerate(sizes)]


def crate(name):
    m = re.match(r"_ZN(\d+)", name)
    if m:
        return name[m.end() : m.end() + int(m.group(1))]
    if name.startswith("_R"):
        m = re.search(r"C(?:s[0-9A-Za-z]*_)?(\d+)([A-Za-z_][A-Za-z0-9_]*)", name)
        return m.group(2)[: int(m.group(1))] if m else "?"
    return re.split(r"[^A-Za-z]", name)[0] or name[:24]


def main():
    found = functions(open(sys.argv[1], "rb").read())
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    by, fns = collections.Counter(), collections.Counter()
    for size, name in found:
        by[crate(name)] += size
        fns[crate(name)] += 1
    print(f"{sum(s for s, _ in found):,} bytes of code in {len(found):,} functions; by crate:")
    for name, size in by.most_common(count):
        print(f"{size:>11,} {fns[name]:>6}  {name}")
    if len(sys.argv) > 3:
        print(f"the largest functions with {sys.argv[3]!r} in their name:")
        for size, name in sorted((f for f in found if sys.argv[3] in f[1]), reverse=True)[:count]:
            print(f"{size:>11,}  {name[:140]}")


main()
