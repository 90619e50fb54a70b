# Source: https://docs.python.org/3/faq/programming.html#what-is-the-most-efficient-way-to-concatenate-many-strings-together
chunks = [b'x' * 100 for _ in range(5_000)]
result = b''.join(chunks)
