# Prints a non-decreasing latency history with plateaus, and thresholds.
# Usage: builds.py <builds> <thresholds> <seed> [high]
#   "high": most thresholds sit near or above the slowest build, so a scan
#   from build 0 walks (almost) the whole history for each of them.
import json
import random
import sys

n, q, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
high = len(sys.argv) > 4 and sys.argv[4] == "high"
rng = random.Random(seed)
p99, value = [], rng.randint(0, 1000)
while len(p99) < n:
    value += rng.choice([0, 0, 1, rng.randint(1, 20000)])
    p99.extend([value] * rng.randint(1, 5))  # plateaus: equal neighbours
p99 = p99[:n]
top = p99[-1]
thresholds = []
for _ in range(q):
    roll = rng.random()
    if high:
        if roll < 0.5:
            t = top + rng.randint(1, 1000)       # never reached: -1
        else:
            t = p99[rng.randint(n - 50, n - 1)]  # reached near the end
    elif roll < 0.4:
        t = p99[rng.randrange(n)]                # exactly a measured value
    elif roll < 0.9:
        t = rng.randint(0, top)
    else:
        t = rng.randint(top, top + 100000)
    thresholds.append(t)
print(json.dumps({"p99_ms": p99, "thresholds": thresholds}))
