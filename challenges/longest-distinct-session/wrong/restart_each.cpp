// Correct but restarts from every position: when the answer is long (all
// keys different) that is about n^2/2 set operations, far too slow.
class Solution {
public:
    int longestColdStretch(vector<string>& keys) {
        int n = keys.size(), best = 0;
        for (int start = 0; start < n; start++) {
            unordered_set<string> seen;
            int end = start;
            while (end < n && seen.insert(keys[end]).second) end++;
            best = max(best, end - start);
        }
        return best;
    }
};
