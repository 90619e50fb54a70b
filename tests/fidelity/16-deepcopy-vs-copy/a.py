# Source: https://docs.python.org/3/library/copy.html
import copy
rows = [[i, i] for i in range(20_000)]
clone = copy.deepcopy(rows)
