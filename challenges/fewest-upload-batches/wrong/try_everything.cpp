// Correct but exponential: tries every size at every step without
// remembering results. Even a total of a few hundred takes forever.
class Solution {
    int go(const vector<int>& sizes, int left) {
        if (left == 0) return 0;
        int best = -1;
        for (int size : sizes) {
            if (size > left) continue;
            int sub = go(sizes, left - size);
            if (sub >= 0 && (best < 0 || sub + 1 < best)) best = sub + 1;
        }
        return best;
    }
public:
    int fewestBatches(vector<int>& batch_sizes, int total) {
        return go(batch_sizes, total);
    }
};
