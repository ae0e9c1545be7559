// Bellman-Ford: relaxes every link each round until nothing changes. Right
// answers, but a route of k hops can need k rounds of O(links) work: far too
// slow on a chain of 100,000 services.
class Solution {
public:
    vector<long long> cheapestRoute(int n, vector<vector<int>>& links, int source, int target) {
        const long long INF = LLONG_MAX;
        vector<long long> dist(n, INF);
        vector<int> hops(n, 0);
        dist[source] = 0;
        for (bool changed = true; changed;) {
            changed = false;
            for (auto& l : links) {
                int a = l[0], b = l[1];
                if (dist[a] == INF) continue;
                long long nd = dist[a] + l[2];
                int nh = hops[a] + 1;
                if (nd < dist[b] || (nd == dist[b] && nh < hops[b])) {
                    dist[b] = nd;
                    hops[b] = nh;
                    changed = true;
                }
            }
        }
        if (dist[target] == INF) return {-1, -1};
        return {dist[target], (long long)hops[target]};
    }
};
