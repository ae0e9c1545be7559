// One bucket per client, refilled lazily in exact integer millitokens.
class RateLimiter {
    long long full, rate;
    struct Bucket { long long level, last; };
    unordered_map<string, Bucket> buckets;

    Bucket& refill(const string& client, long long now) {
        auto it = buckets.find(client);
        if (it == buckets.end()) {
            return buckets.emplace(client, Bucket{full, now}).first->second;
        }
        Bucket& b = it->second;
        // Clamp the gap first so the product cannot overflow in any case.
        long long gap = now - b.last;
        if (gap >= full) b.level = full;
        else b.level = min(full, b.level + gap * rate);
        b.last = now;
        return b;
    }

public:
    RateLimiter(int capacity, int refillPerSecond)
        : full(capacity * 1000LL), rate(refillPerSecond) {
        buckets.reserve(1 << 17);
    }

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
