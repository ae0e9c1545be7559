//! JavaScript: `var twoSum = function(nums, target) {…}` (or a function
//! declaration, or a class for design problems), as on LeetCode. The harness
//! follows the candidate's code in the same script.

use std::fmt::Write as _;

use crate::challenges::signature::{camel_case, ClassSpec, Param, Signature};
use crate::challenges::types::Type;

use super::quoted;

fn doc(ty: &Type) -> String {
    match ty {
        Type::Int | Type::Long | Type::Float => "number".into(),
        Type::Bool => "boolean".into(),
        Type::Char | Type::String => "string".into(),
        Type::List(t) => format!("{}[]", doc(t)),
        Type::Map(t) => format!("Object<string, {}>", doc(t)),
        Type::Optional(t) => format!("{}|null", doc(t)),
        Type::LinkedList => "ListNode".into(),
        Type::Tree => "TreeNode".into(),
        Type::Void => "void".into(),
    }
}

fn node_comments(types: &[&Type]) -> String {
    let mut out = String::new();
    if super::uses(types.iter().copied(), |t| *t == Type::LinkedList) {
        out.push_str("/**\n * Definition for singly-linked list.\n * function ListNode(val, next) {\n *     this.val = (val===undefined ? 0 : val)\n *     this.next = (next===undefined ? null : next)\n * }\n */\n");
    }
    if super::uses(types.iter().copied(), |t| *t == Type::Tree) {
        out.push_str("/**\n * Definition for a binary tree node.\n * function TreeNode(val, left, right) {\n *     this.val = (val===undefined ? 0 : val)\n *     this.left = (left===undefined ? null : left)\n *     this.right = (right===undefined ? null : right)\n * }\n */\n");
    }
    out
}

fn doc_block(params: &[Param], returns: Option<&Type>) -> String {
    let mut out = String::from("/**\n");
    for p in params {
        let _ = writeln!(out, " * @param {{{}}} {}", doc(&p.ty), camel_case(&p.name));
    }
    if let Some(ty) = returns {
        let _ = writeln!(out, " * @return {{{}}}", doc(ty));
    }
    out.push_str(" */\n");
    out
}

fn names(params: &[Param]) -> String {
    params
        .iter()
        .map(|p| camel_case(&p.name))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn function_starter(sig: &Signature) -> String {
    let types: Vec<&Type> = sig.all_types().collect();
    format!(
        "{}{}var {} = function({}) {{\n    \n}};\n",
        node_comments(&types),
        doc_block(&sig.params, Some(&sig.returns)),
        camel_case(&sig.name),
        names(&sig.params)
    )
}

pub fn class_starter(class: &ClassSpec) -> String {
    let types: Vec<&Type> = class.all_types().collect();
    let mut out = node_comments(&types);
    out.push_str(&doc_block(&class.constructor, None));
    let _ = write!(
        out,
        "var {} = function({}) {{\n    \n}};\n",
        class.name,
        names(&class.constructor)
    );
    for method in &class.methods {
        out.push('\n');
        out.push_str(&doc_block(&method.params, Some(&method.returns)));
        let _ = write!(
            out,
            "{}.prototype.{} = function({}) {{\n    \n}};\n",
            class.name,
            camel_case(&method.name),
            names(&method.params)
        );
    }
    out
}

fn arg(ty: &Type, x: &str) -> String {
    match ty {
        Type::LinkedList => format!("__rhToList({x})"),
        Type::Tree => format!("__rhToTree({x})"),
        Type::List(t) if needs_conversion(t) => format!("{x}.map((__e) => {})", arg(t, "__e")),
        Type::Optional(t) if needs_conversion(t) => {
            format!("({x} === null ? null : {})", arg(t, x))
        }
        Type::Map(t) if needs_conversion(t) => format!(
            "Object.fromEntries(Object.entries({x}).map(([__k, __v]) => [__k, {}]))",
            arg(t, "__v")
        ),
        _ => x.to_owned(),
    }
}

fn result(ty: &Type, x: &str) -> String {
    match ty {
        Type::LinkedList => format!("__rhFromList({x})"),
        Type::Tree => format!("__rhFromTree({x})"),
        Type::Void => "null".into(),
        Type::List(t) if needs_conversion(t) => {
            format!("__rhArray({x}).map((__e) => {})", result(t, "__e"))
        }
        Type::Optional(t) if needs_conversion(t) => {
            format!("({x} == null ? null : {})", result(t, x))
        }
        Type::Map(t) if needs_conversion(t) => format!(
            "Object.fromEntries(__rhEntries({x}).map(([__k, __v]) => [__k, {}]))",
            result(t, "__v")
        ),
        _ => format!("__rhPlain({x})"),
    }
}

fn needs_conversion(ty: &Type) -> bool {
    match ty {
        Type::LinkedList | Type::Tree => true,
        Type::List(t) | Type::Map(t) | Type::Optional(t) => needs_conversion(t),
        _ => false,
    }
}

/// Helpers after the candidate's code. `ListNode`/`TreeNode` are defined
/// only if the candidate did not define them.
const HELPERS: &str = include_str!("support/javascript_helpers.js");

pub fn function_harness(sig: &Signature, source: &str) -> String {
    let name = camel_case(&sig.name);
    let args: Vec<String> = sig
        .params
        .iter()
        .enumerate()
        .map(|(i, p)| arg(&p.ty, &format!("__rhRun.input[{i}]")))
        .collect();
    format!(
        "{source}\n{HELPERS}\nif (typeof {name} !== \"function\") {{\n  throw new Error({missing});\n}}\n__rhRun.emit(__rhRun.nonce, (function () {{ const __r = {name}({args}); return {result}; }})());\n",
        missing = quoted(&format!("define a function named {name}")),
        args = args.join(", "),
        result = result(&sig.returns, "__r"),
    )
}

pub fn class_harness(class: &ClassSpec, source: &str) -> String {
    let name = &class.name;
    let ctor: Vec<String> = class
        .constructor
        .iter()
        .enumerate()
        .map(|(i, p)| arg(&p.ty, &format!("__a[{i}]")))
        .collect();
    let mut cases = String::new();
    for (i, method) in class.methods.iter().enumerate() {
        let args: Vec<String> = method
            .params
            .iter()
            .enumerate()
            .map(|(k, p)| arg(&p.ty, &format!("__a[{k}]")))
            .collect();
        let _ = writeln!(
            cases,
            "    else if (__i === {}) {{ const __r = __o.{}({}); __out.push({}); }}",
            i + 1,
            camel_case(&method.name),
            args.join(", "),
            result(&method.returns, "__r")
        );
    }
    format!(
        "{source}\n{HELPERS}\nif (typeof {name} !== \"function\") {{\n  throw new Error({missing});\n}}\n(function () {{\n  const __out = [];\n  let __o = null;\n  for (const [__i, __a] of __rhRun.input) {{\n    if (__i === 0) {{ __o = new {name}({ctor}); __out.push(null); }}\n{cases}  }}\n  __rhRun.emit(__rhRun.nonce, __out);\n}})();\n",
        missing = quoted(&format!("define a class (or constructor function) named {name}")),
        ctor = ctor.join(", "),
    )
}
