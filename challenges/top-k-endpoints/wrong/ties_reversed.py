# nlargest on (count, name) ranks the *larger* name first among ties.
class Solution:
    def topEndpoints(self, requests: List[str], k: int) -> List[str]:
        counts = Counter(requests)
        best = heapq.nlargest(k, counts.items(), key=lambda item: (item[1], item[0]))
        return [name for name, _ in best]
