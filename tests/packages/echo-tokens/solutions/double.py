import sys
print(*[2 * int(t) for t in sys.stdin.read().split()])
