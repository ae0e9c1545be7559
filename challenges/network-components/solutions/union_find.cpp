class Solution {
    vector<int> parent, size_;
    int find(int x) {
        int root = x;
        while (parent[root] != root) root = parent[root];
        while (parent[x] != root) { int next = parent[x]; parent[x] = root; x = next; }
        return root;
    }
public:
    vector<int> clustersAfterEachLink(int n, vector<vector<int>>& links) {
        parent.resize(n);
        iota(parent.begin(), parent.end(), 0);
        size_.assign(n, 1);
        int clusters = n;
        vector<int> counts;
        counts.reserve(links.size());
        for (auto& link : links) {
            int a = find(link[0]), b = find(link[1]);
            if (a != b) {
                if (size_[a] < size_[b]) swap(a, b);
                parent[b] = a;
                size_[a] += size_[b];
                clusters--;
            }
            counts.push_back(clusters);
        }
        return counts;
    }
};
