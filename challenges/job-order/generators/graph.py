# Prints a job graph.
# Usage: graph.py <jobs> <edges> dag|cycle|chain <seed>
import json
import random
import sys

n, m, shape, seed = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
rng = random.Random(seed)
rank = list(range(n))
rng.shuffle(rank)  # a hidden order; edges only point backwards in it
edges = []
if shape == "chain":
    edges = [[rank[i + 1], rank[i]] for i in range(n - 1)]
else:
    for _ in range(m):
        i, j = rng.randrange(n), rng.randrange(n)
        if i == j:
            continue
        lo, hi = min(i, j), max(i, j)
        edges.append([rank[hi], rank[lo]])
    if shape == "cycle":
        # A cycle through many jobs, hidden among the rest.
        ring = rng.sample(range(n), 1000)
        edges += [[ring[k], ring[(k + 1) % len(ring)]] for k in range(len(ring))]
rng.shuffle(edges)
print(json.dumps({"num_jobs": n, "dependencies": edges}))
