# expect: output_limit
# wall-ms: 10000
# why: Printing without end ends the run as Output Limit Exceeded.

i = 0
while True:
    print("flood line", i)
    i += 1
