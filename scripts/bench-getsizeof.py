# sys.getsizeof against the bytes the run's counters see when an object is made, per type.
# Run it on memplay and on CPython (each engine's own sizes; both measured with tracemalloc):
#   target/release/memplay run scripts/bench-getsizeof.py --json | python3 -c "import json,sys; print(json.load(sys.stdin)['stdout'], end='')"
#   python3 scripts/bench-getsizeof.py
# Each object is made 100 times after 300 warm-up copies are held (free lists empty).
import array
import collections
import sys
import tracemalloc

tracemalloc.start()


def per(make, n=100):
    keep = [make() for _ in range(300)]
    xs = [None] * n
    t0 = tracemalloc.get_traced_memory()[0]
    for i in range(n):
        xs[i] = make()
    t1 = tracemalloc.get_traced_memory()[0]
    return (t1 - t0) / n, sys.getsizeof(xs[0])


src = list(range(1000))
x = 'x'


class Plain:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3


class Slotted:
    __slots__ = ('a', 'b', 'c')

    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3


CASES = {
    '[]': lambda: [], 'list(10 ints)': lambda: list(src[:10]), 'list(1000 ints)': lambda: list(src),
    'tuple(1000 ints)': lambda: tuple(src), '{}': lambda: {},
    'dict(10 keys)': lambda: dict.fromkeys(src[:10]), 'dict(1000 keys)': lambda: {i: i for i in src},
    'set()': lambda: set(), 'set(1000 ints)': lambda: set(src), 'frozenset(10 ints)': lambda: frozenset(src[:10]),
    'str (1000 chars)': lambda: x * 1000, 'bytes (1000)': lambda: x.encode() * 1000,
    'bytearray(1000)': lambda: bytearray(1000), 'int (10**30)': lambda: 10 ** 30 + len(x),
    'float': lambda: float(len(x)) + 0.5, "array('d', 1000)": lambda: array.array('d', src),
    'deque(1000 ints)': lambda: collections.deque(src), 'instance (3 attrs)': Plain,
    'instance with __slots__': Slotted,
}

print(f"{sys.implementation.name} {sys.version.split()[0]}")
print("| type | counters saw (B) | getsizeof (B) | ratio |")
print("|---|---:|---:|---:|")
for name, make in CASES.items():
    seen, size = per(make)
    print(f"| {name} | {seen:.0f} | {size} | {size / seen if seen else 0:.2f} |")
