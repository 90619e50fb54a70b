# Source: https://docs.python.org/3/library/itertools.html#itertools.chain
a = list(range(100_000))
b = list(range(100_000))
total = sum(a + b)
