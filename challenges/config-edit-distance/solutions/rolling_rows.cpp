// dist[i][j]: cheapest script turning the first i characters of current
// into the first j of target. Three rolling rows: O(n * m) time, O(m) memory.
class Solution {
public:
    int typoDistance(string current, string target) {
        int n = current.size(), m = target.size();
        vector<int> older(m + 1), prev(m + 1), row(m + 1);
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            row[0] = i;
            char a = current[i - 1];
            for (int j = 1; j <= m; j++) {
                char b = target[j - 1];
                int best = prev[j - 1] + (a != b);
                best = min(best, prev[j] + 1);
                best = min(best, row[j - 1] + 1);
                if (i >= 2 && j >= 2 && a == target[j - 2] && current[i - 2] == b)
                    best = min(best, older[j - 2] + 1);
                row[j] = best;
            }
            swap(older, prev);
            swap(prev, row);
        }
        return prev[m];
    }
};
