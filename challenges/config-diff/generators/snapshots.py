# Prints two large config snapshots.
# Usage: snapshots.py <names> <seed> [unchanged]
#   default: about 40 % unchanged, 20 % changed, 20 % removed, 20 % added
#   (some added names differ from removed ones only in case), 10 % empty values
#   unchanged: both snapshots are identical (the answer is empty)
import json
import random
import string
import sys

count, seed = int(sys.argv[1]), int(sys.argv[2])
mode = sys.argv[3] if len(sys.argv) > 3 else "mixed"
rng = random.Random(seed)

SEGMENTS = ["db", "cache", "log", "http", "grpc", "queue", "auth", "feature",
            "Pool", "TLS", "retry", "timeout", "max_conns", "read-replica", "shard"]
SEPARATORS = "._-"
DIGITS62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
VALUE_CHARS = "".join(chr(c) for c in range(32, 127))
# A pool of values (one in ten empty) keeps the generator quick.
VALUES = [""] * 100 + ["".join(rng.choices(VALUE_CHARS, k=rng.randint(1, 20))) for _ in range(900)]


def name():
    bits = rng.getrandbits(36)
    tail = ""
    while bits:
        bits, digit = divmod(bits, 62)
        tail += DIGITS62[digit]
    return rng.choice(SEGMENTS) + rng.choice(SEPARATORS) + tail


def value():
    return rng.choice(VALUES)


names = set()
while len(names) < count:
    names.add(name())
names = sorted(names)
rng.shuffle(names)

before = {n: value() for n in names}
if mode == "unchanged":
    after = dict(before)
else:
    after = {}
    for n in names:
        roll = rng.random()
        if roll < 0.4:
            after[n] = before[n]
        elif roll < 0.6:
            new = value()
            while new == before[n]:
                new = value()
            after[n] = new
        elif roll < 0.8:
            pass  # removed
        else:
            after[n] = before[n]
    # Additions: fresh names, and case variants of existing ones.
    added = 0
    while added < count // 5:
        if rng.random() < 0.3:
            n = rng.choice(names).swapcase()
        else:
            n = name()
        if n in before or n in after:
            continue
        after[n] = value()
        added += 1
    # Re-insert in a shuffled order so neither map is sorted.
    items = list(after.items())
    rng.shuffle(items)
    after = dict(items)
print(json.dumps({"before": before, "after": after}))
