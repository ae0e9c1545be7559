class Solution {
public:
    vector<int> waitForSlower(vector<int>& latencies) {
        int n = latencies.size();
        vector<int> answer(n, 0), waiting;
        waiting.reserve(n);
        for (int i = 0; i < n; i++) {
            while (!waiting.empty() && latencies[waiting.back()] < latencies[i]) {
                answer[waiting.back()] = i - waiting.back();
                waiting.pop_back();
            }
            waiting.push_back(i);
        }
        return answer;
    }
};
