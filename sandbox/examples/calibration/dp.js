const n = parseInt(require("fs").readFileSync(0, "utf8"));
let x = 42;
function text() {
  let out = "";
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff; // exact mod 2^31 in 32-bit arithmetic
    out += "abcd"[Math.floor(x / 65536) % 4];
  }
  return out;
}
const a = text(), b = text();
let previous = new Array(n + 1).fill(0);
for (let i = 1; i <= n; i++) {
  const current = new Array(n + 1).fill(0);
  const ai = a[i - 1];
  for (let j = 1; j <= n; j++) {
    current[j] = ai === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
  }
  previous = current;
}
console.log(previous[n]);
