# Source: https://docs.python.org/3/library/stdtypes.html#memoryview
data = bytes(1_000_000)
parts = [data[i:i + 100_000] for i in range(0, len(data), 100_000)]
