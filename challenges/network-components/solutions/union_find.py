class Solution:
    def clustersAfterEachLink(self, n: int, links: List[List[int]]) -> List[int]:
        parent = list(range(n))
        size = [1] * n

        def find(x):
            root = x
            while parent[root] != root:
                root = parent[root]
            while parent[x] != root:  # path compression, without recursion
                parent[x], x = root, parent[x]
            return root

        clusters = n
        counts = []
        for a, b in links:
            ra, rb = find(a), find(b)
            if ra != rb:
                if size[ra] < size[rb]:
                    ra, rb = rb, ra
                parent[rb] = ra  # union by size: the smaller tree goes under
                size[ra] += size[rb]
                clusters -= 1
            counts.append(clusters)
        return counts
