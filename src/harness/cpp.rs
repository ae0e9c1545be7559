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

const PRELUDE: &str = include_str!("support/cpp_prelude.hpp");

const SUPPORT: &str = include_str!("support/cpp_support.cpp");

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
