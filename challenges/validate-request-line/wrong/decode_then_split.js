// Decodes the whole target first and splits afterwards: an escaped '&', '='
// or '?' then acts as a separator, and '+' becomes a space in the path too.
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

var parseRequestLine = function(line) {
    const parts = line.split(" ");
    if (parts.length !== 3 || parts.some((p) => p === "")) return [["error", "malformed"]];
    const [method, target, version] = parts;
    if (!METHODS.has(method)) return [["error", "bad_method"]];
    if (version !== "HTTP/1.0" && version !== "HTTP/1.1") return [["error", "bad_version"]];
    for (let i = 0; i < target.length; i++) {
        const code = target.charCodeAt(i);
        if (target[0] !== "/" || code < 33 || code > 126 || target[i] === "#") return [["error", "bad_target"]];
    }
    let decoded = "";
    for (let i = 0; i < target.length; i++) {
        if (target[i] === "%") {
            const hex = target.slice(i + 1, i + 3);
            if (!/^[0-9a-fA-F]{2}$/.test(hex)) return [["error", "bad_escape"]];
            const b = parseInt(hex, 16);
            if (b < 32 || b > 126) return [["error", "forbidden_byte"]];
            decoded += String.fromCharCode(b);
            i += 2;
        } else {
            decoded += target[i] === "+" ? " " : target[i];
        }
    }
    const q = decoded.indexOf("?");
    const path = q < 0 ? decoded : decoded.slice(0, q);
    if (path.split("/").includes("..")) return [["error", "path_traversal"]];
    const pieces = (q < 0 ? "" : decoded.slice(q + 1)).split("&").filter((p) => p !== "");
    const params = pieces.map((p) => {
        const eq = p.indexOf("=");
        return eq < 0 ? [p, ""] : [p.slice(0, eq), p.slice(eq + 1)];
    });
    if (params.some(([k]) => k === "")) return [["error", "empty_key"]];
    if (params.length > 32) return [["error", "too_many_params"]];
    const result = [[method, path, version]];
    const rows = new Map();
    for (const [k, v] of params) {
        if (!rows.has(k)) { rows.set(k, result.length); result.push([k]); }
        result[rows.get(k)].push(v);
    }
    return result;
};
