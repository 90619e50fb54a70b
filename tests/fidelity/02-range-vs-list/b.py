# Source: https://docs.python.org/3/library/stdtypes.html#ranges
r = range(200_000)
print(r[-1])
