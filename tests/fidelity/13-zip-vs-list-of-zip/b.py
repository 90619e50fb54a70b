# Source: https://docs.python.org/3/library/functions.html#zip
xs = list(range(100_000))
ys = list(range(100_000))
total = sum(x * y for x, y in zip(xs, ys))
