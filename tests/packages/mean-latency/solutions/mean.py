class Solution:
    def mean(self, latencies: List[int]) -> float:
        return sum(latencies) / len(latencies)
