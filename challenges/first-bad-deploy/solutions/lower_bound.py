class Solution:
    def firstSlowBuilds(self, p99_ms: List[int], thresholds: List[int]) -> List[int]:
        n = len(p99_ms)
        answers = []
        for t in thresholds:
            lo, hi = 0, n  # the first build with p99 >= t lies in [lo, hi]
            while lo < hi:
                mid = (lo + hi) // 2
                if p99_ms[mid] >= t:
                    hi = mid
                else:
                    lo = mid + 1
            answers.append(lo if lo < n else -1)
        return answers
