//! Per-language code around a candidate's solution, generated from the
//! challenge's signature: the **starter** code the candidate sees, and the
//! **harness** that decodes a test's input, calls the candidate's function
//! (or class methods) and prints the result.
//!
//! Starter code follows LeetCode's conventions per language, so a solution
//! written there runs here unchanged: Python `class Solution` with camelCase
//! methods (a plain function also works), JavaScript `var twoSum =
//! function(…)`, C++ `class Solution { public: … }` with `vector`/`string`,
//! Rust `impl Solution { pub fn two_sum(…) }`, C with pointer + size pairs.
//!
//! How a test travels (host → program → host):
//!
//! - stdin starts with a per-run *nonce* line, then the arguments: JSON for
//!   Python and JavaScript (their own parsers are fast), the token format of
//!   [`wire`] for Rust, C++ and C (no JSON library needed there);
//! - the harness prints `\n<nonce>\n<result as JSON>\n` after whatever the
//!   candidate printed, so debug output never corrupts the result, and
//!   [`split_output`] takes the result from after the last nonce.
//!
//! The candidate's lines keep their numbers in compiler messages and
//! tracebacks: Python runs the solution from its own `solution.py`; C and
//! C++ reset numbering with `#line`; Rust and JavaScript put the harness
//! after the solution.

mod c;
mod cpp;
mod javascript;
mod python;
mod rust;
pub mod wire;

use rehearse_sandbox::Language;
use serde_json::Value;

use crate::challenges::model::{CodeMode, TestInput};
use crate::challenges::signature::ClassSpec;
use crate::challenges::types::Type;

/// The harness's answers to what the package format asks of languages
/// (`challenges::load_package` takes it).
pub const SUPPORT: &Support = &Support;

pub struct Support;

impl crate::challenges::LanguageSupport for Support {
    fn languages(&self) -> &[Language] {
        &LANGUAGES
    }

    fn unsupported(&self, language: Language, mode: &CodeMode) -> Option<String> {
        unsupported(language, mode)
    }

    fn starter(&self, language: Language, mode: &CodeMode) -> String {
        starter(language, mode)
    }
}

/// The languages code challenges are offered in, in display order.
const LANGUAGES: [Language; 5] = [
    Language::Python,
    Language::JavaScript,
    Language::Cpp,
    Language::Rust,
    Language::C,
];

/// Why `language` cannot be offered for a challenge in `mode`, if it can't.
fn unsupported(language: Language, mode: &CodeMode) -> Option<String> {
    match (language, mode) {
        (Language::Sql, _) => Some("SQL is for SQL challenges".into()),
        (_, CodeMode::Stdio) => None,
        (Language::C, CodeMode::Class { .. }) => {
            Some("class-design challenges are not offered in C".into())
        }
        (Language::C, CodeMode::Function { signature }) => signature
            .all_types()
            .find_map(|ty| c::unsupported_type(ty).map(|why| format!("`{ty}` {why}"))),
        _ => None,
    }
}

/// The code a candidate starts from.
fn starter(language: Language, mode: &CodeMode) -> String {
    match mode {
        CodeMode::Stdio => stdio_starter(language),
        CodeMode::Function { signature } => match language {
            Language::Python => python::function_starter(signature),
            Language::JavaScript => javascript::function_starter(signature),
            Language::Rust => rust::function_starter(signature),
            Language::Cpp => cpp::function_starter(signature),
            Language::C => c::function_starter(signature),
            Language::Sql => String::new(),
        },
        CodeMode::Class { class } => match language {
            Language::Python => python::class_starter(class),
            Language::JavaScript => javascript::class_starter(class),
            Language::Rust => rust::class_starter(class),
            Language::Cpp => cpp::class_starter(class),
            Language::C | Language::Sql => String::new(),
        },
    }
}

/// The whole program that runs: the candidate's source with the harness
/// around it (stdio programs run as they are).
pub fn program(language: Language, mode: &CodeMode, source: &str) -> String {
    match mode {
        CodeMode::Stdio => source.to_owned(),
        CodeMode::Function { signature } => match language {
            Language::Python => python::function_harness(signature, source),
            Language::JavaScript => javascript::function_harness(signature, source),
            Language::Rust => rust::function_harness(signature, source),
            Language::Cpp => cpp::function_harness(signature, source),
            Language::C => c::function_harness(signature, source),
            Language::Sql => source.to_owned(),
        },
        CodeMode::Class { class } => match language {
            Language::Python => python::class_harness(class, source),
            Language::JavaScript => javascript::class_harness(class, source),
            Language::Rust => rust::class_harness(class, source),
            Language::Cpp => cpp::class_harness(class, source),
            Language::C | Language::Sql => source.to_owned(),
        },
    }
}

/// What the program reads on stdin for one test.
pub fn stdin(language: Language, mode: &CodeMode, input: &TestInput, nonce: &str) -> Vec<u8> {
    let json_args = matches!(language, Language::Python | Language::JavaScript);
    match (mode, input) {
        (_, TestInput::Stdin(text)) => text.as_bytes().to_vec(),
        (CodeMode::Function { signature }, TestInput::Args(args)) => {
            let mut out = format!("{nonce}\n").into_bytes();
            if json_args {
                out.extend(Value::Array(args.clone()).to_string().into_bytes());
            } else {
                for (param, value) in signature.params.iter().zip(args) {
                    wire::encode(value, &param.ty, &mut out);
                }
            }
            out
        }
        (CodeMode::Class { class }, TestInput::Calls(calls)) => {
            let mut out = format!("{nonce}\n").into_bytes();
            let ops: Vec<(usize, &Vec<Value>)> = calls
                .iter()
                .enumerate()
                .map(|(k, call)| {
                    (
                        if k == 0 {
                            0
                        } else {
                            method_index(class, &call.method)
                        },
                        &call.args,
                    )
                })
                .collect();
            if json_args {
                let json: Vec<Value> = ops
                    .iter()
                    .map(|(index, args)| serde_json::json!([index, args]))
                    .collect();
                out.extend(Value::Array(json).to_string().into_bytes());
            } else {
                out.extend(format!("{} ", ops.len()).into_bytes());
                for (index, args) in ops {
                    out.extend(format!("{index} ").into_bytes());
                    let params = if index == 0 {
                        &class.constructor
                    } else {
                        &class.methods[index - 1].params
                    };
                    for (param, value) in params.iter().zip(args) {
                        wire::encode(value, &param.ty, &mut out);
                    }
                }
            }
            out
        }
        // The loader guarantees inputs match their mode.
        _ => Vec::new(),
    }
}

/// 1-based index of a method (0 is the constructor).
fn method_index(class: &ClassSpec, name: &str) -> usize {
    class
        .methods
        .iter()
        .position(|m| m.name == name)
        .map(|i| i + 1)
        .unwrap_or(0)
}

/// What a harnessed run printed: the candidate's own output, and the result
/// (absent when the program ended before returning).
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    pub printed: String,
    pub result: Option<Result<Value, String>>,
}

/// Splits a harnessed program's stdout at the last nonce line.
pub fn split_output(stdout: &[u8], nonce: &str) -> Output {
    let text = String::from_utf8_lossy(stdout);
    let marker = format!("\n{nonce}\n");
    match text.rfind(&marker) {
        Some(at) => {
            let result = text[at + marker.len()..].trim();
            Output {
                printed: text[..at].to_owned(),
                result: Some(
                    serde_json::from_str(result)
                        .map_err(|e| format!("the result could not be read as JSON ({e})")),
                ),
            }
        }
        None => Output {
            printed: text.into_owned(),
            result: None,
        },
    }
}

/// Values of these types come back as `null` for "empty" from some
/// languages (a null `ListNode*`); they mean the empty list.
pub fn normalise_result(value: Value, ty: &Type) -> Value {
    match (ty, value) {
        (Type::LinkedList | Type::Tree, Value::Null) => Value::Array(Vec::new()),
        (_, value) => value,
    }
}

fn stdio_starter(language: Language) -> String {
    match language {
        Language::Python => "import sys\n\n\ndef main():\n    data = sys.stdin.read().split()\n    # your code here\n\n\nmain()\n".into(),
        Language::JavaScript => "const input = require(\"fs\").readFileSync(0, \"utf8\").split(/\\s+/).filter(Boolean);\n// your code here\n".into(),
        Language::Rust => "use std::io::{self, Read, Write};\n\nfn main() {\n    let mut input = String::new();\n    io::stdin().read_to_string(&mut input).unwrap();\n    let mut tokens = input.split_ascii_whitespace();\n    let mut out = io::stdout().lock();\n    // your code here\n    let _ = (&mut tokens, &mut out);\n    out.flush().unwrap();\n}\n".into(),
        Language::Cpp => "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    ios::sync_with_stdio(false);\n    cin.tie(nullptr);\n    // your code here\n    return 0;\n}\n".into(),
        Language::C => "#include <stdio.h>\n#include <stdlib.h>\n\nint main(void) {\n    /* your code here */\n    return 0;\n}\n".into(),
        Language::Sql => String::new(),
    }
}

/// Whether any of `types`, or a type nested inside one, is `wanted`
/// (the harnesses define `ListNode`/`TreeNode` and imports only when used).
pub(crate) fn uses<'a>(
    types: impl IntoIterator<Item = &'a Type>,
    wanted: impl Fn(&Type) -> bool,
) -> bool {
    fn walk(ty: &Type, wanted: &dyn Fn(&Type) -> bool) -> bool {
        wanted(ty)
            || matches!(ty, Type::List(t) | Type::Map(t) | Type::Optional(t) if walk(t, wanted))
    }
    types.into_iter().any(|t| walk(t, &wanted))
}

/// JSON string literal: also a valid Python, JavaScript, Rust (raw-free) or
/// C string literal for the ASCII range we put in it.
pub(crate) fn quoted(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn result_comes_from_after_the_last_nonce() {
        let out = split_output(b"debug\n\nabc\n[1,2]\n", "abc");
        assert_eq!(out.printed, "debug\n");
        assert_eq!(out.result, Some(Ok(serde_json::json!([1, 2]))));
        // A candidate printing the marker first cannot hide the real result.
        let out = split_output(b"\nabc\n[9]\n\nabc\n[1]\n", "abc");
        assert_eq!(out.result, Some(Ok(serde_json::json!([1]))));
        let out = split_output(b"crashed before returning", "abc");
        assert_eq!(out.result, None);
        let out = split_output(b"\nabc\n[1,", "abc");
        assert!(matches!(out.result, Some(Err(_))));
    }
}
