# Prints a random stream of tracker calls.
# Usage: calls.py <calls> <query %> <pattern> <seed>
#   pattern: 0 = typical (mostly fast, a slow tail, rare timeouts at 100000),
#            1 = steadily rising latencies, 2 = steadily falling,
#            3 = few distinct values (many duplicates)
import json
import random
import sys

count, query_percent, pattern, seed = (int(a) for a in sys.argv[1:5])
rng = random.Random(seed)


def sample(i):
    if pattern == 1:
        return min(100000, i // 2 + rng.randint(0, 3))
    if pattern == 2:
        return max(0, 100000 - i // 2 - rng.randint(0, 3))
    if pattern == 3:
        return rng.choice([0, 5, 5, 5, 12, 40, 40, 100000])
    r = rng.random()
    if r < 0.9:
        return int(rng.lognormvariate(3.5, 0.5))
    if r < 0.995:
        return rng.randint(100, 5000)
    return 100000


calls, args = ["LatencyTracker"], [[]]
for i in range(count):
    if rng.randrange(100) < query_percent:
        calls.append("p95")
        args.append([])
    else:
        calls.append("record")
        args.append([min(100000, sample(i))])
print(json.dumps({"calls": calls, "args": args}))
