# Prints a large recording of cache keys.
# Usage: traffic.py <length> <distinct keys> <seed> [shape]
#   shape: random (default) - uniform over the key pool
#          distinct         - every key different (the answer is the length)
#          echo             - bursts that return to older keys, so the
#                             window's left edge must never move backwards
import json
import random
import sys

n, pool, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
shape = sys.argv[4] if len(sys.argv) > 4 else "random"
rng = random.Random(seed)
prefixes = ["user", "cart", "sess", "item", "feed", "acct"]


def key(k):
    return f"{prefixes[k % len(prefixes)]}:{k * 7919 % 1000003}"


if shape == "distinct":
    ids = list(range(n))
    rng.shuffle(ids)
elif shape == "echo":
    ids = []
    while len(ids) < n:
        run = rng.sample(range(pool), rng.randint(1, 400))
        ids += run + run[::-1][: rng.randint(1, len(run))]
    ids = ids[:n]
else:
    ids = [rng.randrange(pool) for _ in range(n)]
print(json.dumps({"keys": [key(k) for k in ids]}))
