# expect: time_limit
# why: A Python loop that never ends is stopped by the wall-clock limit.

n = 0
while True:
    n = (n * 31 + 7) % 1000003
