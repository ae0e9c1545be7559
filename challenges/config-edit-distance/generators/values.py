# Prints two long config values.
# Usage: values.py <shape> <length> <seed>
#   typos      target is current with about one edit in twelve characters
#              (swaps of neighbours, replacements, deletions, insertions)
#   unrelated  two independent values over a small alphabet
#   same       identical values (the answer is 0)
#   empty      current is empty (the answer is the target's length)
#   swaps      target swaps many neighbouring pairs of current
import json
import random
import sys

shape, length, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
PRINTABLE = "".join(chr(c) for c in range(32, 127))


def value(n, alphabet=PRINTABLE):
    return "".join(rng.choices(alphabet, k=n))


if shape == "typos":
    current = value(length, "abcdefghijklmnopqrstuvwxyz_.=-0123456789")
    out, i = [], 0
    while i < len(current):
        roll = rng.random()
        if roll < 0.03 and i + 1 < len(current):
            out += [current[i + 1], current[i]]
            i += 2
        elif roll < 0.05:
            out.append(rng.choice(PRINTABLE))
            i += 1
        elif roll < 0.07:
            i += 1
        elif roll < 0.085:
            out += [rng.choice(PRINTABLE), current[i]]
            i += 1
        else:
            out.append(current[i])
            i += 1
    target = "".join(out)[:1000]
elif shape == "unrelated":
    current, target = value(length, "abcde"), value(length - 7, "abcde")
elif shape == "same":
    current = value(length)
    target = current
elif shape == "empty":
    current, target = "", value(length)
elif shape == "swaps":
    current = value(length, "abcdef")
    chars = list(current)
    for i in range(0, length - 1, 3):
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    target = "".join(chars)
else:
    raise SystemExit("unknown shape " + shape)
print(json.dumps({"current": current, "target": target}))
