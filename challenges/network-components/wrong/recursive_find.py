# Path compression with a recursive find, but no union by size: the first
# lookups at the bottom of a long chain recurse once per server on it and
# exceed Python's recursion limit.
class Solution:
    def clustersAfterEachLink(self, n: int, links: List[List[int]]) -> List[int]:
        parent = list(range(n))

        def find(x):
            if parent[x] != x:
                parent[x] = find(parent[x])
            return parent[x]

        clusters = n
        counts = []
        for a, b in links:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
                clusters -= 1
            counts.append(clusters)
        return counts
