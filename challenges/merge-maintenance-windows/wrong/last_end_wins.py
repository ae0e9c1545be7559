# Sets the merged window's end to the end of the booking just absorbed
# instead of the larger of the two: a booking nested inside a longer one
# cuts the window short.
class Solution:
    def mergeWindows(self, windows: List[List[int]]) -> List[List[int]]:
        merged = []
        for start, end in sorted(windows):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = end
            else:
                merged.append([start, end])
        return merged
