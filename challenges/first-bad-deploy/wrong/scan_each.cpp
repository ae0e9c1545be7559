// Correct but scans the history from build 0 for every threshold:
// 100,000 x 100,000 steps must run out of time on the large tests.
class Solution {
public:
    vector<int> firstSlowBuilds(vector<int>& p99_ms, vector<int>& thresholds) {
        vector<int> answers;
        for (int t : thresholds) {
            int found = -1;
            for (int b = 0; b < (int)p99_ms.size(); b++)
                if (p99_ms[b] >= t) { found = b; break; }
            answers.push_back(found);
        }
        return answers;
    }
};
