def build(n):
    row = [n, n + 1, n + 2]
    if n == 0:
        return [row]
    below = build(n - 1)
    return [row, below[0]]

kept = []
for _ in range(300):
    kept.append(build(600))
    kept = kept[-20:]
