# Source: https://docs.python.org/3/library/itertools.html#itertools.islice
data = list(range(200_000))
first_half = data[:100_000]
total = sum(first_half)
