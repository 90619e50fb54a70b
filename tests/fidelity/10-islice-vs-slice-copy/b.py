# Source: https://docs.python.org/3/library/itertools.html#itertools.islice
from itertools import islice
data = list(range(200_000))
total = sum(islice(data, 100_000))
