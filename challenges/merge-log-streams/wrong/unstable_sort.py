# Sorts by timestamp only and breaks ties by message text: equal timestamps
# come out in the wrong order.
import sys

lines = sys.stdin.read().split("\n")
k = int(lines[0])
rows, at = [], 1
for server in range(k):
    n = int(lines[at])
    for line in lines[at + 1:at + 1 + n]:
        stamp, _, message = line.partition(" ")
        rows.append((int(stamp), message, server))
    at += 1 + n
rows.sort()
print("\n".join(f"{t} {s} {m}" for t, m, s in rows))
