# Refuses logs where not exactly one id appears an odd number of times.
import json
import sys

toggles = json.load(sys.stdin)["input"]["toggles"]
on = set()
for flag in toggles:
    if flag in on:
        on.remove(flag)
    else:
        on.add(flag)
if not on:
    print("every id appears an even number of times; exactly one must appear an odd number of times")
elif len(on) > 1:
    a, b = sorted(on)[:2]
    print(f"{len(on)} ids appear an odd number of times ({a}, {b}, ...); exactly one may")
