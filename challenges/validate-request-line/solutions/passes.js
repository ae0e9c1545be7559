// One pass per check, in the statement's order; the first failure wins.
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);
const isHex = (c) => /^[0-9a-fA-F]$/.test(c);

// Every '%' is known to start a valid escape by the time we decode.
function decode(text, plusIsSpace) {
    let out = "";
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === "%") {
            out += String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16));
            i += 2;
        } else {
            out += c === "+" && plusIsSpace ? " " : c;
        }
    }
    return out;
}

var parseRequestLine = function(line) {
    const error = (code) => [["error", code]];
    const parts = line.split(" ");
    if (parts.length !== 3 || parts.some((p) => p === "")) return error("malformed");
    const [method, target, version] = parts;
    if (!METHODS.has(method)) return error("bad_method");
    if (version !== "HTTP/1.0" && version !== "HTTP/1.1") return error("bad_version");
    if (target[0] !== "/") return error("bad_target");
    for (let i = 0; i < target.length; i++) {
        const code = target.charCodeAt(i);
        if (code < 33 || code > 126 || target[i] === "#") return error("bad_target");
    }
    const escapes = [];
    for (let i = 0; i < target.length; i++) {
        if (target[i] !== "%") continue;
        if (i + 2 >= target.length || !isHex(target[i + 1]) || !isHex(target[i + 2])) return error("bad_escape");
        escapes.push(parseInt(target.slice(i + 1, i + 3), 16));
    }
    if (escapes.some((b) => b < 32 || b > 126)) return error("forbidden_byte");
    const q = target.indexOf("?");
    const path = decode(q < 0 ? target : target.slice(0, q), false);
    const query = q < 0 ? "" : target.slice(q + 1);
    if (path.split("/").includes("..")) return error("path_traversal");
    const params = [];
    for (const piece of query.split("&")) {
        if (piece === "") continue;
        const eq = piece.indexOf("=");
        const key = eq < 0 ? piece : piece.slice(0, eq);
        const value = eq < 0 ? "" : piece.slice(eq + 1);
        params.push([decode(key, true), decode(value, true)]);
    }
    if (params.some(([key]) => key === "")) return error("empty_key");
    if (params.length > 32) return error("too_many_params");
    const result = [[method, path, version]];
    const rowOf = new Map();
    for (const [key, value] of params) {
        if (!rowOf.has(key)) {
            rowOf.set(key, result.length);
            result.push([key]);
        }
        result[rowOf.get(key)].push(value);
    }
    return result;
};
