//! The language-neutral type language of function signatures.
//!
//! A challenge declares `two_sum(nums: list<int>, target: int) -> list<int>`
//! once; `harness` turns each type into every language's own (`List[int]`,
//! `Vec<i32>`, `vector<int>`, `int*` + size …) and tests give values as JSON.
//!
//! | type | JSON value |
//! | --- | --- |
//! | `int` (32-bit), `long` (64-bit) | integer |
//! | `float` | number |
//! | `bool` | `true` / `false` |
//! | `char` | a one-character ASCII string |
//! | `string` | string |
//! | `list<T>` | array |
//! | `map<string,T>` | object |
//! | `optional<T>` | `null` or a `T` |
//! | `linked_list` | array of ints, head first (`ListNode`) |
//! | `tree` | LeetCode's level order with `null` gaps (`TreeNode`) |
//! | `void` | nothing (return type only) |

use std::fmt;

use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Type {
    Int,
    Long,
    Float,
    Bool,
    Char,
    String,
    List(Box<Type>),
    Map(Box<Type>),
    Optional(Box<Type>),
    LinkedList,
    Tree,
    Void,
}

impl Type {
    /// Parses `list<map<string,int>>` and friends. Whitespace is ignored.
    pub fn parse(raw: &str) -> Result<Type, String> {
        let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        let mut parser = Parser {
            text: &compact,
            pos: 0,
        };
        let ty = parser.ty()?;
        if parser.pos != compact.len() {
            return Err(format!(
                "unexpected `{}` after the type `{ty}`",
                &compact[parser.pos..]
            ));
        }
        if ty.contains_void_inside() {
            return Err("`void` can only be a whole return type".into());
        }
        Ok(ty)
    }

    fn contains_void_inside(&self) -> bool {
        match self {
            Type::List(t) | Type::Map(t) | Type::Optional(t) => {
                **t == Type::Void || t.contains_void_inside()
            }
            _ => false,
        }
    }

    /// Checks a JSON value against this type; the error names the place
    /// inside the value (`[2][0]`, `.key`) and what was expected.
    pub fn check(&self, value: &Value) -> Result<(), String> {
        self.check_at(value, &mut String::new())
    }

    fn check_at(&self, value: &Value, path: &mut String) -> Result<(), String> {
        let fail = |path: &str, what: &str| {
            let place = if path.is_empty() {
                String::new()
            } else {
                format!(" at {path}")
            };
            Err(format!("expected {what}{place}, found {}", describe(value)))
        };
        match self {
            Type::Int => match value.as_i64() {
                Some(n) if i32::try_from(n).is_ok() => Ok(()),
                Some(_) => fail(path, "a 32-bit int (use `long` for larger values)"),
                None => fail(path, "an int"),
            },
            Type::Long => match value {
                Value::Number(n) if n.is_i64() => Ok(()),
                _ => fail(path, "a 64-bit integer"),
            },
            Type::Float => match value {
                Value::Number(_) => Ok(()),
                _ => fail(path, "a number"),
            },
            Type::Bool => match value {
                Value::Bool(_) => Ok(()),
                _ => fail(path, "true or false"),
            },
            Type::Char => match value.as_str() {
                Some(s) if s.len() == 1 && s.is_ascii() => Ok(()),
                _ => fail(path, "a one-character ASCII string"),
            },
            Type::String => match value {
                Value::String(_) => Ok(()),
                _ => fail(path, "a string"),
            },
            Type::Void => match value {
                Value::Null => Ok(()),
                _ => fail(path, "null (the method returns nothing)"),
            },
            Type::Optional(inner) => match value {
                Value::Null => Ok(()),
                _ => inner.check_at(value, path),
            },
            Type::List(inner) => {
                let Some(items) = value.as_array() else {
                    return fail(path, &format!("a list of {inner}"));
                };
                for (i, item) in items.iter().enumerate() {
                    let len = path.len();
                    path.push_str(&format!("[{i}]"));
                    inner.check_at(item, path)?;
                    path.truncate(len);
                }
                Ok(())
            }
            Type::Map(inner) => {
                let Some(entries) = value.as_object() else {
                    return fail(path, &format!("an object of {inner} values"));
                };
                for (key, item) in entries {
                    let len = path.len();
                    path.push_str(&format!(".{key}"));
                    inner.check_at(item, path)?;
                    path.truncate(len);
                }
                Ok(())
            }
            Type::LinkedList => {
                let Some(items) = value.as_array() else {
                    return fail(path, "a linked list as a list of ints");
                };
                for (i, item) in items.iter().enumerate() {
                    let len = path.len();
                    path.push_str(&format!("[{i}]"));
                    Type::Int.check_at(item, path)?;
                    path.truncate(len);
                }
                Ok(())
            }
            Type::Tree => {
                let Some(items) = value.as_array() else {
                    return fail(path, "a tree as a level-order list of ints and nulls");
                };
                if items.first().is_some_and(Value::is_null) {
                    return fail(path, "a tree whose root (first item) is not null");
                }
                for (i, item) in items.iter().enumerate() {
                    let len = path.len();
                    path.push_str(&format!("[{i}]"));
                    Type::Optional(Box::new(Type::Int)).check_at(item, path)?;
                    path.truncate(len);
                }
                check_level_order(items).or_else(|e| fail(path, &e))
            }
        }
    }

    /// Whether values of this type may be compared as floats.
    pub fn has_floats(&self) -> bool {
        match self {
            Type::Float => true,
            Type::List(t) | Type::Map(t) | Type::Optional(t) => t.has_floats(),
            _ => false,
        }
    }
}

/// Every non-null entry after the root must hang under an earlier non-null
/// node: LeetCode's encoding has exactly two child slots per node.
fn check_level_order(items: &[Value]) -> Result<(), String> {
    let mut slots = 1usize; // the root's place
    for (i, item) in items.iter().enumerate() {
        if slots == 0 {
            return Err(format!(
                "a level-order tree whose entries end at a leaf (entry [{i}] has no parent)"
            ));
        }
        slots -= 1;
        if !item.is_null() {
            slots += 2;
        }
    }
    Ok(())
}

fn describe(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 40 {
        let cut: String = text.chars().take(40).collect();
        format!("{cut}…")
    } else {
        text
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Int => f.write_str("int"),
            Type::Long => f.write_str("long"),
            Type::Float => f.write_str("float"),
            Type::Bool => f.write_str("bool"),
            Type::Char => f.write_str("char"),
            Type::String => f.write_str("string"),
            Type::List(t) => write!(f, "list<{t}>"),
            Type::Map(t) => write!(f, "map<string,{t}>"),
            Type::Optional(t) => write!(f, "optional<{t}>"),
            Type::LinkedList => f.write_str("linked_list"),
            Type::Tree => f.write_str("tree"),
            Type::Void => f.write_str("void"),
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn ident(&mut self) -> &str {
        let rest = &self.text[self.pos..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        self.pos += len;
        &rest[..len]
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        if self.text[self.pos..].starts_with(c) {
            self.pos += 1;
            Ok(())
        } else {
            let found = self.text[self.pos..].chars().next();
            Err(match found {
                Some(found) => format!("expected `{c}` at position {}, found `{found}`", self.pos),
                None => format!("expected `{c}` at the end"),
            })
        }
    }

    fn ty(&mut self) -> Result<Type, String> {
        let name = self.ident().to_ascii_lowercase();
        Ok(match name.as_str() {
            "int" => Type::Int,
            "long" => Type::Long,
            "float" | "double" => Type::Float,
            "bool" => Type::Bool,
            "char" => Type::Char,
            "string" | "str" => Type::String,
            "void" => Type::Void,
            "linked_list" | "listnode" => Type::LinkedList,
            "tree" | "treenode" => Type::Tree,
            "list" => {
                self.expect('<')?;
                let inner = self.ty()?;
                self.expect('>')?;
                Type::List(Box::new(inner))
            }
            "optional" => {
                self.expect('<')?;
                let inner = self.ty()?;
                self.expect('>')?;
                Type::Optional(Box::new(inner))
            }
            "map" => {
                self.expect('<')?;
                let key = self.ident().to_ascii_lowercase();
                if key != "string" {
                    return Err(format!(
                        "map keys must be `string` (found `{key}`); JSON objects have string keys"
                    ));
                }
                self.expect(',')?;
                let inner = self.ty()?;
                self.expect('>')?;
                Type::Map(Box::new(inner))
            }
            "" => return Err(format!("expected a type at position {}", self.pos)),
            other => {
                return Err(format!(
                    "unknown type `{other}`; known: int, long, float, bool, char, string, \
                     list<T>, map<string,T>, optional<T>, linked_list, tree, void"
                ))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_nested_types_and_prints_them_back() {
        for raw in [
            "int",
            "list<list<int>>",
            "map<string,list<string>>",
            "optional<long>",
            "tree",
            "linked_list",
        ] {
            assert_eq!(Type::parse(raw).map(|t| t.to_string()), Ok(raw.to_owned()));
        }
        assert_eq!(
            Type::parse(" list < int > "),
            Ok(Type::List(Box::new(Type::Int)))
        );
    }

    #[test]
    fn rejects_malformed_types_with_a_reason() {
        assert!(Type::parse("list<int")
            .unwrap_err()
            .contains("expected `>`"));
        assert!(Type::parse("map<int,int>")
            .unwrap_err()
            .contains("map keys"));
        assert!(Type::parse("set<int>")
            .unwrap_err()
            .contains("unknown type `set`"));
        assert!(Type::parse("list<void>").unwrap_err().contains("void"));
        assert!(Type::parse("int>").unwrap_err().contains("unexpected"));
    }

    #[test]
    fn checks_values_and_points_at_the_bad_element() {
        let grid = Type::parse("list<list<int>>").unwrap();
        assert!(grid.check(&json!([[1, 2], [3]])).is_ok());
        let err = grid.check(&json!([[1, 2], [3, "x"]])).unwrap_err();
        assert!(err.contains("[1][1]"), "{err}");
        assert!(Type::Int.check(&json!(3_000_000_000i64)).is_err());
        assert!(Type::Long.check(&json!(3_000_000_000i64)).is_ok());
        assert!(Type::Char.check(&json!("ab")).is_err());
        assert!(Type::Tree.check(&json!([1, null, 2])).is_ok());
        assert!(Type::Tree.check(&json!([null])).is_err());
        assert!(Type::Tree.check(&json!([1, null, null, 3])).is_err());
    }
}
