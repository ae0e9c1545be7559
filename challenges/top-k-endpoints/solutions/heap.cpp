class Solution {
public:
    vector<string> topEndpoints(vector<string>& requests, int k) {
        unordered_map<string, int> counts;
        counts.reserve(requests.size() * 2);
        for (const string& r : requests) counts[r]++;
        // "a ranks above b": more requests, or as many and a smaller name.
        auto above = [](const pair<int, const string*>& a, const pair<int, const string*>& b) {
            return a.first != b.first ? a.first > b.first : *a.second < *b.second;
        };
        // A heap of the best k so far whose top is the worst of them.
        priority_queue<pair<int, const string*>, vector<pair<int, const string*>>, decltype(above)> heap(above);
        for (auto& [name, count] : counts) {
            pair<int, const string*> entry{count, &name};
            if ((int)heap.size() < k) heap.push(entry);
            else if (above(entry, heap.top())) { heap.pop(); heap.push(entry); }
        }
        vector<string> answer(heap.size());
        for (int i = (int)heap.size() - 1; i >= 0; i--) {
            answer[i] = *heap.top().second;
            heap.pop();
        }
        return answer;
    }
};
