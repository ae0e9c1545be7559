class Solution:
    def longestColdStretch(self, keys: List[str]) -> int:
        last = {}   # key -> position of its latest request
        left = 0    # the window is keys[left..i], all different
        best = 0
        for i, key in enumerate(keys):
            seen = last.get(key)
            if seen is not None and seen >= left:
                left = seen + 1
            last[key] = i
            best = max(best, i - left + 1)
        return best
