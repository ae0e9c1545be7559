class Solution {
public:
    long long countFittingPairs(vector<int>& sizes, long long limit) {
        long long count = 0;
        int lo = 0, hi = (int)sizes.size() - 1;
        while (lo < hi) {
            if ((long long)sizes[lo] + sizes[hi] <= limit) {
                count += hi - lo;
                lo++;
            } else {
                hi--;
            }
        }
        return count;
    }
};
