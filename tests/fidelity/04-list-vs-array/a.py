# Source: https://docs.python.org/3/library/array.html
values = [float(i) for i in range(100_000)]
