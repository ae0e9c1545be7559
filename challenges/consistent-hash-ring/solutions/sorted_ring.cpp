// The ring is a sorted vector of virtual nodes; a lookup is one binary
// search, a membership change is an O(ring) merge or filter.
class ConsistentHashRing {
    struct VNode {
        uint32_t pos;
        int node;  // index into names
    };
    int replicas;
    vector<string> names;
    unordered_map<string, int> ids;
    unordered_set<int> present;
    vector<VNode> ring;

    static uint32_t fnv1a(const string& s) {
        uint32_t h = 2166136261u;
        for (unsigned char c : s) { h ^= c; h *= 16777619u; }
        return h;
    }

    bool before(const VNode& a, const VNode& b) const {
        if (a.pos != b.pos) return a.pos < b.pos;
        return names[a.node] < names[b.node];
    }

public:
    ConsistentHashRing(int replicas) : replicas(replicas) {}

    void addNode(string name) {
        auto it = ids.find(name);
        int id;
        if (it == ids.end()) {
            id = (int)names.size();
            names.push_back(name);
            ids[name] = id;
        } else {
            id = it->second;
        }
        if (!present.insert(id).second) return;
        auto cmp = [this](const VNode& a, const VNode& b) { return before(a, b); };
        size_t mid = ring.size();
        for (int i = 0; i < replicas; i++) ring.push_back({fnv1a(name + "#" + to_string(i)), id});
        sort(ring.begin() + mid, ring.end(), cmp);
        inplace_merge(ring.begin(), ring.begin() + mid, ring.end(), cmp);
    }

    void removeNode(string name) {
        auto it = ids.find(name);
        if (it == ids.end() || !present.erase(it->second)) return;
        int id = it->second;
        ring.erase(remove_if(ring.begin(), ring.end(), [id](const VNode& v) { return v.node == id; }), ring.end());
    }

    string lookup(string key) {
        if (ring.empty()) return "";
        uint32_t h = fnv1a(key);
        auto it = lower_bound(ring.begin(), ring.end(), h,
                              [](const VNode& v, uint32_t x) { return v.pos < x; });
        if (it == ring.end()) it = ring.begin();
        return names[it->node];
    }
};
