# Refuses build histories that get faster again: the statement promises
# p99_ms never goes down.
import json
import sys

p99 = json.load(sys.stdin)["input"]["p99_ms"]
for i in range(1, len(p99)):
    if p99[i] < p99[i - 1]:
        print(f"p99_ms[{i}] = {p99[i]} is below p99_ms[{i - 1}] = {p99[i - 1]}; the list must be non-decreasing")
        break
