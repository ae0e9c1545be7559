# Returns bisect_left's raw result: when no build reaches the threshold it
# answers len(p99_ms) instead of -1.
class Solution:
    def firstSlowBuilds(self, p99_ms: List[int], thresholds: List[int]) -> List[int]:
        return [bisect_left(p99_ms, t) for t in thresholds]
