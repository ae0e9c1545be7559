# Prints a large link sequence.
# Usage: links.py <shape> <servers> <links> <seed>
#   random  random pairs (about 5 % repeat an earlier link, 1 % are loops)
#   chains  two long chains patched in opposite directions (a tall tree for
#           either naive way of linking roots), then links from the ends of
#           the chains, half of them repeats
import json
import random
import sys

shape, n, m, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
links = []
if shape == "random":
    while len(links) < m:
        roll = rng.random()
        if roll < 0.01:
            a = rng.randrange(n)
            links.append([a, a])
        elif roll < 0.06 and links:
            a, b = links[rng.randrange(len(links))]
            links.append([b, a])
        else:
            links.append([rng.randrange(n), rng.randrange(n)])
elif shape == "chains":
    half = min(n // 4, m // 4)
    # Chain A on servers 0..half-1, each new cable from the previous end.
    for i in range(half - 1):
        links.append([i, i + 1])
    # Chain B on servers half..2*half-1, cables written the other way round.
    for j in range(half, 2 * half - 1):
        links.append([j + 1, j])
    ends = [0, half - 1, half, 2 * half - 1]
    while len(links) < m:
        a = rng.choice(ends)
        b = rng.choice(ends) if rng.random() < 0.5 else rng.randrange(2 * half, n)
        links.append([a, b] if rng.random() < 0.5 else [b, a])
else:
    raise SystemExit("unknown shape " + shape)
print(json.dumps({"n": n, "links": links}))
