# Prints a random sparse service graph.
# Usage: random_graph.py <n> <links> <max latency> <cut> <seed>
#   cut = 1 removes every link into the target, so it is unreachable and the
#   whole reachable graph gets explored.
import json
import random
import sys

n, m, w_max, cut, seed = (int(a) for a in sys.argv[1:6])
rng = random.Random(seed)
source, target = rng.randrange(n), rng.randrange(n)
while n > 1 and target == source:
    target = rng.randrange(n)
links = []
while len(links) < m:
    a, b = rng.randrange(n), rng.randrange(n)
    if cut and b == target:
        continue
    links.append([a, b, rng.randint(0, w_max)])
print(json.dumps({"n": n, "links": links, "source": source, "target": target}))
