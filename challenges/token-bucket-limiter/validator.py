# Refuses call sequences the statement rules out: timestamps that go
# backwards, or more than 50000 different clients.
import json
import sys

data = json.load(sys.stdin)["input"]
last = None
clients = set()
for k, (method, args) in enumerate(zip(data["calls"], data["args"])):
    if k == 0 or method not in ("allow", "available") or len(args) != 2:
        continue
    client, timestamp = args
    if last is not None and timestamp < last:
        print(f"call {k + 1} ({method}) goes back in time to {timestamp} after {last}; timestamps never decrease")
        break
    last = timestamp
    clients.add(client)
    if len(clients) > 50000:
        print(f"call {k + 1} ({method}) brings in client number 50001; at most 50000 different clients")
        break
