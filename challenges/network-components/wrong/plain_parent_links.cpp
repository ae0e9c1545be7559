// Union-find with neither union by size nor path compression: long chains
// of links build trees as tall as the chain, and every lookup from the
// bottom walks all of it. Quadratic on the large tests (random links grow
// tall trees too; the chain tests are the worst case).
class Solution {
public:
    vector<int> clustersAfterEachLink(int n, vector<vector<int>>& links) {
        vector<int> parent(n);
        iota(parent.begin(), parent.end(), 0);
        auto find = [&](int x) { while (parent[x] != x) x = parent[x]; return x; };
        int clusters = n;
        vector<int> counts;
        for (auto& link : links) {
            int a = find(link[0]), b = find(link[1]);
            if (a != b) { parent[a] = b; clusters--; }
            counts.push_back(clusters);
        }
        return counts;
    }
};
