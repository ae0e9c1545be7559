// Returns the partial order even when a cycle leaves jobs out.
class Solution {
public:
    vector<int> jobOrder(int numJobs, vector<vector<int>>& dependencies) {
        vector<int> waiting(numJobs, 0);
        vector<vector<int>> unlocks(numJobs);
        for (auto& d : dependencies) { waiting[d[0]]++; unlocks[d[1]].push_back(d[0]); }
        vector<int> order;
        for (int j = 0; j < numJobs; j++) if (waiting[j] == 0) order.push_back(j);
        for (size_t i = 0; i < order.size(); i++)
            for (int next : unlocks[order[i]]) if (--waiting[next] == 0) order.push_back(next);
        return order;
    }
};
