class Solution {
public:
    int fewestBatches(vector<int>& batch_sizes, int total) {
        const int unreachable = INT_MAX / 2;
        vector<int> best(total + 1, unreachable);  // best[t]: fewest batches for t
        best[0] = 0;
        for (int size : batch_sizes)                // each size, reused freely
            for (int t = size; t <= total; t++)
                best[t] = min(best[t], best[t - size] + 1);
        return best[total] >= unreachable ? -1 : best[total];
    }
};
