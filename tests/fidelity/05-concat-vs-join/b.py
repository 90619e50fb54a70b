# Source: https://docs.python.org/3/faq/programming.html#what-is-the-most-efficient-way-to-concatenate-many-strings-together
parts = [str(i) for i in range(50_000)]
s = ','.join(parts) + ','
