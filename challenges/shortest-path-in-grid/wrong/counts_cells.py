# Off by one: counts the cells on the path (the entrance included) instead
# of the steps between them.
class Solution:
    def fewestSteps(self, floor: List[str]) -> int:
        rows, cols = len(floor), len(floor[0])
        start = next((r, row.index("S")) for r, row in enumerate(floor) if "S" in row)
        seen = {start}
        queue = deque([(start, 1)])
        while queue:
            (r, c), cells = queue.popleft()
            if floor[r][c] == "T":
                return cells
            for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if 0 <= nr < rows and 0 <= nc < cols and floor[nr][nc] != "#" and (nr, nc) not in seen:
                    seen.add((nr, nc))
                    queue.append(((nr, nc), cells + 1))
        return -1
