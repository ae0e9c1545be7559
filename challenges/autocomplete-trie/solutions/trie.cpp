// A trie in flat arrays; every node keeps how many names pass through it and
// the three smallest of them, so each call walks a single path.
class Autocomplete {
    struct Node {
        int child[26];
        int count = 0;
        bool end = false;
        vector<string> best;
        Node() { fill(child, child + 26, -1); }
    };
    vector<Node> nodes;

    static void note(Node& node, const string& word) {
        node.count++;
        auto& best = node.best;
        if (best.size() < 3) {
            best.insert(upper_bound(best.begin(), best.end(), word), word);
        } else if (word < best[2]) {
            best.pop_back();
            best.insert(upper_bound(best.begin(), best.end(), word), word);
        }
    }

    int find(const string& prefix) const {
        int at = 0;
        for (char c : prefix) {
            at = nodes[at].child[c - 'a'];
            if (at < 0) return -1;
        }
        return at;
    }

public:
    Autocomplete() { nodes.emplace_back(); }

    void insert(string word) {
        int at = find(word);
        if (at >= 0 && nodes[at].end) return;
        at = 0;
        note(nodes[0], word);
        for (char c : word) {
            int next = nodes[at].child[c - 'a'];
            if (next < 0) {
                next = (int)nodes.size();
                nodes[at].child[c - 'a'] = next;
                nodes.emplace_back();
            }
            at = next;
            note(nodes[at], word);
        }
        nodes[at].end = true;
    }

    int countPrefix(string prefix) {
        int at = find(prefix);
        return at < 0 ? 0 : nodes[at].count;
    }

    vector<string> top(string prefix) {
        int at = find(prefix);
        return at < 0 ? vector<string>{} : nodes[at].best;
    }
};
