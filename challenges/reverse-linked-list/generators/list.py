# Prints a linked list of the given length with random values.
# Usage: list.py <length> <seed>
import json
import random
import sys

length, seed = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(seed)
print(json.dumps({"head": [rng.randint(-10**9, 10**9) for _ in range(length)]}))
