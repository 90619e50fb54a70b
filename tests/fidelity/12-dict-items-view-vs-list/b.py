# Source: https://docs.python.org/3/library/stdtypes.html#dict-views
d = {i: i for i in range(50_000)}
total = sum(k + v for k, v in d.items())
