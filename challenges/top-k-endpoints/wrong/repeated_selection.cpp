// Right order, but picks the busiest remaining endpoint k times, scanning
// all d endpoints each time: O(k * d), too slow when k is large.
class Solution {
public:
    vector<string> topEndpoints(vector<string>& requests, int k) {
        unordered_map<string, int> counts;
        for (const string& r : requests) counts[r]++;
        vector<pair<string, int>> items(counts.begin(), counts.end());
        vector<bool> taken(items.size(), false);
        vector<string> answer;
        for (int round = 0; round < k && round < (int)items.size(); round++) {
            int best = -1;
            for (int i = 0; i < (int)items.size(); i++) {
                if (taken[i]) continue;
                if (best < 0 || items[i].second > items[best].second ||
                    (items[i].second == items[best].second && items[i].first < items[best].first))
                    best = i;
            }
            taken[best] = true;
            answer.push_back(items[best].first);
        }
        return answer;
    }
};
