//! C, with LeetCode's conventions: arrays arrive as a pointer and a size
//! (`int* nums, int numsSize`; grids add `int* gridColSize`), returned
//! arrays report their size through `int* returnSize` (and
//! `int** returnColumnSizes` for grids), strings are `char*`, nodes are
//! `struct ListNode*` / `struct TreeNode*`. Maps and optional values have
//! no C convention, so challenges using them are not offered in C.

use std::fmt::Write as _;

use crate::challenges::signature::{camel_case, Signature};
use crate::challenges::types::Type;

/// A type C can hold as one value (an array element or a parameter).
fn element(ty: &Type) -> Option<&'static str> {
    Some(match ty {
        Type::Int => "int",
        Type::Long => "long long",
        Type::Float => "double",
        Type::Bool => "bool",
        Type::Char => "char",
        Type::String => "char*",
        Type::LinkedList => "struct ListNode*",
        Type::Tree => "struct TreeNode*",
        _ => return None,
    })
}

fn scalar(ty: &Type) -> bool {
    matches!(
        ty,
        Type::Int | Type::Long | Type::Float | Type::Bool | Type::Char
    )
}

/// Why a type cannot be written in C, if it cannot.
pub fn unsupported_type(ty: &Type) -> Option<&'static str> {
    match ty {
        Type::Map(_) => Some("has no C equivalent"),
        Type::Optional(_) => Some("has no C equivalent"),
        Type::List(inner) => match inner.as_ref() {
            t if element(t).is_some() => None,
            Type::List(t) if scalar(t) => None,
            _ => Some("is nested too deeply for C's pointer-and-size convention"),
        },
        _ => None,
    }
}

fn c_params(sig: &Signature) -> Vec<String> {
    let mut out = Vec::new();
    for p in &sig.params {
        let name = camel_case(&p.name);
        match &p.ty {
            Type::List(inner) => match inner.as_ref() {
                Type::List(t) => {
                    let e = element(t).unwrap_or("int");
                    out.push(format!("{e}** {name}"));
                    out.push(format!("int {name}Size"));
                    out.push(format!("int* {name}ColSize"));
                }
                t => {
                    out.push(format!("{}* {name}", element(t).unwrap_or("int")));
                    out.push(format!("int {name}Size"));
                }
            },
            t => out.push(format!("{} {name}", element(t).unwrap_or("int"))),
        }
    }
    if let Type::List(inner) = &sig.returns {
        out.push("int* returnSize".into());
        if matches!(inner.as_ref(), Type::List(_)) {
            out.push("int** returnColumnSizes".into());
        }
    }
    out
}

fn c_return(ty: &Type) -> String {
    match ty {
        Type::List(inner) => match inner.as_ref() {
            Type::List(t) => format!("{}**", element(t).unwrap_or("int")),
            t => format!("{}*", element(t).unwrap_or("int")),
        },
        Type::Void => "void".into(),
        t => element(t).unwrap_or("int").into(),
    }
}

fn zero(ty: &Type) -> &'static str {
    match ty {
        Type::Bool => "false",
        Type::Float => "0.0",
        Type::Void => "",
        t if scalar(t) => "0",
        _ => "NULL",
    }
}

pub fn function_starter(sig: &Signature) -> String {
    let mut out = String::new();
    let types: Vec<&Type> = sig.all_types().collect();
    let nested = |wanted: &Type| {
        types
            .iter()
            .any(|t| *t == wanted || matches!(t, Type::List(i) if i.as_ref() == wanted))
    };
    if nested(&Type::LinkedList) {
        out.push_str("/**\n * Definition for singly-linked list.\n * struct ListNode {\n *     int val;\n *     struct ListNode *next;\n * };\n */\n");
    }
    if nested(&Type::Tree) {
        out.push_str("/**\n * Definition for a binary tree node.\n * struct TreeNode {\n *     int val;\n *     struct TreeNode *left;\n *     struct TreeNode *right;\n * };\n */\n");
    }
    match &sig.returns {
        Type::List(inner) if matches!(inner.as_ref(), Type::List(_)) => out.push_str(
            "/**\n * Return an array of arrays of size *returnSize.\n * The sizes of the arrays are returned as *returnColumnSizes array.\n * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().\n */\n",
        ),
        Type::List(_) => out.push_str(
            "/**\n * Note: The returned array must be malloced, assume caller calls free().\n */\n",
        ),
        _ => {}
    }
    let body = if let Type::List(_) = sig.returns {
        "    *returnSize = 0;\n    return NULL;\n".to_owned()
    } else if sig.returns == Type::Void {
        "    \n".to_owned()
    } else {
        format!("    return {};\n", zero(&sig.returns))
    };
    let _ = write!(
        out,
        "{} {}({}) {{\n{body}}}\n",
        c_return(&sig.returns),
        camel_case(&sig.name),
        c_params(sig).join(", ")
    );
    out
}

const PRELUDE: &str = include_str!("support/c_prelude.h");

const SUPPORT: &str = include_str!("support/c_support.c");

fn reader(ty: &Type) -> &'static str {
    match ty {
        Type::Int => "rh_int",
        Type::Long => "rh_long",
        Type::Float => "rh_double",
        Type::Bool => "rh_bool",
        Type::Char => "rh_char",
        Type::String => "rh_string",
        Type::LinkedList => "rh_list",
        Type::Tree => "rh_tree",
        _ => "rh_int",
    }
}

fn writer(ty: &Type) -> &'static str {
    match ty {
        Type::Int => "rh_w_int",
        Type::Long => "rh_w_long",
        Type::Float => "rh_w_double",
        Type::Bool => "rh_w_bool",
        Type::Char => "rh_w_char",
        Type::String => "rh_w_string",
        Type::LinkedList => "rh_w_list",
        Type::Tree => "rh_w_tree",
        _ => "rh_w_int",
    }
}

pub fn function_harness(sig: &Signature, source: &str) -> String {
    let mut out = format!("{PRELUDE}#line 1 \"solution.c\"\n{source}\n#line 1 \"harness.c\"\n{SUPPORT}\nint main(void) {{\n    RhReader r = rh_stdin();\n    size_t nonce_len; char* nonce_at = rh_token(&r, &nonce_len);\n    char* nonce = malloc(nonce_len + 1); memcpy(nonce, nonce_at, nonce_len); nonce[nonce_len] = 0;\n");
    let mut args = Vec::new();
    for (i, p) in sig.params.iter().enumerate() {
        match &p.ty {
            Type::List(inner) => match inner.as_ref() {
                Type::List(t) => {
                    let e = element(t).unwrap_or("int");
                    let _ = writeln!(
                        out,
                        "    int a{i}Size = rh_int(&r); {e}** a{i} = malloc(sizeof({e}*) * (a{i}Size + 1)); int* a{i}Col = malloc(sizeof(int) * (a{i}Size + 1));\n    for (int i = 0; i < a{i}Size; i++) {{ a{i}Col[i] = rh_int(&r); a{i}[i] = malloc(sizeof({e}) * (a{i}Col[i] + 1)); for (int j = 0; j < a{i}Col[i]; j++) a{i}[i][j] = {}(&r); }}",
                        reader(t)
                    );
                    args.extend([format!("a{i}"), format!("a{i}Size"), format!("a{i}Col")]);
                }
                t => {
                    let e = element(t).unwrap_or("int");
                    let _ = writeln!(
                        out,
                        "    int a{i}Size = rh_int(&r); {e}* a{i} = malloc(sizeof({e}) * (a{i}Size + 1));\n    for (int i = 0; i < a{i}Size; i++) a{i}[i] = {}(&r);",
                        reader(t)
                    );
                    args.extend([format!("a{i}"), format!("a{i}Size")]);
                }
            },
            t => {
                let _ = writeln!(
                    out,
                    "    {} a{i} = {}(&r);",
                    element(t).unwrap_or("int"),
                    reader(t)
                );
                args.push(format!("a{i}"));
            }
        }
    }
    let name = camel_case(&sig.name);
    out.push_str("    RhWriter w = { NULL, 0, 0 };\n");
    match &sig.returns {
        Type::List(inner) => match inner.as_ref() {
            Type::List(t) => {
                args.extend(["&returnSize".into(), "&columnSizes".into()]);
                let _ = write!(
                    out,
                    "    int returnSize = 0; int* columnSizes = NULL;\n    {}** result = {name}({});\n    rh_put(&w, \"[\");\n    for (int i = 0; i < returnSize; i++) {{ if (i) rh_put(&w, \",\"); rh_put(&w, \"[\"); for (int j = 0; j < columnSizes[i]; j++) {{ if (j) rh_put(&w, \",\"); {}(&w, result[i][j]); }} rh_put(&w, \"]\"); }}\n    rh_put(&w, \"]\");\n",
                    element(t).unwrap_or("int"),
                    args.join(", "),
                    writer(t)
                );
            }
            t => {
                args.push("&returnSize".into());
                let _ = write!(
                    out,
                    "    int returnSize = 0;\n    {}* result = {name}({});\n    rh_put(&w, \"[\");\n    for (int i = 0; i < returnSize; i++) {{ if (i) rh_put(&w, \",\"); {}(&w, result[i]); }}\n    rh_put(&w, \"]\");\n",
                    element(t).unwrap_or("int"),
                    args.join(", "),
                    writer(t)
                );
            }
        },
        t => {
            let _ = write!(
                out,
                "    {} result = {name}({});\n    {}(&w, result);\n",
                element(t).unwrap_or("int"),
                args.join(", "),
                writer(t)
            );
        }
    }
    out.push_str("    rh_emit(nonce, &w);\n    return 0;\n}\n");
    out
}
