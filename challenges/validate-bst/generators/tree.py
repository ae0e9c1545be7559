# Prints a large binary tree (level order, null for a missing child).
# Usage: tree.py <shape> <nodes> <seed>
#   random     values inserted in random order: a valid search tree
#   random-bad the same, then one deep left leaf takes the value of a far
#              ancestor that bounds it from below (still less than its parent)
#   zigzag     a valid chain as deep as it is long, alternating sides
#   zigzag-bad the same chain; its deepest node is outside a far ancestor's
#              bound although it is on the correct side of its parent
import json
import random
import sys
from collections import deque

shape, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
val, left, right = [], [], []


def node(v):
    val.append(v)
    left.append(-1)
    right.append(-1)
    return len(val) - 1


if shape.startswith("random"):
    # Distinct values over the whole 32-bit range (rng.sample cannot take
    # a range this long in the sandbox's 32-bit Python).
    values, taken = [], set()
    while len(values) < count:
        v = rng.randrange(-2**31, 2**31)
        if v not in taken:
            taken.add(v)
            values.append(v)
    node(values[0])
    for v in values[1:]:
        cur = 0
        while True:
            side = left if v < val[cur] else right
            if side[cur] < 0:
                side[cur] = node(v)
                break
            cur = side[cur]
    if shape == "random-bad":
        # Deepest leaf that is a left child and has a lower bound from an
        # ancestor other than its parent.
        best = None
        stack = [(0, None, 0)]
        while stack:
            cur, low, depth = stack.pop()
            if left[cur] >= 0:
                child = left[cur]
                if left[child] < 0 and right[child] < 0 and low is not None:
                    if best is None or depth + 1 > best[2]:
                        best = (child, low, depth + 1)
                stack.append((child, low, depth + 1))
            if right[cur] >= 0:
                stack.append((right[cur], val[cur], depth + 1))
        val[best[0]] = best[1]
elif shape.startswith("zigzag"):
    low, high = 0, 1_000_000_000
    node(0)
    for i in range(1, count):
        if i % 2:
            right[i - 1] = node(high)  # in (previous low, previous high)
            high -= 1
        else:
            low += 1
            left[i - 1] = node(low)
    if shape == "zigzag-bad":
        # A left child below the root, or a right child above the first
        # right child: both stay on the correct side of their parent.
        val[count - 1] = -5 if (count - 1) % 2 == 0 else 2_000_000_000
else:
    raise SystemExit("unknown shape " + shape)

out = [val[0]]
queue = deque([0])
while queue:
    cur = queue.popleft()
    for child in (left[cur], right[cur]):
        if child >= 0:
            out.append(val[child])
            queue.append(child)
        else:
            out.append(None)
while out and out[-1] is None:
    out.pop()
print(json.dumps({"root": out}))
