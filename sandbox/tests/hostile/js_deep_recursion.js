// expect: runtime_error
// why: Unbounded recursion becomes a RangeError (stack overflow), not a host crash.

function down(n) { return down(n + 1) + 1; }
down(0);
