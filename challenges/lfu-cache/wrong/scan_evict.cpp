// Right answers, but finds the victim by scanning every entry: O(capacity)
// per eviction, too slow when a large cache evicts on most puts.
class LFUCache {
    struct Entry { int value, count; long long last; };
    int capacity;
    long long clock = 0;
    unordered_map<int, Entry> entries;

public:
    LFUCache(int capacity) : capacity(capacity) {}

    int get(int key) {
        auto it = entries.find(key);
        if (it == entries.end()) return -1;
        it->second.count++;
        it->second.last = ++clock;
        return it->second.value;
    }

    void put(int key, int value) {
        auto it = entries.find(key);
        if (it != entries.end()) {
            it->second.value = value;
            it->second.count++;
            it->second.last = ++clock;
            return;
        }
        if ((int)entries.size() == capacity) {
            auto victim = entries.begin();
            for (auto e = entries.begin(); e != entries.end(); ++e) {
                if (e->second.count < victim->second.count ||
                    (e->second.count == victim->second.count && e->second.last < victim->second.last))
                    victim = e;
            }
            entries.erase(victim);
        }
        entries[key] = Entry{value, 1, ++clock};
    }
};
