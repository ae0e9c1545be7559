# Plain Dijkstra on latency alone: the hop count is whatever the first
# route found with the best latency had, not the fewest among the ties.
import heapq


def cheapestRoute(n: int, links: List[List[int]], source: int, target: int) -> List[int]:
    out = [[] for _ in range(n)]
    for a, b, w in links:
        out[a].append((b, w))
    dist = [None] * n
    hops = [0] * n
    dist[source] = 0
    heap = [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d != dist[u]:
            continue
        if u == target:
            return [d, hops[u]]
        for v, w in out[u]:
            if dist[v] is None or d + w < dist[v]:
                dist[v] = d + w
                hops[v] = hops[u] + 1
                heapq.heappush(heap, (d + w, v))
    return [-1, -1]
