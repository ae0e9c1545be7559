// Node-flavoured globals for programs run by the sandbox's QuickJS guest.
// `__write(fd, text)` and `__readAll()` are provided by the host (main.rs).
(function (global) {
  "use strict";
  const write = global.__write;
  const readAll = global.__readAll;
  delete global.__write;
  delete global.__readAll;

  function inspect(value, depth, seen) {
    if (typeof value === "string") return depth === 0 ? value : "'" + value.replace(/'/g, "\\'") + "'";
    if (typeof value === "bigint") return value + "n";
    if (typeof value === "function") return "[Function: " + (value.name || "(anonymous)") + "]";
    if (typeof value === "symbol" || typeof value !== "object" || value === null) return String(value);
    if (seen.indexOf(value) !== -1) return "[Circular]";
    if (depth > 4) return Array.isArray(value) ? "[Array]" : "[Object]";
    seen = seen.concat([value]);
    if (value instanceof Error) return value.stack ? value.name + ": " + value.message + "\n" + value.stack : String(value);
    if (Array.isArray(value)) {
      if (value.length === 0) return "[]";
      return "[ " + value.map((v) => inspect(v, depth + 1, seen)).join(", ") + " ]";
    }
    if (value instanceof Map) {
      const parts = [];
      value.forEach((v, k) => parts.push(inspect(k, depth + 1, seen) + " => " + inspect(v, depth + 1, seen)));
      return "Map(" + value.size + ") {" + (parts.length ? " " + parts.join(", ") + " " : "") + "}";
    }
    if (value instanceof Set) {
      const parts = [];
      value.forEach((v) => parts.push(inspect(v, depth + 1, seen)));
      return "Set(" + value.size + ") {" + (parts.length ? " " + parts.join(", ") + " " : "") + "}";
    }
    const keys = Object.keys(value);
    if (keys.length === 0) return "{}";
    const key = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : "'" + k + "'");
    return "{ " + keys.map((k) => key(k) + ": " + inspect(value[k], depth + 1, seen)).join(", ") + " }";
  }

  const format = (args) => args.map((a) => inspect(a, 0, [])).join(" ") + "\n";
  global.console = {
    log: (...args) => write(1, format(args)),
    info: (...args) => write(1, format(args)),
    debug: (...args) => write(1, format(args)),
    error: (...args) => write(2, format(args)),
    warn: (...args) => write(2, format(args)),
  };
  global.print = global.console.log;

  // Standard input, read once, then handed out whole or line by line.
  let input = null;
  let position = 0;
  const stdin = () => (input === null ? (input = readAll()) : input);
  global.readline = function () {
    const text = stdin();
    if (position >= text.length) return null;
    let end = text.indexOf("\n", position);
    if (end === -1) end = text.length;
    const line = text.slice(position, end).replace(/\r$/, "");
    position = end + 1;
    return line;
  };
  // The usual ways of reading all of stdin in Node programs.
  const fs = {
    readFileSync: function (file, options) {
      if (file === 0 || file === "/dev/stdin") return stdin();
      throw new Error("ENOENT: no such file or directory, open '" + file + "'");
    },
  };
  global.require = function (name) {
    if (name === "fs" || name === "node:fs") return fs;
    throw new Error("Cannot find module '" + name + "'");
  };
  global.process = {
    argv: ["node", "main.js"],
    env: {},
    stdout: { write: (s) => { write(1, String(s)); return true; } },
    stderr: { write: (s) => { write(2, String(s)); return true; } },
    exit: (code) => { throw { __rehearseExit: code === undefined ? 0 : code }; },
  };
})(globalThis);
