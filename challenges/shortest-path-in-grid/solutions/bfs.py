class Solution:
    def fewestSteps(self, floor: List[str]) -> int:
        rows, cols = len(floor), len(floor[0])
        # Flatten to cell ids r * cols + c; -1 marks "not reached yet".
        dist = [-1] * (rows * cols)
        blocked = [ch == "#" for row in floor for ch in row]
        start = target = 0
        for r, row in enumerate(floor):
            if "S" in row:
                start = r * cols + row.index("S")
            if "T" in row:
                target = r * cols + row.index("T")
        dist[start] = 0
        queue = deque([start])
        while queue:
            cell = queue.popleft()
            if cell == target:
                return dist[cell]
            r, c = divmod(cell, cols)
            step = dist[cell] + 1
            for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if 0 <= nr < rows and 0 <= nc < cols:
                    nxt = nr * cols + nc
                    if dist[nxt] < 0 and not blocked[nxt]:
                        dist[nxt] = step
                        queue.append(nxt)
        return -1
