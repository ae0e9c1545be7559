// One list of keys per use count (most recent use at the front) and an
// iterator per key into its list: get, put and eviction are O(1).
class LFUCache {
    struct Entry {
        int value, count;
        list<int>::iterator where;
    };
    int capacity, minCount = 0;
    unordered_map<int, Entry> entries;
    unordered_map<int, list<int>> buckets;

    void touch(int key, Entry& e) {
        auto& from = buckets[e.count];
        from.erase(e.where);
        if (from.empty()) {
            buckets.erase(e.count);
            if (minCount == e.count) minCount++;
        }
        e.count++;
        auto& to = buckets[e.count];
        to.push_front(key);
        e.where = to.begin();
    }

public:
    LFUCache(int capacity) : capacity(capacity) {
        entries.reserve(capacity * 2);
    }

    int get(int key) {
        auto it = entries.find(key);
        if (it == entries.end()) return -1;
        touch(key, it->second);
        return it->second.value;
    }

    void put(int key, int value) {
        auto it = entries.find(key);
        if (it != entries.end()) {
            it->second.value = value;
            touch(key, it->second);
            return;
        }
        if ((int)entries.size() == capacity) {
            auto& bucket = buckets[minCount];
            entries.erase(bucket.back());
            bucket.pop_back();
            if (bucket.empty()) buckets.erase(minCount);
        }
        auto& ones = buckets[1];
        ones.push_front(key);
        entries[key] = Entry{value, 1, ones.begin()};
        minCount = 1;
    }
};
