# Prints a large JSON-like text for the bracket check.
# Usage: config.py <length> <shape> <seed>
#   shape: deep      - one long run of openers, then the matching closers
#          deepswap  - as deep, with one closer of the wrong kind in the middle
#          doc       - nested objects and lists with tricky string literals
#          docswap   - as doc, with one closer outside literals changed
#          docopen   - as doc, followed by a literal that never ends
import json
import random
import sys

length, shape, seed = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
rng = random.Random(seed)
pairs = {"(": ")", "[": "]", "{": "}"}

if shape.startswith("deep"):
    half = length // 2
    openers = [rng.choice("([{") for _ in range(half)]
    closers = [pairs[c] for c in reversed(openers)]
    if shape == "deepswap":
        k = half // 2
        closers[k] = {")": "]", "]": "}", "}": ")"}[closers[k]]
    print(json.dumps({"text": "".join(openers + closers)}))
    sys.exit(0)

# A literal's body: brackets, escaped quotes and backslashes, plain text.
pieces = ["a", "b", "z", "0", " ", "(", ")", "[", "]", "{", "}", "'", ":", ",", "\\\"", "\\\\", "\\n", "\\]"]


def literal():
    return '"' + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) + '"'


out, stack, closer_at = [], [], []
size = 0
while size < length:
    roll = rng.random()
    if roll < 0.3 and len(stack) < 2000:
        ch = rng.choice("([{")
        stack.append(pairs[ch])
        out.append(ch)
    elif roll < 0.55 and stack:
        closer_at.append(len(out))
        out.append(stack.pop())
    elif roll < 0.85:
        out.append(literal())
    else:
        out.append(rng.choice([", ", ": ", "true", "null", "42", "'x'", " \\ "]))
    size += len(out[-1])
while stack:
    closer_at.append(len(out))
    out.append(stack.pop())
if shape == "docswap":
    k = closer_at[len(closer_at) // 2]
    out[k] = {")": "]", "]": "}", "}": ")"}[out[k]]
elif shape == "docopen":
    out.append(' "unfinished \\"')
print(json.dumps({"text": "".join(out)}))
