# Source: http://www.dabeaz.com/generators/
lines = (f'{i} {i * 7}' for i in range(50_000))
fields = (line.split() for line in lines)
values = (int(f[1]) for f in fields)
total = sum(values)
