# Prints a large, shuffled list of maintenance bookings.
# Usage: bookings.py <count> <shape> <seed>
#   shape: random   - random lengths over the whole range, many merges
#          nested   - long bookings with many short ones inside them
#          touching - chains of bookings that end where the next starts
#          disjoint - gaps everywhere: nothing merges
import json
import random
import sys

n, shape, seed = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
rng = random.Random(seed)
out = []
if shape == "random":
    for _ in range(n):
        start = rng.randint(0, 10**9 - 1)
        out.append([start, min(10**9, start + rng.randint(1, 20000))])
elif shape == "nested":
    while len(out) < n:
        start = rng.randint(0, 10**9 - 10**6)
        end = start + rng.randint(1000, 10**6)
        out.append([start, end])
        for _ in range(rng.randint(0, 30)):
            a = rng.randint(start, end - 1)
            out.append([a, rng.randint(a + 1, end)])
elif shape == "touching":
    t = 0
    while len(out) < n:
        step = rng.randint(1, 9000)
        out.append([t, t + step])
        t += step + (rng.randint(1, 50) if rng.random() < 0.1 else 0)
else:
    points = sorted(rng.sample(range(0, 10**9 + 1), 2 * n))
    out = [[points[2 * k], points[2 * k + 1]] for k in range(n)]
out = out[:n]
rng.shuffle(out)
print(json.dumps({"windows": out}))
