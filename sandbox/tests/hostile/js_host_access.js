// expect: ok
// stdout: blocked blocked blocked blocked 0
// why: No file, process, network or environment is reachable from JavaScript.

const attempts = [
  () => require("fs").readFileSync("/etc/passwd", "utf8"),
  () => require("child_process").execSync("cat /etc/passwd"),
  () => fetch("http://127.0.0.1/"),
  () => new Worker("data:,"),
];
const results = attempts.map((attempt) => {
  try { return String(attempt()).slice(0, 40); } catch (e) { return "blocked"; }
});
console.log(results.join(" "), Object.keys(process.env).length);
