# Prints a random stream of rate-limiter calls: a few hot clients that run
# into their limits, a long tail of occasional ones, mostly tiny gaps between
# calls and now and then a long quiet spell.
# Usage: traffic.py <calls> <clients> <capacity> <refill per second> <start ms> <seed>
import json
import random
import sys

count, clients, capacity, rate, start, seed = (int(a) for a in sys.argv[1:7])
rng = random.Random(seed)
LIMIT = 10**10
alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-."
names = set()
while len(names) < clients:
    names.add("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20))))
names = sorted(names)
rng.shuffle(names)
hot = names[:max(1, min(20, clients // 10))]

now = start
calls, args = ["RateLimiter"], [[capacity, rate]]
for _ in range(count):
    r = rng.random()
    if r < 0.001:
        gap = rng.randint(10**5, 2 * 10**7)
    elif r < 0.01:
        gap = rng.randint(0, 3000)
    else:
        gap = rng.randint(0, 4)
    now = min(LIMIT, now + gap)
    client = rng.choice(hot) if rng.random() < 0.7 else rng.choice(names)
    calls.append("allow" if rng.random() < 0.85 else "available")
    args.append([client, now])
print(json.dumps({"calls": calls, "args": args}))
