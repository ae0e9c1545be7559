// Right answers, but every lookup scans all virtual nodes for the first one
// at or after the key: O(nodes x replicas) per lookup, too slow for 10^5
// lookups on a ring of 20,000 virtual nodes.
class ConsistentHashRing {
    int replicas;
    set<string> nodes;
    vector<pair<uint32_t, string>> vnodes;  // unsorted

    static uint32_t fnv1a(const string& s) {
        uint32_t h = 2166136261u;
        for (unsigned char c : s) { h ^= c; h *= 16777619u; }
        return h;
    }

public:
    ConsistentHashRing(int replicas) : replicas(replicas) {}

    void addNode(string name) {
        if (!nodes.insert(name).second) return;
        for (int i = 0; i < replicas; i++) vnodes.push_back({fnv1a(name + "#" + to_string(i)), name});
    }

    void removeNode(string name) {
        if (!nodes.erase(name)) return;
        vector<pair<uint32_t, string>> kept;
        for (auto& v : vnodes) if (v.second != name) kept.push_back(v);
        vnodes.swap(kept);
    }

    string lookup(string key) {
        if (vnodes.empty()) return "";
        uint32_t h = fnv1a(key);
        const pair<uint32_t, string>* best = nullptr;
        const pair<uint32_t, string>* first = &vnodes[0];
        for (auto& v : vnodes) {
            if (v < *first) first = &v;
            if (v.first >= h && (!best || v < *best)) best = &v;
        }
        return best ? best->second : first->second;
    }
};
