// Merges only bookings that strictly overlap: [0, 30] and [30, 45] stay
// apart although the cluster never comes back at minute 30.
class Solution {
public:
    vector<vector<int>> mergeWindows(vector<vector<int>>& windows) {
        vector<vector<int>> sorted = windows;
        sort(sorted.begin(), sorted.end());
        vector<vector<int>> merged;
        for (auto& w : sorted) {
            if (!merged.empty() && w[0] < merged.back()[1])
                merged.back()[1] = max(merged.back()[1], w[1]);
            else
                merged.push_back(w);
        }
        return merged;
    }
};
