import json, sys
data = json.load(sys.stdin)
total, actual = data["input"]["total"], data["actual"]
ok = isinstance(actual, list) and len(actual) == 2 and all(isinstance(x, int) and x >= 0 for x in actual) and sum(actual) == total
print(json.dumps({"ok": ok, "message": "" if ok else f"{actual} does not split {total}"}))
