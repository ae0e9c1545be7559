//! C++: `class Solution { public: vector<int> twoSum(vector<int>& nums, int
//! target) … };`, as on LeetCode, with the usual headers and `using
//! namespace std` already there. `#line` keeps the candidate's line numbers.

use std::fmt::Write as _;

use crate::challenges::signature::{camel_case, ClassSpec, Param, Signature};
use crate::challenges::types::Type;

fn cpp_type(ty: &Type) -> String {
    match ty {
        Type::Int => "int".into(),
        Type::Long => "long long".into(),
        Type::Float => "double".into(),
        Type::Bool => "bool".into(),
        Type::Char => "char".into(),
        Type::String => "string".into(),
        Type::List(t) => format!("vector<{}>", cpp_type(t)),
        Type::Map(t) => format!("unordered_map<string, {}>", cpp_type(t)),
        Type::Optional(t) => format!("optional<{}>", cpp_type(t)),
        Type::LinkedList => "ListNode*".into(),
        Type::Tree => "TreeNode*".into(),
        Type::Void => "void".into(),
    }
}

/// Parameters as LeetCode writes them: containers by reference.
fn param_type(ty: &Type) -> String {
    match ty {
        Type::List(_) | Type::Map(_) => format!("{}&", cpp_type(ty)),
        other => cpp_type(other),
    }
}

fn node_comments<'a>(types: impl Iterator<Item = &'a Type> + Clone) -> String {
    let mut out = String::new();
    if super::uses(types.clone(), |t| *t == Type::LinkedList) {
        out.push_str("/**\n * Definition for singly-linked list.\n * struct ListNode {\n *     int val;\n *     ListNode *next;\n *     ListNode() : val(0), next(nullptr) {}\n *     ListNode(int x) : val(x), next(nullptr) {}\n *     ListNode(int x, ListNode *next) : val(x), next(next) {}\n * };\n */\n");
    }
    if super::uses(types.clone(), |t| *t == Type::Tree) {
        out.push_str("/**\n * Definition for a binary tree node.\n * struct TreeNode {\n *     int val;\n *     TreeNode *left;\n *     TreeNode *right;\n *     TreeNode() : val(0), left(nullptr), right(nullptr) {}\n *     TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}\n *     TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}\n * };\n */\n");
    }
    out
}

fn params(params: &[Param]) -> String {
    params
        .iter()
        .map(|p| format!("{} {}", param_type(&p.ty), camel_case(&p.name)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn default_return(ty: &Type) -> &'static str {
    if *ty == Type::Void {
        ""
    } else {
        "\n        return {};"
    }
}

pub fn function_starter(sig: &Signature) -> String {
    format!(
        "{}class Solution {{\npublic:\n    {} {}({}) {{\n        {}\n    }}\n}};\n",
        node_comments(sig.all_types()),
        cpp_type(&sig.returns),
        camel_case(&sig.name),
        params(&sig.params),
        default_return(&sig.returns).trim_start()
    )
}

pub fn class_starter(class: &ClassSpec) -> String {
    let mut out = node_comments(class.all_types());
    let _ = write!(
        out,
        "class {name} {{\npublic:\n    {name}({}) {{\n        \n    }}\n",
        params(&class.constructor),
        name = class.name
    );
    for method in &class.methods {
        let _ = write!(
            out,
            "    \n    {} {}({}) {{{}\n    }}\n",
            cpp_type(&method.returns),
            camel_case(&method.name),
            params(&method.params),
            default_return(&method.returns)
        );
    }
    out.push_str("};\n");
    out
}

const PRELUDE: &str = r#"#include <algorithm>
#include <array>
#include <bitset>
#include <cassert>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <iostream>
#include <iterator>
#include <limits>
#include <list>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <queue>
#include <set>
#include <sstream>
#include <stack>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>
using namespace std;
struct ListNode {
    int val;
    ListNode *next;
    ListNode() : val(0), next(nullptr) {}
    ListNode(int x) : val(x), next(nullptr) {}
    ListNode(int x, ListNode *next) : val(x), next(next) {}
};
struct TreeNode {
    int val;
    TreeNode *left;
    TreeNode *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
    TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};
"#;

const SUPPORT: &str = r#"
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
"#;

fn preamble() -> String {
    format!("{PRELUDE}#line 1 \"solution.cpp\"\n")
}

pub fn function_harness(sig: &Signature, source: &str) -> String {
    let mut out = preamble();
    out.push_str(source);
    let _ = write!(out, "\n#line 1 \"harness.cpp\"\n{SUPPORT}\nint main() {{\n    __rehearse::R r;\n    string nonce = r.token();\n");
    let mut args = Vec::new();
    for (i, p) in sig.params.iter().enumerate() {
        let _ = writeln!(out, "    {} a{i}{{}}; r.rd(a{i});", cpp_type(&p.ty));
        args.push(format!("a{i}"));
    }
    let _ = write!(
        out,
        "    Solution* solution = new Solution();\n    auto result = solution->{}({});\n    __rehearse::W w;\n    w.wr(result);\n    w.emit(nonce);\n    return 0;\n}}\n",
        camel_case(&sig.name),
        args.join(", ")
    );
    out
}

pub fn class_harness(class: &ClassSpec, source: &str) -> String {
    let mut out = preamble();
    out.push_str(source);
    let _ = write!(out, "\n#line 1 \"harness.cpp\"\n{SUPPORT}\nint main() {{\n    __rehearse::R r;\n    string nonce = r.token();\n    size_t ops; {{ long long n; r.rd(n); ops = (size_t)n; }}\n    {{ int index; r.rd(index); }}\n");
    let mut ctor = Vec::new();
    for (i, p) in class.constructor.iter().enumerate() {
        let _ = writeln!(out, "    {} c{i}{{}}; r.rd(c{i});", cpp_type(&p.ty));
        ctor.push(format!("c{i}"));
    }
    let _ = write!(
        out,
        "    {name}* obj = new {name}({});\n    __rehearse::W w;\n    w.s = \"[null\";\n    for (size_t op = 1; op < ops; op++) {{\n        w.s += ',';\n        int index; r.rd(index);\n        switch (index) {{\n",
        ctor.join(", "),
        name = class.name
    );
    for (i, method) in class.methods.iter().enumerate() {
        let mut reads = String::new();
        let mut args = Vec::new();
        for (k, p) in method.params.iter().enumerate() {
            let _ = write!(reads, "{} a{k}{{}}; r.rd(a{k}); ", cpp_type(&p.ty));
            args.push(format!("a{k}"));
        }
        let call = format!("obj->{}({})", camel_case(&method.name), args.join(", "));
        let body = if method.returns == Type::Void {
            format!("{call}; w.s += \"null\";")
        } else {
            format!("auto result = {call}; w.wr(result);")
        };
        let _ = writeln!(
            out,
            "            case {}: {{ {reads}{body} break; }}",
            i + 1
        );
    }
    out.push_str("            default: fprintf(stderr, \"harness: unknown method\\n\"); return 1;\n        }\n    }\n    w.s += ']';\n    w.emit(nonce);\n    return 0;\n}\n");
    out
}
