# Prints a large event stream.
# Usage: stream.py distinct|retries <events> <seed>
#   distinct: every key is new (about 2 % of events have no key)
#   retries:  about 1/3 of events retry an earlier key (sometimes with a
#             different payload), some keys differ only in case, 5 % keyless
import json
import random
import sys

mode, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
ACTIONS = ["charge", "refund", "capture", "void", "payout"]


def payload():
    return "%s:acct-%d:%d" % (rng.choice(ACTIONS), rng.randrange(10000), rng.randrange(1, 100000))


def new_key():
    return "%016x" % rng.getrandbits(64)


keys, payloads = [], []
issued = []  # (key, payload) of events that had a key
for _ in range(count):
    roll = rng.random()
    if mode == "distinct":
        if roll < 0.02:
            keys.append("")
            payloads.append("heartbeat")
        else:
            keys.append(new_key())
            payloads.append(payload())
        continue
    if roll < 0.05:
        keys.append("")
        payloads.append("heartbeat")
    elif roll < 0.38 and issued:
        # A retry of a recent event (most retries come soon after).
        back = min(len(issued), 1 + int(rng.expovariate(1 / 50)))
        key, body = issued[-back]
        keys.append(key)
        payloads.append(body if rng.random() < 0.7 else payload())
    elif roll < 0.42 and issued:
        key = issued[rng.randrange(len(issued))][0].upper()  # hex digits a-f become A-F
        keys.append(key)
        payloads.append(payload())
        issued.append((key, payloads[-1]))
    else:
        keys.append(new_key())
        payloads.append(payload())
        issued.append((keys[-1], payloads[-1]))
print(json.dumps({"keys": keys, "payloads": payloads}))
