# Refuses links to servers that do not exist: every a and b must be below n.
import json
import sys

data = json.load(sys.stdin)["input"]
n, links = data["n"], data["links"]
for i, link in enumerate(links):
    for server in link:
        if not 0 <= server < n:
            print(f"links[{i}] names server {server}, but with n = {n} the servers are 0 to {n - 1}")
            sys.exit(0)
