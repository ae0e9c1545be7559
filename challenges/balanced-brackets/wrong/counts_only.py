# Keeps one counter per bracket kind instead of a stack: "([)]" never goes
# negative and ends at zero, so it is wrongly accepted.
class Solution:
    def isWellFormed(self, text: str) -> bool:
        opens = {"(": 0, "[": 1, "{": 2}
        closes = {")": 0, "]": 1, "}": 2}
        depth = [0, 0, 0]
        in_string = escaped = False
        for ch in text:
            if in_string:
                if escaped:
                    escaped = False
                elif ch == "\\":
                    escaped = True
                elif ch == '"':
                    in_string = False
            elif ch == '"':
                in_string = True
            elif ch in opens:
                depth[opens[ch]] += 1
            elif ch in closes:
                depth[closes[ch]] -= 1
                if depth[closes[ch]] < 0:
                    return False
        return depth == [0, 0, 0] and not in_string
