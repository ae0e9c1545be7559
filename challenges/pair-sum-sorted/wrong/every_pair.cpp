// Correct but quadratic: when most pairs fit it checks about n^2/2 of them
// and must run out of time on the large tests.
class Solution {
public:
    long long countFittingPairs(vector<int>& sizes, long long limit) {
        long long count = 0;
        int n = sizes.size();
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                if ((long long)sizes[i] + sizes[j] > limit) break;  // sorted: the rest are bigger
                count++;
            }
        return count;
    }
};
