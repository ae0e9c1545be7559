# Refuses inputs without exactly one answer: the statement promises exactly
# one pair of different positions whose values add up to `target`.
import json
import sys

data = json.load(sys.stdin)["input"]
nums, target = data["nums"], data["target"]

positions = {}  # value -> the first two positions holding it
found = []      # pairs (i, j), i < j, adding up to target; stops at two
for j, value in enumerate(nums):
    for i in positions.get(target - value, ()):
        found.append((i, j))
    if len(found) > 1:
        break
    seen = positions.setdefault(value, [])
    if len(seen) < 2:
        seen.append(j)

if not found:
    print(f"no two positions hold values that add up to {target}; exactly one pair must")
elif len(found) > 1:
    (a, b), (c, d) = found[:2]
    print(f"more than one pair adds up to {target} (positions {a} and {b}, {c} and {d}); exactly one pair must")
