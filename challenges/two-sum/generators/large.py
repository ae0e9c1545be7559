# Prints a large two-sum input with exactly one answer.
# Usage: large.py <length> <seed>
import json
import random
import sys

length, seed = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(seed)
# The values are distinct even numbers; the answer pairs an odd `a` with an
# even `b` outside their range, and the target is odd. Two even values sum
# to an even number and `a` plus an even value is the target only with `b`,
# so the pair is the only answer.
values = rng.sample(range(-400_000_000, 400_000_000, 2), length - 2)
a, b = 123_456_789, 500_000_000
target = a + b
if seed == 1:
    i, j = length - 2, length - 1  # last: trying every pair takes n^2/2 steps
else:
    i, j = length // 2, length - 1
values.insert(i, a)
values.insert(j, b)
print(json.dumps({"nums": values, "target": target}))
