# Source: https://realpython.com/introduction-to-python-generators/
nums_squared_gc = (num ** 2 for num in range(100_000))
total = sum(nums_squared_gc)
