# expect: runtime_error
# why: Unbounded recursion ends as RecursionError, a runtime error, not a crash of the host.

def down(n):
    return down(n + 1) + 1
down(0)
