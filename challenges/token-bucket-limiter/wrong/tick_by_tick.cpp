// Refills one millisecond at a time: right answers, but a call after a long
// quiet spell loops over every millisecond of the gap (up to 10^10 steps).
class RateLimiter {
    long long full, rate;
    unordered_map<string, pair<long long, long long>> buckets;

    pair<long long, long long>& refill(const string& client, long long now) {
        auto it = buckets.find(client);
        if (it == buckets.end()) return buckets[client] = {full, now};
        auto& b = it->second;
        while (b.second < now) {
            b.first = min(full, b.first + rate);
            b.second++;
        }
        return b;
    }

public:
    RateLimiter(int capacity, int refillPerSecond) : full(capacity * 1000LL), rate(refillPerSecond) {}

    bool allow(string client, long long timestampMs) {
        auto& b = refill(client, timestampMs);
        if (b.first < 1000) return false;
        b.first -= 1000;
        return true;
    }

    int available(string client, long long timestampMs) {
        return (int)(refill(client, timestampMs).first / 1000);
    }
};
