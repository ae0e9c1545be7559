# Correct rules, but a recursive parser: one Python call per nesting level
# fails on the deeply nested hidden tests (recursion limit).
class Solution:
    def isWellFormed(self, text: str) -> bool:
        closer = {"(": ")", "[": "]", "{": "}"}
        n = len(text)

        def parse(i, want):
            # Reads from i until the closer `want` (None: the end of text).
            # Returns the position after it, or -1 on an error.
            while i < n:
                ch = text[i]
                if ch == '"':
                    i += 1
                    while i < n and text[i] != '"':
                        i += 2 if text[i] == "\\" else 1
                    if i >= n:
                        return -1
                    i += 1
                elif ch in closer:
                    i = parse(i + 1, closer[ch])
                    if i < 0:
                        return -1
                elif ch in ")]}":
                    return i + 1 if ch == want else -1
                else:
                    i += 1
            return i if want is None else -1

        return parse(0, None) == n
