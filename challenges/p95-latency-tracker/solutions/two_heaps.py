# Two heaps split the samples at the p95 rank: `low` (a max-heap, stored
# negated) holds the r smallest samples, `high` (a min-heap) the rest. The
# answer is the top of `low`; each record moves at most one sample across.
import heapq


class LatencyTracker:

    def __init__(self):
        self.low = []
        self.high = []
        self.n = 0

    def record(self, ms: int) -> None:
        self.n += 1
        if self.low and ms <= -self.low[0]:
            heapq.heappush(self.low, -ms)
        else:
            heapq.heappush(self.high, ms)
        rank = (95 * self.n + 99) // 100
        while len(self.low) > rank:
            heapq.heappush(self.high, -heapq.heappop(self.low))
        while len(self.low) < rank:
            heapq.heappush(self.low, -heapq.heappop(self.high))

    def p95(self) -> int:
        return -self.low[0] if self.low else -1
