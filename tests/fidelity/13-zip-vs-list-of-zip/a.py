# Source: https://docs.python.org/3/library/functions.html#zip
xs = list(range(100_000))
ys = list(range(100_000))
pairs = list(zip(xs, ys))
total = sum(x * y for x, y in pairs)
