# Source: https://realpython.com/python-memory-management/
raw = [str(i) for i in range(100_000)]
parsed = [int(s) for s in raw]

squares = [n * n for n in parsed]
