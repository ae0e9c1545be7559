# Prints one random request line: a plausible request, sometimes with one or
# more defects spliced in (bad escapes, control bytes, traversal, empty keys,
# too many parameters, broken spacing...).
# Usage: line.py <seed> <defects> <max parameters>
import json
import random
import sys

seed, defects, max_params = (int(a) for a in sys.argv[1:4])
rng = random.Random(seed)
SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$'()*,;:@"


def escape(b):
    return "%" + rng.choice(["%02X", "%02x"]) % b


def word(allow_plus):
    out = []
    for _ in range(rng.randint(0, 10)):
        r = rng.random()
        if r < 0.7:
            out.append(rng.choice(SAFE))
        elif r < 0.85:
            out.append(escape(rng.randint(32, 126)))
        elif r < 0.95 and allow_plus:
            out.append("+")
        else:
            out.append(rng.choice(["/", "?", ".", ".."]) if not allow_plus else rng.choice(["?", "/", "."]))
    return "".join(out)


segments = [word(False) or "x" for _ in range(rng.randint(0, 5))]
path = "/" + "/".join(segments)
keys = [word(True) or "k" for _ in range(rng.randint(1, 6))]
pieces = []
for _ in range(rng.randint(0, max_params)):
    r = rng.random()
    if r < 0.05:
        pieces.append("")
    elif r < 0.15:
        pieces.append(rng.choice(keys))
    else:
        pieces.append(rng.choice(keys) + "=" + word(True))
method = rng.choice(["GET", "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"])
version = rng.choice(["HTTP/1.1", "HTTP/1.1", "HTTP/1.0"])
target = path + ("?" + "&".join(pieces) if pieces or rng.random() < 0.3 else "")

for _ in range(defects):
    kind = rng.randrange(9)
    at = rng.randint(1, len(target))
    if kind == 0:
        target = target[:at] + rng.choice(["%", "%4", "%G0", "%x1", "%%"]) + target[at:]
    elif kind == 1:
        target = target[:at] + escape(rng.choice([0, 9, 10, 13, 27, 31, 127, 128, 195, 255])) + target[at:]
    elif kind == 2:
        cut = target.find("?")
        cut = len(target) if cut < 0 else cut
        target = target[:cut] + rng.choice(["/..", "/%2e%2e", "/.%2E", "/%2E.", "/..%2f"]) + target[cut:]
    elif kind == 3:
        target += ("&" if "?" in target else "?") + rng.choice(["=v", "=", "&=x&"])
    elif kind == 4:
        target += ("&" if "?" in target else "?") + "&".join(f"p{i}={i}" for i in range(rng.randint(30, 40)))
    elif kind == 5:
        target = target[:at] + rng.choice(["#", "\t", "\u00e9", "\x00", "\x7f"]) + target[at:]
    elif kind == 6:
        method = rng.choice(["get", "CONNECT", "TRACE", "G\u0415T", "POST\r"])
    elif kind == 7:
        version = rng.choice(["HTTP/2", "HTTP/1.1\r", "http/1.1", "HTTP/1.10", "HTTP/1"])
    else:
        spacing = rng.choice(["double", "leading", "trailing", "missing"])
        if spacing == "missing":
            version = ""
        elif spacing == "double":
            method += " "
        elif spacing == "leading":
            method = " " + method
        else:
            version += " "

line = f"{method} {target} {version}" if version else f"{method} {target}"
print(json.dumps({"line": line}))
