# Prints a large request log.
# Usage: log.py <shape> <requests> <endpoints> <k> <seed>
#   skewed  a few endpoints get most traffic (Zipf-like), a long tail
#   flat    every endpoint gets 1 to 3 requests: ties everywhere
import json
import random
import sys

shape, n, d, k, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rng = random.Random(seed)
METHODS = ["GET", "GET", "GET", "POST", "PUT", "PATCH", "DELETE"]
RESOURCES = ["orders", "users", "carts", "invoices", "sessions", "search", "items", "Reports"]

names = set()
while len(names) < d:
    name = "%s /v%d/%s/%x" % (rng.choice(METHODS), rng.randint(1, 3), rng.choice(RESOURCES), rng.getrandbits(20))
    if rng.random() < 0.1:
        name += "/{id}"
    names.add(name)
    if rng.random() < 0.05 and len(names) < d:
        names.add(name + "/")  # differs only by a trailing slash
names = sorted(names)
rng.shuffle(names)

if shape == "skewed":
    weights = [1 / (i + 1) ** 1.1 for i in range(d)]
    requests = rng.choices(names, weights=weights, k=n)
    # Make sure every endpoint appears at least once when there is room.
    for i, name in enumerate(names[: max(0, min(d, n - n // 2))]):
        requests[rng.randrange(n)] = name
elif shape == "flat":
    requests = []
    for name in names:
        requests.extend([name] * rng.randint(1, 3))
    rng.shuffle(requests)
    requests = requests[:n]
else:
    raise SystemExit("unknown shape " + shape)
print(json.dumps({"requests": requests, "k": k}))
