// expect: memory_limit
// why: Growing an array of large strings without end hits the memory limit.

const hoard = [];
let chunk = "x".repeat(1 << 16);
for (;;) { hoard.push(chunk + hoard.length); }
