const n = parseInt(require("fs").readFileSync(0, "utf8"));
let x = 42;
const values = new Array(n);
for (let i = 0; i < n; i++) {
  x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff; // exact mod 2^31 in 32-bit arithmetic
  values[i] = x;
}
values.sort((a, b) => a - b);
let checksum = 0;
for (let i = 0; i < n; i++) checksum = (checksum + values[i] * (i % 7)) % 1000000007;
console.log(checksum);
