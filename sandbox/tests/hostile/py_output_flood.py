# expect: output_limit
# why: Printing without end ends the run as Output Limit Exceeded.

i = 0
while True:
    print("flood line", i)
    i += 1
