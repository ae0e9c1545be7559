class Solution {
public:
    vector<int> firstSlowBuilds(vector<int>& p99_ms, vector<int>& thresholds) {
        vector<int> answers;
        answers.reserve(thresholds.size());
        for (int t : thresholds) {
            auto it = lower_bound(p99_ms.begin(), p99_ms.end(), t);
            answers.push_back(it == p99_ms.end() ? -1 : (int)(it - p99_ms.begin()));
        }
        return answers;
    }
};
