#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int k;
    cin >> k;
    vector<vector<pair<long long, string>>> streams(k);
    for (int s = 0; s < k; s++) {
        int n;
        cin >> n;
        streams[s].resize(n);
        for (auto& [stamp, message] : streams[s]) {
            cin >> stamp;
            cin.get();  // the space after the timestamp
            getline(cin, message);
        }
    }
    using Item = tuple<long long, int, int>;  // timestamp, server, index
    priority_queue<Item, vector<Item>, greater<Item>> heap;
    for (int s = 0; s < k; s++)
        if (!streams[s].empty()) heap.emplace(streams[s][0].first, s, 0);
    string out;
    while (!heap.empty()) {
        auto [stamp, s, i] = heap.top();
        heap.pop();
        out += to_string(stamp) + ' ' + to_string(s) + ' ' + streams[s][i].second + '\n';
        if (i + 1 < (int)streams[s].size()) heap.emplace(streams[s][i + 1].first, s, i + 1);
    }
    cout << out;
}
