# Refuses links and endpoints that name cities that do not exist: every
# from, to, source and target must be below n.
import json
import sys

data = json.load(sys.stdin)["input"]
n = data["n"]
for name in ("source", "target"):
    if not 0 <= data[name] < n:
        print(f"{name} is {data[name]}, but with n = {n} the cities are 0 to {n - 1}")
        sys.exit(0)
for i, link in enumerate(data["links"]):
    for city in link[:2]:
        if not 0 <= city < n:
            print(f"links[{i}] names city {city}, but with n = {n} the cities are 0 to {n - 1}")
            sys.exit(0)
