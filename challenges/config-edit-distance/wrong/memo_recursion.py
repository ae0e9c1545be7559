# Memoised top-down recursion: fast enough, but it recurses once per
# character, and long values exceed Python's recursion limit.
class Solution:
    def typoDistance(self, current: str, target: str) -> int:
        @lru_cache(maxsize=None)
        def solve(i, j):
            if i == len(current):
                return len(target) - j
            if j == len(target):
                return len(current) - i
            if current[i] == target[j]:
                return solve(i + 1, j + 1)
            best = 1 + min(solve(i + 1, j + 1), solve(i + 1, j), solve(i, j + 1))
            if current[i:i + 2] == target[j:j + 2][::-1] and i + 1 < len(current) and j + 1 < len(target):
                best = min(best, 1 + solve(i + 2, j + 2))
            return best

        return solve(0, 0)
