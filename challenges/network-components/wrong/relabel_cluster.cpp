// "Quick find": every server stores its cluster label, and a merge relabels
// one cluster by scanning all n servers. Right answers, but O(n) per merge:
// quadratic on the large tests.
class Solution {
public:
    vector<int> clustersAfterEachLink(int n, vector<vector<int>>& links) {
        vector<int> label(n);
        iota(label.begin(), label.end(), 0);
        int clusters = n;
        vector<int> counts;
        for (auto& link : links) {
            int from = label[link[0]], to = label[link[1]];
            if (from != to) {
                for (int i = 0; i < n; i++)
                    if (label[i] == from) label[i] = to;
                clusters--;
            }
            counts.push_back(clusters);
        }
        return counts;
    }
};
