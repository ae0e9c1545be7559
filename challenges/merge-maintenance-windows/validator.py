# Refuses bookings that do not end after they start (start < end).
import json
import sys

windows = json.load(sys.stdin)["input"]["windows"]
for i, (start, end) in enumerate(windows):
    if not start < end:
        print(f"windows[{i}] = [{start}, {end}] does not end after it starts (start < end)")
        break
