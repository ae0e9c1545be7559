class Solution {
public:
    vector<string> dedupeEvents(vector<string>& keys, vector<string>& payloads) {
        unordered_set<string> seen;
        seen.reserve(keys.size() * 2);
        vector<string> applied;
        for (size_t i = 0; i < keys.size(); i++) {
            // insert(...).second is false when the key was already there.
            if (!keys[i].empty() && !seen.insert(keys[i]).second) continue;
            applied.push_back(payloads[i]);
        }
        return applied;
    }
};
