# Source: https://wiki.python.org/moin/TimeComplexity
allowed = list(range(50_000))
hits = sum(1 for x in range(0, 100_000, 7) if x in allowed[:1000])
