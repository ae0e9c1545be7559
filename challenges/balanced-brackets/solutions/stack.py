class Solution:
    def isWellFormed(self, text: str) -> bool:
        closer = {"(": ")", "[": "]", "{": "}"}
        stack = []
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
            elif ch in closer:
                stack.append(closer[ch])
            elif ch in ")]}":
                if not stack or stack.pop() != ch:
                    return False
        return not stack and not in_string
