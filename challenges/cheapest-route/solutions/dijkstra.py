# Dijkstra's algorithm on (latency, hops) pairs, compared lexicographically:
# both parts only grow along a route, so the greedy order stays correct.
import heapq


def cheapestRoute(n: int, links: List[List[int]], source: int, target: int) -> List[int]:
    out = [[] for _ in range(n)]
    for a, b, w in links:
        out[a].append((b, w))
    INF = (float("inf"), 0)
    best = [INF] * n
    best[source] = (0, 0)
    heap = [(0, 0, source)]
    while heap:
        d, h, u = heapq.heappop(heap)
        if (d, h) != best[u]:
            continue
        if u == target:
            return [d, h]
        for v, w in out[u]:
            cand = (d + w, h + 1)
            if cand < best[v]:
                best[v] = cand
                heapq.heappush(heap, (d + w, h + 1, v))
    return [-1, -1]
