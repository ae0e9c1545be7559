class Solution {
public:
    int longestColdStretch(vector<string>& keys) {
        unordered_map<string, int> last;
        last.reserve(keys.size() * 2 + 1);
        int left = 0, best = 0;
        for (int i = 0; i < (int)keys.size(); i++) {
            auto it = last.find(keys[i]);
            if (it != last.end()) {
                if (it->second >= left) left = it->second + 1;
                it->second = i;
            } else {
                last.emplace(keys[i], i);
            }
            best = max(best, i - left + 1);
        }
        return best;
    }
};
