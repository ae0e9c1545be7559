# dist[i][j] = cheapest script turning current[:i] into target[:j]. The
# last step of such a script is a keep/replace, a delete, an insert, or a
# swap of current[i-2:i] into target[j-2:j], so
#   dist[i][j] = min(dist[i-1][j-1] + (0 if same else 1),
#                    dist[i-1][j] + 1, dist[i][j-1] + 1,
#                    dist[i-2][j-2] + 1 when current[i-2:i] reversed == target[j-2:j]).
# Only three rows are alive at a time.
class Solution:
    def typoDistance(self, current: str, target: str) -> int:
        m = len(target)
        older, prev = None, list(range(m + 1))
        for i in range(1, len(current) + 1):
            a = current[i - 1]
            a_before = current[i - 2] if i >= 2 else None
            row = [i] + [0] * m
            for j in range(1, m + 1):
                b = target[j - 1]
                best = prev[j - 1] + (a != b)
                if prev[j] + 1 < best:
                    best = prev[j] + 1
                if row[j - 1] + 1 < best:
                    best = row[j - 1] + 1
                if j >= 2 and a_before is not None and a == target[j - 2] and a_before == b and a != b:
                    if older[j - 2] + 1 < best:
                        best = older[j - 2] + 1
                row[j] = best
            older, prev = prev, row
        return prev[m]
