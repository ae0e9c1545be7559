# Prints a random sequence of autocomplete calls. Names are built from a few
# syllables, so they share prefixes the way service names do.
# Usage: calls.py <number of calls> <number of syllables> <seed>
import json
import random
import sys

count, syllable_count, seed = (int(a) for a in sys.argv[1:4])
rng = random.Random(seed)
letters = "abcdefghijklmnopqrstuvwxyz"
syllables = sorted({
    rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") + rng.choice(["", "", "n", "r", "x"])
    for _ in range(syllable_count)
})


def make_name():
    name = "".join(rng.choice(syllables) for _ in range(rng.randint(1, 4)))
    return name[:12]


names = []
calls, args = ["Autocomplete"], [[]]
for _ in range(count):
    r = rng.random()
    if r < 0.4 or not names:
        if names and rng.random() < 0.1:
            word = rng.choice(names)  # a duplicate
        else:
            word = make_name()
            names.append(word)
        calls.append("insert")
        args.append([word])
        continue
    s = rng.random()
    if s < 0.05:
        prefix = ""
    elif s < 0.15:
        prefix = "".join(rng.choice(letters) for _ in range(rng.randint(1, 4)))
    else:
        word = rng.choice(names)
        prefix = word[:rng.randint(1, len(word))]
    calls.append("count_prefix" if r < 0.7 else "top")
    args.append([prefix])
print(json.dumps({"calls": calls, "args": args}))
