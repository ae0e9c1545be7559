# Prints a long chain of services 0 -> 1 -> ... -> n-1 (the only way
# forward), buried among extra links, all shuffled. The best route has
# n - 1 hops, so round-by-round relaxation needs about n/2 rounds.
# Usage: chain.py <n> <extra links> <max chain latency> <seed>
#   With a small max chain latency, extra forward links cost 10^9 and never
#   pay off; with a large one, extra links only point backwards.
import json
import random
import sys

n, extra, chain_max, seed = (int(a) for a in sys.argv[1:5])
rng = random.Random(seed)
links = [[i, i + 1, rng.randint(chain_max // 2, chain_max)] for i in range(n - 1)]
for _ in range(extra):
    a, b = rng.randrange(n), rng.randrange(n)
    if chain_max * (n - 1) < 10**9:
        links.append([a, b, 10**9])
    else:
        a, b = max(a, b), min(a, b)
        links.append([a, b, rng.randint(0, 10**9)])
rng.shuffle(links)
print(json.dumps({"n": n, "links": links, "source": 0, "target": n - 1}))
