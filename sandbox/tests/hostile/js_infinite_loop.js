// expect: time_limit
// why: A JavaScript loop that never ends is stopped by the wall-clock limit.

let n = 0;
while (true) { n = (n * 31 + 7) % 1000003; }
