// Matches names case-insensitively, so "Timeout" -> "timeout" with the same
// value looks unchanged instead of one removal and one addition.
class Solution {
public:
    vector<string> diffConfig(unordered_map<string, string>& before, unordered_map<string, string>& after) {
        auto lower = [](string s) { for (char& c : s) c = tolower(c); return s; };
        map<string, pair<string, string>> was, now;  // lower-case name -> (name, value)
        for (auto& [name, value] : before) was[lower(name)] = {name, value};
        for (auto& [name, value] : after) now[lower(name)] = {name, value};
        set<string> keys;
        for (auto& [k, v] : was) keys.insert(k);
        for (auto& [k, v] : now) keys.insert(k);
        vector<pair<string, string>> out;  // (sort key, line)
        for (const string& k : keys) {
            auto a = was.find(k), b = now.find(k);
            if (a == was.end()) out.push_back({b->second.first, "+" + b->second.first + "=" + b->second.second});
            else if (b == now.end()) out.push_back({a->second.first, "-" + a->second.first});
            else if (a->second.second != b->second.second)
                out.push_back({b->second.first, "~" + b->second.first + ": " + a->second.second + " -> " + b->second.second});
        }
        sort(out.begin(), out.end());
        vector<string> lines;
        for (auto& [key, line] : out) lines.push_back(line);
        return lines;
    }
};
