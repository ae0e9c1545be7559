// Right answer, but checks each key against every key applied so far:
// quadratic, so the large streams of distinct keys run out of time.
class Solution {
public:
    vector<string> dedupeEvents(vector<string>& keys, vector<string>& payloads) {
        vector<string> appliedKeys, applied;
        for (size_t i = 0; i < keys.size(); i++) {
            if (!keys[i].empty() && find(appliedKeys.begin(), appliedKeys.end(), keys[i]) != appliedKeys.end())
                continue;
            appliedKeys.push_back(keys[i]);
            applied.push_back(payloads[i]);
        }
        return applied;
    }
};
