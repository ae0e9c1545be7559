// expect: memory_limit
// wall-ms: 5000
// why: Growing an array of large strings without end hits the memory limit.

const hoard = [];
let chunk = "x".repeat(1 << 20);
for (;;) { hoard.push(chunk + hoard.length); }
