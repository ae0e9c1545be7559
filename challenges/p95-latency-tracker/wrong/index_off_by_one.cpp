// Two heaps, but the split point is the 0-based index floor(0.95 n) read as
// a rank: one too high whenever 95 n / 100 is a whole number (n = 20, 40…).
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
        size_t rank = (size_t)(95 * n / 100) + 1;
        while (low.size() > rank) { high.push(low.top()); low.pop(); }
        while (low.size() < rank) { low.push(high.top()); high.pop(); }
    }

    int p95() {
        return low.empty() ? -1 : low.top();
    }
};
