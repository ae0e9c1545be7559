// Finds the smallest head by scanning all k streams for every line:
// O(total × k), too slow with 1000 long streams.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int k;
    cin >> k;
    vector<vector<pair<long long, string>>> streams(k);
    for (int s = 0; s < k; s++) {
        int n;
        cin >> n;
        streams[s].resize(n);
        for (auto& [stamp, message] : streams[s]) {
            cin >> stamp;
            cin.get();
            getline(cin, message);
        }
    }
    vector<size_t> at(k, 0);
    while (true) {
        int best = -1;
        for (int s = 0; s < k; s++)
            if (at[s] < streams[s].size() && (best < 0 || streams[s][at[s]].first < streams[best][at[best]].first)) best = s;
        if (best < 0) break;
        cout << streams[best][at[best]].first << ' ' << best << ' ' << streams[best][at[best]].second << '\n';
        at[best]++;
    }
}
