# expect: runtime_error
# wall-ms: 10000
# why: Unbounded recursion ends as RecursionError, a runtime error, not a crash of the host.

def down(n):
    return down(n + 1) + 1
down(0)
