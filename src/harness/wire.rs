//! The token format test arguments travel in to Rust, C++ and C harnesses,
//! which have no JSON parser to hand. Every token ends with one space:
//!
//! | type | tokens |
//! | --- | --- |
//! | int, long | the decimal number |
//! | float | the number (shortest form that reads back exactly) |
//! | bool | `1` or `0` |
//! | char | its ASCII code |
//! | string | its byte length, then the bytes |
//! | list, linked_list | the length, then each item |
//! | map | the number of entries, then key and value of each |
//! | optional | `0`, or `1` and the value |
//! | tree | the number of level-order slots, then `0` (null) or `1 v` each |
//!
//! Readers skip whitespace before a token; after a string's length they
//! skip exactly one space, then take that many bytes as they are.

use serde_json::Value;

use crate::challenges::types::Type;

/// Appends `value` (already checked against `ty`) in the token format.
pub fn encode(value: &Value, ty: &Type, out: &mut Vec<u8>) {
    token(value, ty, out);
    out.push(b' ');
}

/// Writes the tokens of `value` with single spaces between them and none
/// after the last.
fn token(value: &Value, ty: &Type, out: &mut Vec<u8>) {
    match ty {
        Type::Int | Type::Long => {
            out.extend(value.as_i64().unwrap_or(0).to_string().into_bytes());
        }
        Type::Float => {
            let f = value.as_f64().unwrap_or(0.0);
            out.extend(format!("{f:?}").into_bytes());
        }
        Type::Bool => out.push(if value.as_bool().unwrap_or(false) {
            b'1'
        } else {
            b'0'
        }),
        Type::Char => {
            let code = value
                .as_str()
                .and_then(|s| s.bytes().next())
                .unwrap_or(b' ');
            out.extend(code.to_string().into_bytes());
        }
        Type::String => {
            let text = value.as_str().unwrap_or("");
            out.extend(format!("{} ", text.len()).into_bytes());
            out.extend(text.as_bytes());
        }
        Type::List(inner) => {
            let items = value.as_array().map(Vec::as_slice).unwrap_or_default();
            out.extend(items.len().to_string().into_bytes());
            for item in items {
                out.push(b' ');
                token(item, inner, out);
            }
        }
        Type::LinkedList => token(value, &Type::List(Box::new(Type::Int)), out),
        Type::Map(inner) => {
            let empty = serde_json::Map::new();
            let entries = value.as_object().unwrap_or(&empty);
            out.extend(entries.len().to_string().into_bytes());
            for (key, item) in entries {
                out.push(b' ');
                token(&Value::String(key.clone()), &Type::String, out);
                out.push(b' ');
                token(item, inner, out);
            }
        }
        Type::Optional(inner) => {
            if value.is_null() {
                out.push(b'0');
            } else {
                out.extend(b"1 ");
                token(value, inner, out);
            }
        }
        Type::Tree => {
            let items = value.as_array().map(Vec::as_slice).unwrap_or_default();
            out.extend(items.len().to_string().into_bytes());
            for item in items {
                match item.as_i64() {
                    Some(v) => out.extend(format!(" 1 {v}").into_bytes()),
                    None => out.extend(b" 0"),
                }
            }
        }
        Type::Void => out.push(b'0'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn enc(value: Value, ty: &str) -> String {
        let mut out = Vec::new();
        encode(&value, &Type::parse(ty).unwrap(), &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn encodes_each_type_as_space_terminated_tokens() {
        assert_eq!(enc(json!(-5), "int"), "-5 ");
        assert_eq!(enc(json!(2), "float"), "2.0 ");
        assert_eq!(enc(json!(0.1), "float"), "0.1 ");
        assert_eq!(enc(json!(true), "bool"), "1 ");
        assert_eq!(enc(json!("a"), "char"), "97 ");
        assert_eq!(enc(json!("hi there"), "string"), "8 hi there ");
        assert_eq!(enc(json!(""), "string"), "0  ");
        assert_eq!(enc(json!([1, 2, 3]), "list<int>"), "3 1 2 3 ");
        assert_eq!(enc(json!([]), "list<int>"), "0 ");
        assert_eq!(enc(json!([[1], []]), "list<list<int>>"), "2 1 1 0 ");
        assert_eq!(enc(json!(["a b", ""]), "list<string>"), "2 3 a b 0  ");
        assert_eq!(enc(json!({"k": 1}), "map<string,int>"), "1 1 k 1 ");
        assert_eq!(enc(json!(null), "optional<int>"), "0 ");
        assert_eq!(enc(json!(4), "optional<int>"), "1 4 ");
        assert_eq!(enc(json!([1, 2]), "linked_list"), "2 1 2 ");
        assert_eq!(enc(json!([1, null, 2]), "tree"), "3 1 1 0 1 2 ");
    }
}
