// Keeps one server per position (a map from position to name): when two
// virtual nodes land on the same position, the later one silently replaces
// the earlier, and removing it leaves a hole.
class ConsistentHashRing {
    int replicas;
    map<uint32_t, string> owner;

    static uint32_t fnv1a(const string& s) {
        uint32_t h = 2166136261u;
        for (unsigned char c : s) { h ^= c; h *= 16777619u; }
        return h;
    }

public:
    ConsistentHashRing(int replicas) : replicas(replicas) {}

    void addNode(string name) {
        for (int i = 0; i < replicas; i++) owner[fnv1a(name + "#" + to_string(i))] = name;
    }

    void removeNode(string name) {
        for (int i = 0; i < replicas; i++) {
            auto it = owner.find(fnv1a(name + "#" + to_string(i)));
            if (it != owner.end() && it->second == name) owner.erase(it);
        }
    }

    string lookup(string key) {
        if (owner.empty()) return "";
        auto it = owner.lower_bound(fnv1a(key));
        if (it == owner.end()) it = owner.begin();
        return it->second;
    }
};
