// The recurrence without memoisation: every position pair is recomputed
// along exponentially many paths. Right answers, far too slow once the
// strings differ in more than a few places.
class Solution {
    string a, b;
    int solve(int i, int j) {  // cheapest for a[i:] -> b[j:]
        if (i == (int)a.size()) return b.size() - j;
        if (j == (int)b.size()) return a.size() - i;
        if (a[i] == b[j]) return solve(i + 1, j + 1);
        int best = 1 + min({solve(i + 1, j + 1), solve(i + 1, j), solve(i, j + 1)});
        if (i + 1 < (int)a.size() && j + 1 < (int)b.size() && a[i] == b[j + 1] && a[i + 1] == b[j])
            best = min(best, 1 + solve(i + 2, j + 2));
        return best;
    }
public:
    int typoDistance(string current, string target) {
        a = current;
        b = target;
        return solve(0, 0);
    }
};
