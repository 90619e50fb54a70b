# Source: https://docs.python.org/3/library/collections.html#collections.namedtuple
rows = [{'x': i, 'y': i * 2} for i in range(20_000)]
