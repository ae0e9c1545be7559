// Correct but quadratic: scans forward from every request. With flat or
// falling latencies each scan runs to the end, about n^2/2 steps.
class Solution {
public:
    vector<int> waitForSlower(vector<int>& latencies) {
        int n = latencies.size();
        vector<int> answer(n, 0);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (latencies[j] > latencies[i]) { answer[i] = j - i; break; }
        return answer;
    }
};
