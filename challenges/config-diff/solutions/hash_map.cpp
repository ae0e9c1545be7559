class Solution {
public:
    vector<string> diffConfig(unordered_map<string, string>& before, unordered_map<string, string>& after) {
        vector<const string*> names;
        names.reserve(before.size() + after.size());
        for (auto& [name, value] : before) names.push_back(&name);
        for (auto& [name, value] : after)
            if (!before.count(name)) names.push_back(&name);
        sort(names.begin(), names.end(), [](const string* a, const string* b) { return *a < *b; });
        vector<string> lines;
        for (const string* name : names) {
            auto was = before.find(*name);
            auto now = after.find(*name);
            if (was == before.end()) lines.push_back("+" + *name + "=" + now->second);
            else if (now == after.end()) lines.push_back("-" + *name);
            else if (was->second != now->second)
                lines.push_back("~" + *name + ": " + was->second + " -> " + now->second);
        }
        return lines;
    }
};
