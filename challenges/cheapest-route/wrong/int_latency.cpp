// Dijkstra with 32-bit latencies: a route longer than about 2.1 seconds in
// total overflows.
class Solution {
public:
    vector<long long> cheapestRoute(int n, vector<vector<int>>& links, int source, int target) {
        vector<vector<pair<int, int>>> out(n);
        for (auto& l : links) out[l[0]].push_back({l[1], l[2]});
        vector<pair<int, int>> best(n, {INT_MAX, 0});
        using Item = tuple<int, int, int>;
        priority_queue<Item, vector<Item>, greater<Item>> heap;
        best[source] = {0, 0};
        heap.emplace(0, 0, source);
        while (!heap.empty()) {
            auto [d, h, u] = heap.top();
            heap.pop();
            if (make_pair(d, h) != best[u]) continue;
            if (u == target) return {d, h};
            for (auto [v, w] : out[u]) {
                pair<int, int> cand{d + w, h + 1};
                if (cand < best[v]) {
                    best[v] = cand;
                    heap.emplace(cand.first, cand.second, v);
                }
            }
        }
        return {-1, -1};
    }
};
