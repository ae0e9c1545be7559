// Right answers, but every query scans all registered names: O(names) per
// call, far too slow for 100,000 calls.
class Autocomplete {
    unordered_set<string> known;
    vector<string> names;

public:
    Autocomplete() {}

    void insert(string word) {
        if (known.insert(word).second) names.push_back(word);
    }

    int countPrefix(string prefix) {
        int n = 0;
        for (auto& w : names)
            if (w.compare(0, prefix.size(), prefix) == 0) n++;
        return n;
    }

    vector<string> top(string prefix) {
        vector<string> best;
        for (auto& w : names) {
            if (w.compare(0, prefix.size(), prefix) != 0) continue;
            best.push_back(w);
            sort(best.begin(), best.end());
            if (best.size() > 3) best.pop_back();
        }
        return best;
    }
};
