# Source: https://docs.python.org/3/library/itertools.html#itertools.chain
from itertools import chain
a = list(range(100_000))
b = list(range(100_000))
total = sum(chain(a, b))
