# Source: https://docs.python.org/3/library/collections.html#collections.namedtuple
from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
rows = [Point(i, i * 2) for i in range(20_000)]
