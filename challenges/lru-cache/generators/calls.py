# Prints a random sequence of LRU cache calls.
# Usage: calls.py <number of calls> <capacity> <seed>
import json
import random
import sys

count, capacity, seed = (int(a) for a in sys.argv[1:4])
rng = random.Random(seed)
key_space = max(2, capacity * 2)
calls, args = ["LRUCache"], [[capacity]]
for _ in range(count):
    key = rng.randrange(key_space)
    if rng.random() < 0.5:
        calls.append("get")
        args.append([key])
    else:
        calls.append("put")
        args.append([key, rng.randrange(1_000_000_000)])
print(json.dumps({"calls": calls, "args": args}))
