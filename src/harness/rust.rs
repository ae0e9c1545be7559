//! Rust: `impl Solution { pub fn two_sum(nums: Vec<i32>, target: i32) ->
//! Vec<i32> }`, as on LeetCode. The harness (with `struct Solution;` and,
//! when the signature needs them, LeetCode's `ListNode` and `TreeNode`)
//! follows the candidate's code, so compiler messages keep their lines.

use std::fmt::Write as _;

use crate::challenges::signature::{ClassSpec, Param, Signature};
use crate::challenges::types::Type;

fn rust_type(ty: &Type) -> String {
    match ty {
        Type::Int => "i32".into(),
        Type::Long => "i64".into(),
        Type::Float => "f64".into(),
        Type::Bool => "bool".into(),
        Type::Char => "char".into(),
        Type::String => "String".into(),
        Type::List(t) => format!("Vec<{}>", rust_type(t)),
        Type::Map(t) => format!("HashMap<String, {}>", rust_type(t)),
        Type::Optional(t) => format!("Option<{}>", rust_type(t)),
        Type::LinkedList => "Option<Box<ListNode>>".into(),
        Type::Tree => "Option<Rc<RefCell<TreeNode>>>".into(),
        Type::Void => "()".into(),
    }
}

fn imports<'a>(types: impl Iterator<Item = &'a Type> + Clone) -> String {
    let mut out = String::new();
    if super::uses(types.clone(), |t| matches!(t, Type::Map(_))) {
        out.push_str("use std::collections::HashMap;\n");
    }
    if super::uses(types, |t| *t == Type::Tree) {
        out.push_str("use std::rc::Rc;\nuse std::cell::RefCell;\n");
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

fn node_comments<'a>(types: impl Iterator<Item = &'a Type> + Clone) -> String {
    let mut out = String::new();
    if super::uses(types.clone(), |t| *t == Type::LinkedList) {
        out.push_str("// Definition for singly-linked list.\n// #[derive(PartialEq, Eq, Clone, Debug)]\n// pub struct ListNode {\n//   pub val: i32,\n//   pub next: Option<Box<ListNode>>\n// }\n//\n// impl ListNode {\n//   #[inline]\n//   fn new(val: i32) -> Self {\n//     ListNode {\n//       next: None,\n//       val\n//     }\n//   }\n// }\n");
    }
    if super::uses(types, |t| *t == Type::Tree) {
        out.push_str("// Definition for a binary tree node.\n// #[derive(Debug, PartialEq, Eq)]\n// pub struct TreeNode {\n//   pub val: i32,\n//   pub left: Option<Rc<RefCell<TreeNode>>>,\n//   pub right: Option<Rc<RefCell<TreeNode>>>,\n// }\n//\n// impl TreeNode {\n//   #[inline]\n//   pub fn new(val: i32) -> Self {\n//     TreeNode {\n//       val,\n//       left: None,\n//       right: None\n//     }\n//   }\n// }\n");
    }
    out
}

fn params(params: &[Param]) -> String {
    params
        .iter()
        .map(|p| format!("{}: {}", p.name, rust_type(&p.ty)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn returns(ty: &Type) -> String {
    if *ty == Type::Void {
        String::new()
    } else {
        format!(" -> {}", rust_type(ty))
    }
}

pub fn function_starter(sig: &Signature) -> String {
    format!(
        "{}{}impl Solution {{\n    pub fn {}({}){} {{\n        todo!()\n    }}\n}}\n",
        node_comments(sig.all_types()),
        imports(sig.all_types()),
        sig.name,
        params(&sig.params),
        returns(&sig.returns)
    )
}

pub fn class_starter(class: &ClassSpec) -> String {
    let mut out = node_comments(class.all_types());
    out.push_str(&imports(class.all_types()));
    let _ = write!(
        out,
        "struct {name} {{\n\n}}\n\nimpl {name} {{\n    fn new({}) -> Self {{\n        todo!()\n    }}\n",
        params(&class.constructor),
        name = class.name
    );
    for method in &class.methods {
        let sep = if method.params.is_empty() { "" } else { ", " };
        let _ = write!(
            out,
            "\n    fn {}(&mut self{sep}{}){} {{\n        todo!()\n    }}\n",
            method.name,
            params(&method.params),
            returns(&method.returns)
        );
    }
    out.push_str("}\n");
    out
}

/// An expression reading a value of type `ty` from the reader `r`.
fn read(ty: &Type) -> String {
    match ty {
        Type::Int => "r.num::<i32>()".into(),
        Type::Long => "r.num::<i64>()".into(),
        Type::Float => "r.num::<f64>()".into(),
        Type::Bool => "r.flag()".into(),
        Type::Char => "(r.num::<u8>() as char)".into(),
        Type::String => "r.string()".into(),
        Type::List(t) => format!(
            "{{ let n = r.num::<usize>(); let mut v = Vec::with_capacity(n); for _ in 0..n {{ v.push({}); }} v }}",
            read(t)
        ),
        Type::Map(t) => format!(
            "{{ let n = r.num::<usize>(); let mut m = std::collections::HashMap::with_capacity(n); for _ in 0..n {{ let k = r.string(); m.insert(k, {}); }} m }}",
            read(t)
        ),
        Type::Optional(t) => format!("if r.flag() {{ Some({}) }} else {{ None }}", read(t)),
        Type::LinkedList => "r.linked()".into(),
        Type::Tree => "r.tree()".into(),
        Type::Void => "()".into(),
    }
}

/// Statements writing `x` (a reference to a value of type `ty`) as JSON to
/// the writer `w`.
fn write(ty: &Type, x: &str) -> String {
    match ty {
        Type::Int | Type::Long => format!("w.int(*{x} as i64);"),
        Type::Float => format!("w.float(*{x});"),
        Type::Bool => format!("w.raw(if *{x} {{ \"true\" }} else {{ \"false\" }});"),
        Type::Char => format!("w.string(&{x}.to_string());"),
        Type::String => format!("w.string({x});"),
        Type::List(t) => format!(
            "w.raw(\"[\"); for (i, e) in {x}.iter().enumerate() {{ if i > 0 {{ w.raw(\",\"); }} {} }} w.raw(\"]\");",
            write(t, "e")
        ),
        Type::Map(t) => format!(
            "w.raw(\"{{\"); for (i, (k, e)) in {x}.iter().enumerate() {{ if i > 0 {{ w.raw(\",\"); }} w.string(k); w.raw(\":\"); {} }} w.raw(\"}}\");",
            write(t, "e")
        ),
        Type::Optional(t) => format!(
            "match {x} {{ Some(e) => {{ {} }} None => w.raw(\"null\") }}",
            write(t, "e")
        ),
        Type::LinkedList => format!("w.linked({x});"),
        Type::Tree => format!("w.tree({x});"),
        Type::Void => "w.raw(\"null\");".into(),
    }
}

/// The reader, writer and node types, appended after the candidate's code.
const SUPPORT: &str = include_str!("support/rust_support.rs");

fn nodes<'a>(types: impl Iterator<Item = &'a Type> + Clone) -> String {
    let mut out = String::new();
    // The reader and writer mention both node types, so both always exist;
    // they are defined here unless the signature never uses them, in which
    // case private stand-ins keep the names free for the candidate.
    if super::uses(types.clone(), |t| *t == Type::LinkedList) {
        out.push_str("#[derive(PartialEq, Eq, Clone, Debug)]\npub struct ListNode {\n    pub val: i32,\n    pub next: Option<Box<ListNode>>,\n}\n\nimpl ListNode {\n    #[inline]\n    pub fn new(val: i32) -> Self {\n        ListNode { next: None, val }\n    }\n}\n");
    } else {
        out.push_str("use __rehearse_nodes::ListNode;\n");
    }
    if super::uses(types, |t| *t == Type::Tree) {
        out.push_str("#[derive(Debug, PartialEq, Eq)]\npub struct TreeNode {\n    pub val: i32,\n    pub left: Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>,\n    pub right: Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>,\n}\n\nimpl TreeNode {\n    #[inline]\n    pub fn new(val: i32) -> Self {\n        TreeNode { val, left: None, right: None }\n    }\n}\n");
    } else {
        out.push_str("use __rehearse_nodes::TreeNode;\n");
    }
    out.push_str(
        "#[allow(dead_code)]\nmod __rehearse_nodes {\n    pub struct ListNode { pub val: i32, pub next: Option<Box<ListNode>> }\n    impl ListNode { pub fn new(val: i32) -> Self { ListNode { val, next: None } } }\n    pub struct TreeNode { pub val: i32, pub left: Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>, pub right: Option<std::rc::Rc<std::cell::RefCell<TreeNode>>> }\n    impl TreeNode { pub fn new(val: i32) -> Self { TreeNode { val, left: None, right: None } } }\n}\n",
    );
    out
}

pub fn function_harness(sig: &Signature, source: &str) -> String {
    let mut out = format!("{source}\n{SUPPORT}\npub struct Solution;\n");
    out.push_str(&nodes(sig.all_types()));
    let mut body =
        String::from("    let mut r = __rehearse::R::stdin();\n    let nonce = r.word();\n");
    let mut args = Vec::new();
    for (i, p) in sig.params.iter().enumerate() {
        let _ = writeln!(
            body,
            "    let a{i}: {} = {};",
            full_type(&p.ty),
            read(&p.ty)
        );
        args.push(format!("a{i}"));
    }
    let _ = write!(
        body,
        "    let result = Solution::{}({});\n    let mut w = __rehearse::W {{ s: String::new() }};\n    {{ let x = &result; {} }}\n    w.emit(&nonce);\n",
        sig.name,
        args.join(", "),
        write(&sig.returns, "x")
    );
    let _ = write!(
        out,
        "\n#[allow(unused_mut, unused_variables, clippy::all)]\nfn main() {{\n{body}}}\n"
    );
    out
}

pub fn class_harness(class: &ClassSpec, source: &str) -> String {
    let mut out = format!("{source}\n{SUPPORT}\n");
    out.push_str(&nodes(class.all_types()));
    let mut body = String::from(
        "    let mut r = __rehearse::R::stdin();\n    let nonce = r.word();\n    let ops = r.num::<usize>();\n    let mut w = __rehearse::W { s: String::from(\"[\") };\n",
    );
    let ctor_args: Vec<String> = class
        .constructor
        .iter()
        .map(|p| read_typed(&p.ty))
        .collect();
    let _ = write!(
        body,
        "    let _ = r.num::<usize>();\n    let mut obj = {}::new({});\n    w.raw(\"null\");\n    for _ in 1..ops {{\n        w.raw(\",\");\n        match r.num::<usize>() {{\n",
        class.name,
        ctor_args.join(", ")
    );
    for (i, method) in class.methods.iter().enumerate() {
        let mut call = String::new();
        let mut args = Vec::new();
        for (k, p) in method.params.iter().enumerate() {
            let _ = write!(call, "let a{k}: {} = {}; ", full_type(&p.ty), read(&p.ty));
            args.push(format!("a{k}"));
        }
        let _ = writeln!(
            body,
            "            {} => {{ {call}let result = obj.{}({}); let x = &result; {} }}",
            i + 1,
            method.name,
            args.join(", "),
            write(&method.returns, "x")
        );
    }
    body.push_str("            _ => panic!(\"harness: unknown method\"),\n        }\n    }\n    w.raw(\"]\");\n    w.emit(&nonce);\n");
    let _ = write!(
        out,
        "\n#[allow(unused_mut, unused_variables, clippy::all)]\nfn main() {{\n{body}}}\n"
    );
    out
}

fn read_typed(ty: &Type) -> String {
    format!("{{ let v: {} = {}; v }}", full_type(ty), read(ty))
}

/// The Rust type with full paths, for the harness's own annotations (the
/// candidate's imports are theirs).
fn full_type(ty: &Type) -> String {
    match ty {
        Type::Map(t) => format!("std::collections::HashMap<String, {}>", full_type(t)),
        Type::List(t) => format!("Vec<{}>", full_type(t)),
        Type::Optional(t) => format!("Option<{}>", full_type(t)),
        Type::Tree => "Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>".into(),
        other => rust_type(other),
    }
}
