# Prints a large, shuffled toggle log with exactly one flag left on.
# Usage: log.py <distinct flags> <seed> [repeats]
#   Every flag but one is toggled twice; with "repeats", flags are toggled
#   2, 4 or 6 times and the one left on 1, 3 or 5 times.
import json
import random
import sys

flags, seed = int(sys.argv[1]), int(sys.argv[2])
repeats = len(sys.argv) > 3 and sys.argv[3] == "repeats"
rng = random.Random(seed)
chosen = set()  # distinct ids (no huge range: generators may run on a 32-bit Python)
while len(chosen) < flags:
    chosen.add(rng.randint(-2**31, 2**31 - 1))
ids = sorted(chosen)
rng.shuffle(ids)
on, rest = ids[0], ids[1:]
log = []
for flag in rest:
    log += [flag] * (rng.choice([2, 2, 4, 6]) if repeats else 2)
rng.shuffle(log)
times = 3 if repeats else 1
# The flag left on is first seen late in the log, so scanning for it from
# the start takes a while.
for _ in range(times):
    log.insert(rng.randint(len(log) * 9 // 10, len(log)), on)
print(json.dumps({"toggles": log}))
