import sys
n = int(sys.stdin.read())
x = 42
seen = set()
repeats = pairs = 0
for _ in range(n):
    x = (x * 1103515245 + 12345) % 2147483648
    v = x % 1000000
    if v in seen:
        repeats += 1
    if 1000000 - v in seen:
        pairs += 1
    seen.add(v)
print(repeats, pairs)
