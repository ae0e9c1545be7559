# Accepts any order that runs each job once, after its dependencies; when
# the reference found a cycle (an empty answer), only an empty answer is right.
import json
import sys

data = json.load(sys.stdin)
n = data["input"]["num_jobs"]
deps = data["input"]["dependencies"]
expected, actual = data["expected"], data["actual"]


def verdict(ok, message=""):
    print(json.dumps({"ok": ok, "message": message}))
    sys.exit(0)


if not isinstance(actual, list):
    verdict(False, "the answer is not a list")
if expected == []:
    verdict(actual == [], "the dependencies contain a cycle, so the answer is []")
if len(actual) != n:
    verdict(False, f"expected an order of all {n} jobs, got {len(actual)} entries")
position = {}
for i, job in enumerate(actual):
    if not isinstance(job, int) or not 0 <= job < n:
        verdict(False, f"entry {i} ({job!r}) is not a job number")
    if job in position:
        verdict(False, f"job {job} appears twice")
    position[job] = i
for a, b in deps:
    if position[b] > position[a]:
        verdict(False, f"job {a} runs before job {b}, which it depends on")
verdict(True)
