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
const PRELUDE: &str = r#"import sys as __rh_sys, json as __rh_json, linecache as __rh_linecache, traceback as __rh_traceback
import collections, heapq, bisect, math, itertools, functools, string, re, random, copy, operator
from typing import *
from collections import *
from heapq import *
from bisect import *
from functools import *
from itertools import *
from math import inf, gcd, sqrt, ceil, floor, log, log2, comb, factorial, isqrt


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def __rh_to_list(values):
    node_type = globals()["ListNode"]
    head = None
    for value in reversed(values):
        head = node_type(value, head)
    return head


def __rh_from_list(node):
    out = []
    slow = node
    while node is not None:
        out.append(node.val)
        node = node.next
        if len(out) % 2 == 0:
            slow = slow.next
            if node is not None and slow is node:
                raise ValueError("the returned linked list has a cycle")
    return out


def __rh_to_tree(values):
    node_type = globals()["TreeNode"]
    if not values or values[0] is None:
        return None
    root = node_type(values[0])
    queue = deque([root])
    i = 1
    while queue and i < len(values):
        node = queue.popleft()
        if i < len(values) and values[i] is not None:
            node.left = node_type(values[i])
            queue.append(node.left)
        i += 1
        if i < len(values) and values[i] is not None:
            node.right = node_type(values[i])
            queue.append(node.right)
        i += 1
    return root


def __rh_from_tree(root):
    out = []
    queue = deque([root])
    while queue:
        node = queue.popleft()
        if node is None:
            out.append(None)
            continue
        out.append(node.val)
        queue.append(node.left)
        queue.append(node.right)
        if len(out) > 10_000_000:
            raise ValueError("the returned tree has a cycle")
    while out and out[-1] is None:
        out.pop()
    return out


def __rh_default(value):
    if isinstance(value, (set, frozenset, tuple, deque)):
        return list(value)
    if hasattr(value, "__iter__") and not isinstance(value, (str, bytes, dict)):
        return list(value)
    raise TypeError(f"a {type(value).__name__} cannot be returned here")


def __rh_fail(error):
    """Prints a traceback of the candidate's frames only, then exits 1."""
    __rh_sys.stdout.flush()
    frames = [f for f in __rh_traceback.extract_tb(error.__traceback__) if f.filename == "solution.py"]
    lines = ["Traceback (most recent call last):\n"] + __rh_traceback.format_list(frames) if frames else []
    lines += __rh_traceback.format_exception_only(type(error), error)
    __rh_sys.stderr.write("".join(lines))
    __rh_sys.stderr.flush()
    raise SystemExit(1)


def __rh_find(names):
    solution = globals().get("Solution")
    if isinstance(solution, type):
        for name in names:
            if hasattr(solution, name):
                return getattr(solution(), name)
    for name in names:
        candidate = globals().get(name)
        if callable(candidate):
            return candidate
    __rh_sys.stderr.write("define class Solution with a method " + names[0] + ", or a function " + " or ".join(names) + "\n")
    raise SystemExit(1)


def __rh_emit(nonce, value):
    text = __rh_json.dumps(value, default=__rh_default, allow_nan=False)
    __rh_sys.stdout.write("\n" + nonce + "\n" + text + "\n")
    __rh_sys.stdout.flush()


__rh_data = __rh_sys.stdin.buffer.read()
__rh_newline = __rh_data.index(b"\n")
__rh_nonce = __rh_data[:__rh_newline].decode()
__rh_input = __rh_json.loads(__rh_data[__rh_newline + 1:])
del __rh_data
"#;

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
