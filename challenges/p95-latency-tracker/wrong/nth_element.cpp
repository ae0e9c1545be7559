// Selects the rank-r sample with nth_element on every query: linear time per
// p95() call, so 100,000 queries over 100,000 samples is about 10^10 steps.
class LatencyTracker {
    vector<int> samples;

public:
    LatencyTracker() {}

    void record(int ms) { samples.push_back(ms); }

    int p95() {
        if (samples.empty()) return -1;
        size_t rank = (95 * samples.size() + 99) / 100;
        vector<int> copy(samples);
        nth_element(copy.begin(), copy.begin() + (rank - 1), copy.end());
        return copy[rank - 1];
    }
};
