// Adds two sizes in 32-bit ints: 1.6e9 + 2e9 wraps to a negative number,
// which then "fits" under any limit.
class Solution {
public:
    long long countFittingPairs(vector<int>& sizes, long long limit) {
        long long count = 0;
        int lo = 0, hi = (int)sizes.size() - 1;
        while (lo < hi) {
            int sum = sizes[lo] + sizes[hi];
            if (sum <= limit) { count += hi - lo; lo++; } else hi--;
        }
        return count;
    }
};
