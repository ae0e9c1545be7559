// Correct but quadratic: counts every entry's occurrences over the whole
// log; must run out of time on the large tests.
class Solution {
public:
    int flagLeftOn(vector<int>& toggles) {
        int n = toggles.size();
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < n; j++) count += toggles[j] == toggles[i];
            if (count % 2 == 1) return toggles[i];
        }
        return 0;
    }
};
