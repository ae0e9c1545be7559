// Dijkstra's algorithm with a binary heap over (latency, hops, service).
class Solution {
public:
    vector<long long> cheapestRoute(int n, vector<vector<int>>& links, int source, int target) {
        vector<int> start(n + 1, 0);
        for (auto& l : links) start[l[0] + 1]++;
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        vector<pair<int, int>> adj(links.size());
        vector<int> fill(start.begin(), start.end() - 1);
        for (auto& l : links) adj[fill[l[0]]++] = {l[1], l[2]};

        const long long INF = LLONG_MAX;
        vector<pair<long long, int>> best(n, {INF, 0});
        using Item = tuple<long long, int, int>;
        priority_queue<Item, vector<Item>, greater<Item>> heap;
        best[source] = {0, 0};
        heap.emplace(0, 0, source);
        while (!heap.empty()) {
            auto [d, h, u] = heap.top();
            heap.pop();
            if (make_pair(d, h) != best[u]) continue;
            if (u == target) return {d, (long long)h};
            for (int e = start[u]; e < start[u + 1]; e++) {
                auto [v, w] = adj[e];
                pair<long long, int> cand{d + w, h + 1};
                if (cand < best[v]) {
                    best[v] = cand;
                    heap.emplace(cand.first, cand.second, v);
                }
            }
        }
        return {-1, -1};
    }
};
