# Looks for ".." segments in the raw path, before decoding, so an encoded
# traversal such as /%2e%2e/ gets through.
METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"}
HEX = set("0123456789abcdefABCDEF")


def decode(text, plus_is_space):
    out, i = [], 0
    while i < len(text):
        if text[i] == "%":
            out.append(chr(int(text[i + 1:i + 3], 16)))
            i += 3
        else:
            out.append(" " if text[i] == "+" and plus_is_space else text[i])
            i += 1
    return "".join(out)


def parseRequestLine(line: str) -> List[List[str]]:
    parts = line.split(" ")
    if len(parts) != 3 or "" in parts:
        return [["error", "malformed"]]
    method, target, version = parts
    if method not in METHODS:
        return [["error", "bad_method"]]
    if version not in ("HTTP/1.0", "HTTP/1.1"):
        return [["error", "bad_version"]]
    if not target.startswith("/") or "#" in target or any(not 33 <= ord(c) <= 126 for c in target):
        return [["error", "bad_target"]]
    escapes = []
    for i, c in enumerate(target):
        if c == "%":
            if i + 2 >= len(target) or target[i + 1] not in HEX or target[i + 2] not in HEX:
                return [["error", "bad_escape"]]
            escapes.append(int(target[i + 1:i + 3], 16))
    if any(b < 32 or b > 126 for b in escapes):
        return [["error", "forbidden_byte"]]
    raw_path, _, query = target.partition("?")
    if ".." in raw_path.split("/"):
        return [["error", "path_traversal"]]
    path = decode(raw_path, False)
    params = []
    for piece in query.split("&"):
        if piece:
            key, _, value = piece.partition("=")
            params.append((decode(key, True), decode(value, True)))
    if any(k == "" for k, _ in params):
        return [["error", "empty_key"]]
    if len(params) > 32:
        return [["error", "too_many_params"]]
    result, rows = [[method, path, version]], {}
    for k, v in params:
        if k not in rows:
            rows[k] = len(result)
            result.append([k])
        result[rows[k]].append(v)
    return result
