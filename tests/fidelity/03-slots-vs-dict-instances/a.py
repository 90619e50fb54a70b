# Source: https://docs.python.org/3/reference/datamodel.html#slots
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

points = [Point(i, i) for i in range(20_000)]
