class Solution {
public:
    vector<vector<int>> mergeWindows(vector<vector<int>>& windows) {
        vector<pair<int, int>> sorted;
        sorted.reserve(windows.size());
        for (auto& w : windows) sorted.emplace_back(w[0], w[1]);
        sort(sorted.begin(), sorted.end());
        vector<vector<int>> merged;
        for (auto& [start, end] : sorted) {
            if (!merged.empty() && start <= merged.back()[1])
                merged.back()[1] = max(merged.back()[1], end);
            else
                merged.push_back({start, end});
        }
        return merged;
    }
};
