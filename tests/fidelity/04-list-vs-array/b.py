# Source: https://docs.python.org/3/library/array.html
from array import array
values = array('d', (float(i) for i in range(100_000)))
