# Refuses floor plans the statement rules out: rows of different lengths,
# fewer than two cells, or not exactly one S and one T.
import json
import sys

floor = json.load(sys.stdin)["input"]["floor"]


def why():
    if not floor:
        return "the floor needs at least one row"
    width = len(floor[0])
    for r, row in enumerate(floor):
        if len(row) != width:
            return f"every row must have the same length, but row 0 has {width} cells and row {r} has {len(row)}"
    if len(floor) * width < 2:
        return "the floor needs at least two cells"
    starts = sum(row.count("S") for row in floor)
    targets = sum(row.count("T") for row in floor)
    if starts != 1:
        return f"the floor must hold exactly one S, and it holds {starts}"
    if targets != 1:
        return f"the floor must hold exactly one T, and it holds {targets}"
    return None


reason = why()
if reason:
    print(reason)
