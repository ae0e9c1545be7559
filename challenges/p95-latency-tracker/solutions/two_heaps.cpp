// Two heaps split the samples at the p95 rank: `low` (max-heap) holds the r
// smallest, `high` (min-heap) the rest; the answer is low's top.
class LatencyTracker {
    priority_queue<int> low;
    priority_queue<int, vector<int>, greater<int>> high;
    long long n = 0;

public:
    LatencyTracker() {}

    void record(int ms) {
        n++;
        if (!low.empty() && ms <= low.top()) low.push(ms);
        else high.push(ms);
        size_t rank = (size_t)((95 * n + 99) / 100);
        while (low.size() > rank) { high.push(low.top()); low.pop(); }
        while (low.size() < rank) { low.push(high.top()); high.pop(); }
    }

    int p95() {
        return low.empty() ? -1 : low.top();
    }
};
