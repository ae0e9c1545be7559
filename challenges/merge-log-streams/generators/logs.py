# Prints k sorted log streams of about n lines each.
# Usage: logs.py <k> <n> <seed>
import random
import sys

k, n, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
words = ["GET", "POST", "/orders", "/users", "cache", "miss", "hit", "retry", "timeout", "ok", "db", "slow"]
out = [str(k)]
for _ in range(k):
    count = rng.randint(n // 2, n)
    out.append(str(count))
    t = rng.randint(0, 1000)
    for _ in range(count):
        t += rng.choice([0, 0, 1, 2, 5, 10, 100])
        out.append(f"{t} " + " ".join(rng.choice(words) for _ in range(rng.randint(1, 4))))
print("\n".join(out))
