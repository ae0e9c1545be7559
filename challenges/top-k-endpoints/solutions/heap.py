class Solution:
    def topEndpoints(self, requests: List[str], k: int) -> List[str]:
        counts = Counter(requests)
        # The k smallest by (-count, name): busiest first, ties by name.
        # nsmallest keeps a heap of k entries: O(d log k) for d endpoints.
        best = heapq.nsmallest(k, counts.items(), key=lambda item: (-item[1], item[0]))
        return [name for name, _ in best]
