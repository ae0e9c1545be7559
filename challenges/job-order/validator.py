# Refuses dependencies on jobs that do not exist, and jobs that depend on
# themselves.
import json
import sys

data = json.load(sys.stdin)["input"]
n = data["num_jobs"]
for i, (a, b) in enumerate(data["dependencies"]):
    if not (0 <= a < n and 0 <= b < n):
        print(f"dependencies[{i}] names a job outside 0 to {n - 1}")
        sys.exit(0)
    if a == b:
        print(f"dependencies[{i}] makes job {a} depend on itself")
        sys.exit(0)
