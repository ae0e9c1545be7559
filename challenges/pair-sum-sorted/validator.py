# Refuses a list of sizes that is not sorted in non-decreasing order, as the
# statement promises.
import json
import sys

sizes = json.load(sys.stdin)["input"]["sizes"]
for i in range(1, len(sizes)):
    if sizes[i] < sizes[i - 1]:
        print(f"sizes must be sorted in non-decreasing order, but sizes[{i}] = {sizes[i]} "
              f"comes after sizes[{i - 1}] = {sizes[i - 1]}")
        break
