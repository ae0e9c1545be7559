# Prints a large binary tree in level order.
# Usage: tree.py bushy|chain <nodes> <seed>
import json
import random
import sys

shape, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
values = []
if shape == "chain":
    # Each node has one child, alternating sides: as deep as it is long.
    values.append(rng.randint(-1000, 1000))
    for i in range(1, count):
        child = rng.randint(-1000, 1000)
        values.extend([child, None] if i % 2 else [None, child])
else:
    # Each slot under an existing node is filled with probability 0.7.
    values.append(rng.randint(-1000, 1000))
    open_slots, made = 2, 1
    while made < count and open_slots:
        open_slots -= 1
        if rng.random() < 0.7 or open_slots == 0:
            values.append(rng.randint(-1000, 1000))
            made += 1
            open_slots += 2
        else:
            values.append(None)
while values and values[-1] is None:
    values.pop()
print(json.dumps({"root": values}))
