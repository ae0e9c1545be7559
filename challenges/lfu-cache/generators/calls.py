# Prints a random sequence of LFU cache calls. Some calls go to a small set
# of hot keys, so use counts spread out; the rest are spread over the whole
# key space, so a full cache keeps evicting.
# Usage: calls.py <number of calls> <capacity> <key space> <hot %> <put %> <seed>
import json
import random
import sys

count, capacity, key_space, hot_percent, put_percent, seed = (int(a) for a in sys.argv[1:7])
rng = random.Random(seed)


def key_of(i):
    # Spreads 0 .. key_space-1 over 0 .. 10^9 without collisions (the
    # multiplier is invertible modulo the prime 999999937).
    return i * 40503 % 999999937


hot = [key_of(rng.randrange(key_space)) for _ in range(max(1, min(key_space // 10, 2000)))]
calls, args = ["LFUCache"], [[capacity]]
for _ in range(count):
    key = rng.choice(hot) if rng.randrange(100) < hot_percent else key_of(rng.randrange(key_space))
    if rng.randrange(100) < put_percent:
        calls.append("put")
        args.append([key, rng.randrange(1_000_000_001)])
    else:
        calls.append("get")
        args.append([key])
print(json.dumps({"calls": calls, "args": args}))
