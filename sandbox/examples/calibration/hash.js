const n = parseInt(require("fs").readFileSync(0, "utf8"));
let x = 42;
const seen = new Set();
let repeats = 0, pairs = 0;
for (let i = 0; i < n; i++) {
  x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff; // exact mod 2^31 in 32-bit arithmetic
  const v = x % 1000000;
  if (seen.has(v)) repeats++;
  if (seen.has(1000000 - v)) pairs++;
  seen.add(v);
}
console.log(repeats, pairs);
