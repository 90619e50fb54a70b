# Source: https://docs.python.org/3/howto/sorting.html
data = list(range(100_000, 0, -1))
data.sort()
