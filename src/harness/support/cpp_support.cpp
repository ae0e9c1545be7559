
namespace __rehearse {
struct R {
    string d; size_t p = 0;
    R() { char buf[65536]; size_t n; while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) d.append(buf, n); }
    string token() {
        while (p < d.size() && isspace((unsigned char)d[p])) p++;
        size_t s = p;
        while (p < d.size() && !isspace((unsigned char)d[p])) p++;
        return d.substr(s, p - s);
    }
    void rd(int& v) { v = (int)strtol(token().c_str(), nullptr, 10); }
    void rd(long long& v) { v = strtoll(token().c_str(), nullptr, 10); }
    void rd(double& v) { v = strtod(token().c_str(), nullptr); }
    void rd(bool& v) { v = token() == "1"; }
    void rd(char& v) { v = (char)strtol(token().c_str(), nullptr, 10); }
    void rd(string& v) { size_t n = strtoul(token().c_str(), nullptr, 10); v = d.substr(p + 1, n); p += 1 + n; }
    template <class T> void rd(vector<T>& v);
    template <class T> void rd(unordered_map<string, T>& m);
    template <class T> void rd(optional<T>& o);
    void rd(ListNode*& head) {
        size_t n = strtoul(token().c_str(), nullptr, 10);
        vector<int> vals(n);
        for (auto& x : vals) rd(x);
        head = nullptr;
        for (size_t i = n; i-- > 0;) head = new ListNode(vals[i], head);
    }
    void rd(TreeNode*& root) {
        size_t n = strtoul(token().c_str(), nullptr, 10);
        vector<TreeNode*> nodes(n, nullptr);
        for (size_t i = 0; i < n; i++) { bool present; rd(present); if (present) { int x; rd(x); nodes[i] = new TreeNode(x); } }
        root = n > 0 ? nodes[0] : nullptr;
        size_t child = 1;
        for (size_t i = 0; i < n && child < n; i++) {
            if (!nodes[i]) continue;
            if (child < n) nodes[i]->left = nodes[child++];
            if (child < n) nodes[i]->right = nodes[child++];
        }
    }
};
template <class T> void R::rd(vector<T>& v) { size_t n = strtoul(token().c_str(), nullptr, 10); v.clear(); v.reserve(n); for (size_t i = 0; i < n; i++) { T x{}; rd(x); v.push_back(std::move(x)); } }
template <class T> void R::rd(unordered_map<string, T>& m) { size_t n = strtoul(token().c_str(), nullptr, 10); for (size_t i = 0; i < n; i++) { string k; rd(k); T x{}; rd(x); m.emplace(std::move(k), std::move(x)); } }
template <class T> void R::rd(optional<T>& o) { bool present; rd(present); if (present) { T x{}; rd(x); o = std::move(x); } else { o.reset(); } }

struct W {
    string s;
    void wr(int v) { s += to_string(v); }
    void wr(long long v) { s += to_string(v); }
    void wr(double v) { if (std::isfinite(v)) { char b[40]; snprintf(b, sizeof b, "%.17g", v); s += b; } else { s += "null"; } }
    void wr(bool v) { s += v ? "true" : "false"; }
    void wr(char c) { wr(string(1, c)); }
    void wr(const string& t) {
        s += '"';
        for (unsigned char c : t) {
            switch (c) {
                case '"': s += "\\\""; break;
                case '\\': s += "\\\\"; break;
                case '\n': s += "\\n"; break;
                case '\r': s += "\\r"; break;
                case '\t': s += "\\t"; break;
                default:
                    if (c < 0x20) { char b[8]; snprintf(b, sizeof b, "\\u%04x", c); s += b; } else { s += (char)c; }
            }
        }
        s += '"';
    }
    template <class T> void wr(const vector<T>& v);
    template <class T> void wr(const unordered_map<string, T>& m);
    template <class T> void wr(const optional<T>& o);
    void wr(ListNode* head) {
        s += '[';
        // Floyd's check: a cycle would otherwise print forever.
        ListNode* slow = head;
        size_t count = 0;
        for (ListNode* n = head; n; n = n->next) {
            if (count++) s += ',';
            wr(n->val);
            if (count % 2 == 0) { slow = slow->next; if (slow == n->next && n->next) { fprintf(stderr, "the returned linked list has a cycle\n"); exit(1); } }
        }
        s += ']';
    }
    void wr(TreeNode* root) {
        vector<TreeNode*> queue{root};
        vector<long long> out; vector<bool> present;
        for (size_t head = 0; head < queue.size(); head++) {
            TreeNode* n = queue[head];
            present.push_back(n != nullptr);
            out.push_back(n ? n->val : 0);
            if (n) { queue.push_back(n->left); queue.push_back(n->right); }
            if (queue.size() > 20000000) { fprintf(stderr, "the returned tree has a cycle\n"); exit(1); }
        }
        while (!present.empty() && !present.back()) { present.pop_back(); out.pop_back(); }
        s += '[';
        for (size_t i = 0; i < out.size(); i++) { if (i) s += ','; if (present[i]) s += to_string(out[i]); else s += "null"; }
        s += ']';
    }
    void emit(const string& nonce) {
        cout.flush();
        fflush(stdout);
        string text = "\n" + nonce + "\n" + s + "\n";
        fwrite(text.data(), 1, text.size(), stdout);
        fflush(stdout);
    }
};
template <class T> void W::wr(const vector<T>& v) { s += '['; bool first = true; for (const auto& e : v) { if (!first) s += ','; first = false; wr(static_cast<const T&>(e)); } s += ']'; }
template <class T> void W::wr(const unordered_map<string, T>& m) { s += '{'; bool first = true; for (const auto& kv : m) { if (!first) s += ','; first = false; wr(kv.first); s += ':'; wr(kv.second); } s += '}'; }
template <class T> void W::wr(const optional<T>& o) { if (o) wr(*o); else s += "null"; }
}
