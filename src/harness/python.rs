//! Python: `class Solution` with camelCase methods, as on LeetCode, or a
//! plain top-level function. The harness is `main.py`; the candidate's code
//! runs from its own `solution.py`, so tracebacks point at their lines.

use std::fmt::Write as _;

use crate::challenges::signature::{camel_case, ClassSpec, Param, Signature};
use crate::challenges::types::Type;

use super::quoted;

fn hint(ty: &Type) -> String {
    match ty {
        Type::Int | Type::Long => "int".into(),
        Type::Float => "float".into(),
        Type::Bool => "bool".into(),
        Type::Char | Type::String => "str".into(),
        Type::List(t) => format!("List[{}]", hint(t)),
        Type::Map(t) => format!("Dict[str, {}]", hint(t)),
        Type::Optional(t) => format!("Optional[{}]", hint(t)),
        Type::LinkedList => "Optional[ListNode]".into(),
        Type::Tree => "Optional[TreeNode]".into(),
        Type::Void => "None".into(),
    }
}

fn node_comments(types: &[&Type]) -> String {
    let mut out = String::new();
    if super::uses(types.iter().copied(), |t| *t == Type::LinkedList) {
        out.push_str("# Definition for singly-linked list.\n# class ListNode:\n#     def __init__(self, val=0, next=None):\n#         self.val = val\n#         self.next = next\n");
    }
    if super::uses(types.iter().copied(), |t| *t == Type::Tree) {
        out.push_str("# Definition for a binary tree node.\n# class TreeNode:\n#     def __init__(self, val=0, left=None, right=None):\n#         self.val = val\n#         self.left = left\n#         self.right = right\n");
    }
    out
}

fn params(params: &[Param]) -> String {
    params
        .iter()
        .map(|p| format!(", {}: {}", camel_case(&p.name), hint(&p.ty)))
        .collect()
}

pub fn function_starter(sig: &Signature) -> String {
    let types: Vec<&Type> = sig.all_types().collect();
    format!(
        "{}class Solution:\n    def {}(self{}) -> {}:\n        pass\n",
        node_comments(&types),
        camel_case(&sig.name),
        params(&sig.params),
        hint(&sig.returns)
    )
}

pub fn class_starter(class: &ClassSpec) -> String {
    let types: Vec<&Type> = class.all_types().collect();
    let mut out = node_comments(&types);
    let _ = write!(
        out,
        "class {}:\n\n    def __init__(self{}):\n        pass\n",
        class.name,
        params(&class.constructor)
    );
    for method in &class.methods {
        let _ = write!(
            out,
            "\n    def {}(self{}) -> {}:\n        pass\n",
            camel_case(&method.name),
            params(&method.params),
            hint(&method.returns)
        );
    }
    out
}

/// An expression turning the JSON value `x` into the argument of type `ty`.
fn arg(ty: &Type, x: &str) -> String {
    match ty {
        Type::Float => format!("float({x})"),
        Type::LinkedList => format!("__rh_to_list({x})"),
        Type::Tree => format!("__rh_to_tree({x})"),
        Type::List(t) if needs_conversion(t) => format!("[{} for __e in {x}]", arg(t, "__e")),
        Type::Map(t) if needs_conversion(t) => {
            format!("{{__k: {} for __k, __v in {x}.items()}}", arg(t, "__v"))
        }
        Type::Optional(t) if needs_conversion(t) => {
            format!("(None if {x} is None else {})", arg(t, x))
        }
        _ => x.to_owned(),
    }
}

/// An expression turning the returned `x` of type `ty` into JSON data.
fn result(ty: &Type, x: &str) -> String {
    match ty {
        Type::LinkedList => format!("__rh_from_list({x})"),
        Type::Tree => format!("__rh_from_tree({x})"),
        Type::Void => "None".into(),
        Type::List(t) if needs_conversion(t) => {
            format!("[{} for __e in {x}]", result(t, "__e"))
        }
        Type::Map(t) if needs_conversion(t) => {
            format!("{{__k: {} for __k, __v in {x}.items()}}", result(t, "__v"))
        }
        Type::Optional(t) if needs_conversion(t) => {
            format!("(None if {x} is None else {})", result(t, x))
        }
        _ => x.to_owned(),
    }
}

fn needs_conversion(ty: &Type) -> bool {
    match ty {
        Type::Float | Type::LinkedList | Type::Tree => true,
        Type::List(t) | Type::Map(t) | Type::Optional(t) => needs_conversion(t),
        _ => false,
    }
}

/// Names and helpers every harness has. The star imports mirror what
/// LeetCode's Python environment provides without an import.
const PRELUDE: &str = include_str!("support/python_prelude.py");

/// Runs the candidate's source as `solution.py` in this module's globals.
fn load_solution(source: &str) -> String {
    format!(
        "__rh_source = {}\n__rh_linecache.cache[\"solution.py\"] = (len(__rh_source), None, __rh_source.splitlines(True), \"solution.py\")\ntry:\n    exec(compile(__rh_source, \"solution.py\", \"exec\"), globals())\nexcept SystemExit:\n    raise\nexcept BaseException as __rh_error:\n    __rh_fail(__rh_error)\n",
        quoted(source)
    )
}

pub fn function_harness(sig: &Signature, source: &str) -> String {
    let mut out = String::from(PRELUDE);
    out.push_str(&load_solution(source));
    let camel = camel_case(&sig.name);
    let names = if camel == sig.name {
        format!("[{}]", quoted(&camel))
    } else {
        format!("[{}, {}]", quoted(&camel), quoted(&sig.name))
    };
    let args: Vec<String> = sig
        .params
        .iter()
        .enumerate()
        .map(|(i, p)| arg(&p.ty, &format!("__rh_input[{i}]")))
        .collect();
    let _ = write!(
        out,
        "__rh_function = __rh_find({names})\n__rh_arguments = [{}]\ndel __rh_input\ntry:\n    __rh_result = __rh_function(*__rh_arguments)\n    __rh_value = {}\nexcept SystemExit:\n    raise\nexcept BaseException as __rh_error:\n    __rh_fail(__rh_error)\n__rh_emit(__rh_nonce, __rh_value)\n",
        args.join(", "),
        result(&sig.returns, "__rh_result")
    );
    out
}

pub fn class_harness(class: &ClassSpec, source: &str) -> String {
    let mut out = String::from(PRELUDE);
    out.push_str(&load_solution(source));
    let ctor_args: Vec<String> = class
        .constructor
        .iter()
        .enumerate()
        .map(|(i, p)| arg(&p.ty, &format!("__rh_args[{i}]")))
        .collect();
    let _ = write!(
        out,
        "__rh_class = globals().get({name})\nif not isinstance(__rh_class, type):\n    __rh_sys.stderr.write(\"define class {raw}\\n\")\n    raise SystemExit(1)\n__rh_results = []\ntry:\n    for __rh_index, __rh_args in __rh_input:\n        if __rh_index == 0:\n            __rh_object = __rh_class({ctor})\n            __rh_results.append(None)\n",
        name = quoted(&class.name),
        raw = class.name,
        ctor = ctor_args.join(", "),
    );
    for (i, method) in class.methods.iter().enumerate() {
        let args: Vec<String> = method
            .params
            .iter()
            .enumerate()
            .map(|(k, p)| arg(&p.ty, &format!("__rh_args[{k}]")))
            .collect();
        let _ = write!(
            out,
            "        elif __rh_index == {}:\n            __rh_result = __rh_object.{}({})\n            __rh_results.append({})\n",
            i + 1,
            camel_case(&method.name),
            args.join(", "),
            result(&method.returns, "__rh_result")
        );
    }
    out.push_str("except SystemExit:\n    raise\nexcept BaseException as __rh_error:\n    __rh_fail(__rh_error)\n__rh_emit(__rh_nonce, __rh_results)\n");
    out
}
