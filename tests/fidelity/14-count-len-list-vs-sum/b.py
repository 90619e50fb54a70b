# Source: https://stackoverflow.com/questions/390852/is-there-any-built-in-way-to-get-the-length-of-an-iterable-in-python
n = sum(1 for x in range(200_000) if x % 3 == 0)
