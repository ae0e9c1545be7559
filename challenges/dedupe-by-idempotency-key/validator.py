# Refuses inputs whose keys and payloads do not pair up.
import json
import sys

data = json.load(sys.stdin)["input"]
if len(data["keys"]) != len(data["payloads"]):
    print(f"keys has {len(data['keys'])} entries and payloads {len(data['payloads'])}; each key needs its payload")
