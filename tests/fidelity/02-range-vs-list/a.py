# Source: https://docs.python.org/3/library/stdtypes.html#ranges
r = list(range(200_000))
print(r[-1])
