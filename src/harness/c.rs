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

const PRELUDE: &str = r#"#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct ListNode {
    int val;
    struct ListNode *next;
};
struct TreeNode {
    int val;
    struct TreeNode *left;
    struct TreeNode *right;
};
"#;

const SUPPORT: &str = r#"
typedef struct { char* d; size_t n, p; } RhReader;
typedef struct { char* s; size_t n, cap; } RhWriter;
static void rh_fail(const char* what) { fprintf(stderr, "%s\n", what); exit(1); }
static RhReader rh_stdin(void) {
    RhReader r = { NULL, 0, 0 }; size_t cap = 0; char buf[65536]; size_t got;
    while ((got = fread(buf, 1, sizeof buf, stdin)) > 0) {
        if (r.n + got + 1 > cap) { cap = (r.n + got + 1) * 2; r.d = realloc(r.d, cap); if (!r.d) rh_fail("harness: out of memory"); }
        memcpy(r.d + r.n, buf, got); r.n += got;
    }
    if (!r.d) { r.d = malloc(1); }
    r.d[r.n] = 0;
    return r;
}
static char* rh_token(RhReader* r, size_t* len) {
    while (r->p < r->n && isspace((unsigned char)r->d[r->p])) r->p++;
    size_t s = r->p;
    while (r->p < r->n && !isspace((unsigned char)r->d[r->p])) r->p++;
    *len = r->p - s;
    return r->d + s;
}
static long long rh_long(RhReader* r) { size_t n; char* t = rh_token(r, &n); return strtoll(t, NULL, 10); }
static int rh_int(RhReader* r) { return (int)rh_long(r); }
static double rh_double(RhReader* r) { size_t n; char* t = rh_token(r, &n); return strtod(t, NULL); }
static bool rh_bool(RhReader* r) { return rh_long(r) == 1; }
static char rh_char(RhReader* r) { return (char)rh_long(r); }
static char* rh_string(RhReader* r) {
    size_t n = (size_t)rh_long(r); char* s = malloc(n + 1); if (!s) rh_fail("harness: out of memory");
    memcpy(s, r->d + r->p + 1, n); s[n] = 0; r->p += 1 + n; return s;
}
static struct ListNode* rh_list(RhReader* r) {
    int n = rh_int(r); struct ListNode* head = NULL; struct ListNode** tail = &head;
    for (int i = 0; i < n; i++) { struct ListNode* node = malloc(sizeof *node); node->val = rh_int(r); node->next = NULL; *tail = node; tail = &node->next; }
    return head;
}
static struct TreeNode* rh_tree(RhReader* r) {
    int n = rh_int(r); if (n == 0) return NULL;
    struct TreeNode** nodes = calloc((size_t)n, sizeof *nodes);
    for (int i = 0; i < n; i++) { if (rh_bool(r)) { struct TreeNode* t = malloc(sizeof *t); t->val = rh_int(r); t->left = t->right = NULL; nodes[i] = t; } }
    int child = 1;
    for (int i = 0; i < n && child < n; i++) {
        if (!nodes[i]) continue;
        if (child < n) nodes[i]->left = nodes[child++];
        if (child < n) nodes[i]->right = nodes[child++];
    }
    struct TreeNode* root = nodes[0]; free(nodes); return root;
}
static void rh_raw(RhWriter* w, const char* t, size_t n) {
    if (w->n + n + 1 > w->cap) { w->cap = (w->n + n + 1) * 2; w->s = realloc(w->s, w->cap); if (!w->s) rh_fail("harness: out of memory"); }
    memcpy(w->s + w->n, t, n); w->n += n; w->s[w->n] = 0;
}
static void rh_put(RhWriter* w, const char* t) { rh_raw(w, t, strlen(t)); }
static void rh_w_long(RhWriter* w, long long v) { char b[32]; snprintf(b, sizeof b, "%lld", v); rh_put(w, b); }
static void rh_w_int(RhWriter* w, int v) { rh_w_long(w, v); }
static void rh_w_double(RhWriter* w, double v) { if (isfinite(v)) { char b[40]; snprintf(b, sizeof b, "%.17g", v); rh_put(w, b); } else rh_put(w, "null"); }
static void rh_w_bool(RhWriter* w, bool v) { rh_put(w, v ? "true" : "false"); }
static void rh_w_string(RhWriter* w, const char* t) {
    if (!t) { rh_put(w, "null"); return; }
    rh_put(w, "\"");
    for (const unsigned char* c = (const unsigned char*)t; *c; c++) {
        char b[8];
        switch (*c) {
            case '"': rh_put(w, "\\\""); break;
            case '\\': rh_put(w, "\\\\"); break;
            case '\n': rh_put(w, "\\n"); break;
            case '\r': rh_put(w, "\\r"); break;
            case '\t': rh_put(w, "\\t"); break;
            default: if (*c < 0x20) { snprintf(b, sizeof b, "\\u%04x", *c); rh_put(w, b); } else rh_raw(w, (const char*)c, 1);
        }
    }
    rh_put(w, "\"");
}
static void rh_w_char(RhWriter* w, char c) { char t[2] = { c, 0 }; rh_w_string(w, t); }
static void rh_w_list(RhWriter* w, struct ListNode* node) {
    /* Floyd's check: a cycle would otherwise print forever. */
    struct ListNode* slow = node; long count = 0;
    rh_put(w, "[");
    for (; node; node = node->next) {
        if (count++) rh_put(w, ",");
        rh_w_int(w, node->val);
        if (count % 2 == 0) { slow = slow->next; if (node->next && slow == node->next) rh_fail("the returned linked list has a cycle"); }
    }
    rh_put(w, "]");
}
static void rh_w_tree(RhWriter* w, struct TreeNode* root) {
    size_t cap = 1024, len = 0; struct TreeNode** queue = malloc(cap * sizeof *queue); queue[len++] = root;
    size_t last = 0;
    for (size_t head = 0; head < len; head++) {
        if (queue[head]) {
            last = head;
            if (len + 2 > cap) { cap *= 2; queue = realloc(queue, cap * sizeof *queue); }
            queue[len++] = queue[head]->left; queue[len++] = queue[head]->right;
            if (len > 20000000) rh_fail("the returned tree has a cycle");
        }
    }
    rh_put(w, "[");
    if (root) for (size_t i = 0; i <= last; i++) { if (i) rh_put(w, ","); if (queue[i]) rh_w_int(w, queue[i]->val); else rh_put(w, "null"); }
    rh_put(w, "]");
    free(queue);
}
static void rh_emit(const char* nonce, RhWriter* w) {
    fflush(stdout);
    printf("\n%s\n%s\n", nonce, w->s ? w->s : "null");
    fflush(stdout);
}
"#;

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
