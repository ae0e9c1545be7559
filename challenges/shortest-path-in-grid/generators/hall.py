# Prints a large floor plan.
# Usage: hall.py <shape> <rows> <cols> <seed>
#   empty       no racks; S top-left, T bottom-right
#   random      about 25 % of cells are racks; S and T in random cells
#   serpentine  full-width rows of racks with one gap, alternating ends:
#               the only path winds through the whole hall
#   walled      random racks, and T boxed in by racks: the answer is -1
#               after the whole reachable floor has been explored
import json
import random
import sys

shape, rows, cols, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)

if shape == "empty":
    grid = [["."] * cols for _ in range(rows)]
    start, target = (0, 0), (rows - 1, cols - 1)
elif shape in ("random", "walled"):
    grid = [["#" if rng.random() < 0.25 else "." for _ in range(cols)] for _ in range(rows)]
    start = (rng.randrange(rows), rng.randrange(cols))
    target = start
    while target == start:
        target = (rng.randrange(rows), rng.randrange(cols))
    if shape == "walled":
        start = (0, 0)
        target = (rows // 2, cols // 2)
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                grid[target[0] + dr][target[1] + dc] = "#"
elif shape == "serpentine":
    grid = [["."] * cols for _ in range(rows)]
    for r in range(1, rows, 2):
        grid[r] = ["#"] * cols
        gap = cols - 1 if r % 4 == 1 else 0
        grid[r][gap] = "."
    start, target = (0, 0), (rows - 1, 0 if (rows - 1) % 4 == 2 else cols - 1)
else:
    raise SystemExit("unknown shape " + shape)

grid[start[0]][start[1]] = "S"
grid[target[0]][target[1]] = "T"
print(json.dumps({"floor": ["".join(row) for row in grid]}))
