class Solution:
    def mergeWindows(self, windows: List[List[int]]) -> List[List[int]]:
        merged = []
        for start, end in sorted(windows):
            if merged and start <= merged[-1][1]:
                # Overlaps or touches the last window: extend it (it may
                # already reach further, when this booking is nested).
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return merged
