// Correct but quadratic: joins every pair of overlapping bookings with a
// union-find, testing all n^2/2 pairs. Far too slow for 100,000 bookings.
class Solution {
    vector<int> parent;
    int find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
public:
    vector<vector<int>> mergeWindows(vector<vector<int>>& windows) {
        int n = windows.size();
        parent.resize(n);
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (windows[i][0] <= windows[j][1] && windows[j][0] <= windows[i][1])
                    parent[find(i)] = find(j);
        map<int, pair<int, int>> groups;  // root -> covering window
        for (int i = 0; i < n; i++) {
            int r = find(i);
            auto it = groups.find(r);
            if (it == groups.end()) groups[r] = {windows[i][0], windows[i][1]};
            else it->second = {min(it->second.first, windows[i][0]), max(it->second.second, windows[i][1])};
        }
        vector<vector<int>> merged;
        for (auto& [r, w] : groups) merged.push_back({w.first, w.second});
        sort(merged.begin(), merged.end());
        return merged;
    }
};
