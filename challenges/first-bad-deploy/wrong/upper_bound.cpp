// Looks for the first build strictly above the threshold (upper_bound):
// a build that lands exactly on the threshold is skipped.
class Solution {
public:
    vector<int> firstSlowBuilds(vector<int>& p99_ms, vector<int>& thresholds) {
        vector<int> answers;
        for (int t : thresholds) {
            auto it = upper_bound(p99_ms.begin(), p99_ms.end(), t);
            answers.push_back(it == p99_ms.end() ? -1 : (int)(it - p99_ms.begin()));
        }
        return answers;
    }
};
