# Prints a random sequence of hash-ring calls: nodes joining and leaving now
# and then, and many lookups in between.
# Usage: ring.py <calls> <replicas> <max nodes> <membership changes> <seed>
import json
import random
import sys

count, replicas, max_nodes, changes, seed = (int(a) for a in sys.argv[1:6])
rng = random.Random(seed)

# Pairs whose first two virtual nodes land on the same positions (found by
# search), so ties between nodes turn up in the random tests too.
COLLIDING = ["shard-20818", "shard-95468", "shard-20568", "shard-95918",
             "shard-125918", "shard-190568", "shard-125468", "shard-190818"]
prefixes = ["cache-", "db-eu-", "db-us-", "kv.", "node", "redis-", "store-"]
pool = set(COLLIDING)
while len(pool) < max_nodes * 3:
    pool.add(rng.choice(prefixes) + str(rng.randrange(10**rng.randint(1, 6))))
pool = sorted(pool)
rng.shuffle(pool)


def random_key():
    kind = rng.randrange(4)
    if kind == 0:
        return f"user:{rng.randrange(10**9)}"
    if kind == 1:
        return f"order:{rng.randrange(10**7)}:{rng.randrange(100)}"
    if kind == 2:
        return "img/" + "".join(rng.choice("0123456789abcdef") for _ in range(12)) + ".png"
    return "".join(chr(rng.randint(33, 126)) for _ in range(rng.randint(1, 30)))


calls, args = ["ConsistentHashRing"], [[replicas]]
on_ring = []
for name in pool[:max_nodes * 3 // 4]:
    calls.append("add_node")
    args.append([name])
    on_ring.append(name)
remaining = count - len(on_ring)
for _ in range(remaining):
    if rng.randrange(remaining) < changes:
        r = rng.random()
        if (r < 0.5 and len(on_ring) < max_nodes) or not on_ring:
            name = rng.choice(pool)  # may already be on the ring: a no-op
            calls.append("add_node")
            args.append([name])
            if name not in on_ring:
                on_ring.append(name)
        elif r < 0.95:
            name = rng.choice(on_ring) if rng.random() < 0.9 else rng.choice(pool)
            calls.append("remove_node")
            args.append([name])
            if name in on_ring:
                on_ring.remove(name)
        else:
            calls.append("remove_node")
            args.append(["absent-node"])
    else:
        calls.append("lookup")
        args.append([random_key()])
print(json.dumps({"calls": calls, "args": args}))
