# Source: https://stackoverflow.com/questions/68630/are-tuples-more-efficient-than-lists-in-python
rows = [[i, i + 1, i + 2] for i in range(30_000)]
