# Source: https://docs.python.org/3/library/functools.html#functools.lru_cache
from functools import lru_cache

@lru_cache(maxsize=None)
def square(n):
    return n * n

total = sum(square(i) for i in range(50_000))
