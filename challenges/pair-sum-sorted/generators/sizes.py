# Prints a large sorted list of message sizes and a frame limit.
# Usage: sizes.py <length> <max size> <limit> <seed>
#   limit is a number, or "median" for twice the median size (about half
#   of all pairs fit).
import json
import random
import sys

length, top, limit, seed = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
rng = random.Random(seed)
sizes = sorted(rng.randint(0, top) for _ in range(length))
# Plenty of exact ties, so pairs that land exactly on the limit are common.
for k in range(0, length, 7):
    sizes[k] = sizes[k - 1] if k else sizes[0]
sizes.sort()
limit = 2 * sizes[length // 2] if limit == "median" else int(limit)
print(json.dumps({"sizes": sizes, "limit": limit}))
