# Plain edit distance: forgets the swap, so a transposed pair costs 2
# (two replacements) instead of 1.
class Solution:
    def typoDistance(self, current: str, target: str) -> int:
        m = len(target)
        prev = list(range(m + 1))
        for i in range(1, len(current) + 1):
            row = [i] + [0] * m
            for j in range(1, m + 1):
                row[j] = min(prev[j - 1] + (current[i - 1] != target[j - 1]), prev[j] + 1, row[j - 1] + 1)
            prev = row
        return prev[m]
