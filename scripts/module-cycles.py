#!/usr/bin/env python3
"""Import cycles between a crate's top-level modules: `python3 scripts/module-cycles.py
SRC_DIR...` prints each cycle, with the names that make each of its edges, and exits 1 if
there is one. A module's edges are the `crate::` paths it names (through the crate root's
`pub use` re-exports too); its tests are left out. A read of the source, not of rustc's:
good enough to keep a crate's layers apart, not a proof."""

import os
import re
import sys


def modules(src):
    """{module path (tuple): source}, for the files under `src` (bin/ left out)."""
    found = {}
    for root, _, files in os.walk(src):
        for name in files:
            if not name.endswith('.rs'):
                continue
            path = os.path.relpath(os.path.join(root, name), src)[:-3].split(os.sep)
            if path[-1] == 'mod':
                path = path[:-1]
            if path in (['lib'], ['main']):
                path = []
            if path and path[0] == 'bin':
                continue
            with open(os.path.join(root, name), encoding='utf-8') as f:
                found[tuple(path)] = f.read()
    return found


def named(text):
    """The first segment of every `crate::` path in `text`."""
    for m in re.finditer(r'crate::(\{[^}]*\}|\w+)', text):
        group = m.group(1)
        if not group.startswith('{'):
            yield group
            continue
        for part in group.strip('{}').split(','):
            words = re.findall(r'\w+', part)
            if words:
                yield words[0]


def edges(src):
    """{module: {module it names: [names]}} between the crate's top-level modules."""
    mods = modules(src)
    root = mods.get((), '')
    reexported = {}
    for m in re.finditer(r'pub use (\w+)::\{([^}]*)\}', root):
        for name in re.findall(r'\w+', m.group(2)):
            reexported[name] = m.group(1)
    for m in re.finditer(r'pub use (\w+)::(\w+);', root):
        reexported[m.group(2)] = m.group(1)
    tops = {path[0] for path in mods if path}
    graph = {}
    for path, text in mods.items():
        if not path:
            continue
        text = re.sub(r'#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod tests \{.*', '', text, flags=re.S)
        out = graph.setdefault(path[0], {})
        for name in named(text):
            target = name if name in tops else reexported.get(name)
            if target and target != path[0]:
                out.setdefault(target, []).append(name)
    return graph


def cycles(graph):
    """The strongly connected parts of more than one module (Tarjan's algorithm)."""
    index, low, stack, on, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                on.discard(w)
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def main():
    failed = False
    for src in sys.argv[1:]:
        graph = edges(src)
        for part in cycles(graph):
            failed = True
            print(f'{src}: a cycle between {", ".join(part)}')
            for v in part:
                for w, names in sorted(graph[v].items()):
                    if w in part:
                        print(f'  {v} -> {w} ({", ".join(sorted(set(names)))})')
    if not failed:
        print(f'no module cycles in {" ".join(sys.argv[1:])}')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
