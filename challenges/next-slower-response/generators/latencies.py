# Prints a large latency series.
# Usage: latencies.py <length> <shape> <seed>
#   shape: flat     - every request equally slow (nothing is ever slower)
#          falling  - falling latencies, then one spike at the very end
#          random   - noisy latencies with plenty of ties
#          sawtooth - slow climbs that collapse, with repeated peaks
import json
import random
import sys

n, shape, seed = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
rng = random.Random(seed)
if shape == "flat":
    values = [rng.randint(0, 10**9)] * n
elif shape == "falling":
    values = sorted((rng.randint(0, 10**9 - 1) for _ in range(n - 1)), reverse=True)
    values.append(10**9)
elif shape == "random":
    values = [rng.randint(1000, 1100) if rng.random() < 0.8 else rng.randint(0, 10**9) for _ in range(n)]
else:
    values, level = [], 0
    while len(values) < n:
        top = rng.randint(50, 5000)
        values += list(range(level, top, max(1, (top - level) // 40 or 1)))
        values += [top] * rng.randint(1, 3)
        level = rng.randint(0, 100)
    values = values[:n]
print(json.dumps({"latencies": values}))
