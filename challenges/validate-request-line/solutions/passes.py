# Each check is one pass over the line, in the order the statement gives,
# so the first check that fails decides the error code.
METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"}
VERSIONS = {"HTTP/1.0", "HTTP/1.1"}
HEX = set("0123456789abcdefABCDEF")


def decode(text, plus_is_space):
    # The target has passed the escape checks, so every '%' starts a valid escape.
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "%":
            out.append(chr(int(text[i + 1:i + 3], 16)))
            i += 3
        else:
            out.append(" " if c == "+" and plus_is_space else c)
            i += 1
    return "".join(out)


def parseRequestLine(line: str) -> List[List[str]]:
    def error(code):
        return [["error", code]]

    parts = line.split(" ")
    if len(parts) != 3 or "" in parts:
        return error("malformed")
    method, target, version = parts
    if method not in METHODS:
        return error("bad_method")
    if version not in VERSIONS:
        return error("bad_version")
    if not target.startswith("/") or "#" in target or any(not 33 <= ord(c) <= 126 for c in target):
        return error("bad_target")
    escapes = []
    for i, c in enumerate(target):
        if c == "%":
            if i + 2 >= len(target) or target[i + 1] not in HEX or target[i + 2] not in HEX:
                return error("bad_escape")
            escapes.append(int(target[i + 1:i + 3], 16))
    if any(b < 32 or b > 126 for b in escapes):
        return error("forbidden_byte")
    path, _, query = target.partition("?")
    path = decode(path, False)
    if ".." in path.split("/"):
        return error("path_traversal")
    params = []
    for piece in query.split("&"):
        if piece:
            key, _, value = piece.partition("=")
            params.append((decode(key, True), decode(value, True)))
    if any(key == "" for key, _ in params):
        return error("empty_key")
    if len(params) > 32:
        return error("too_many_params")
    result = [[method, path, version]]
    row_of = {}
    for key, value in params:
        if key not in row_of:
            row_of[key] = len(result)
            result.append([key])
        result[row_of[key]].append(value)
    return result
