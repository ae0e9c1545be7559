//! Function and class signatures, written once in a challenge's manifest as
//! `two_sum(nums: list<int>, target: int) -> list<int>`.
//!
//! Names are snake_case in the manifest; each language gets its own casing
//! (`twoSum` in Python, JavaScript, C++ and C; `two_sum` in Rust), as
//! LeetCode does.

use serde::{Deserialize, Serialize};

use super::types::Type;

/// A named, typed parameter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Param {
    pub name: String,
    #[serde(with = "type_text")]
    pub ty: Type,
}

/// `name(params) -> returns`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    pub name: String,
    pub params: Vec<Param>,
    #[serde(with = "type_text")]
    pub returns: Type,
}

/// A class whose methods the tests call in sequence (an LRU cache, a rate
/// limiter): LeetCode's "design" problems.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassSpec {
    /// PascalCase, the same in every language (`LRUCache`).
    pub name: String,
    pub constructor: Vec<Param>,
    pub methods: Vec<Signature>,
}

impl ClassSpec {
    pub fn method(&self, name: &str) -> Option<&Signature> {
        self.methods.iter().find(|m| m.name == name)
    }

    pub fn all_types(&self) -> impl Iterator<Item = &Type> + Clone {
        self.constructor
            .iter()
            .map(|p| &p.ty)
            .chain(self.methods.iter().flat_map(Signature::all_types))
    }
}

impl Signature {
    /// Parses `name(a: T, b: U) -> R`; `-> R` may be left out for `void`.
    pub fn parse(raw: &str) -> Result<Signature, String> {
        let raw = raw.trim();
        let open = raw
            .find('(')
            .ok_or_else(|| format!("expected `name(param: type, …) -> type`, found `{raw}`"))?;
        let name = raw[..open].trim();
        check_snake_name(name, "function")?;
        let close = matching_paren(raw, open)
            .ok_or_else(|| "the parameter list has no closing `)`".to_owned())?;
        let params = parse_params(&raw[open + 1..close])?;
        let rest = raw[close + 1..].trim();
        let returns = if rest.is_empty() {
            Type::Void
        } else {
            let ty = rest.strip_prefix("->").ok_or_else(|| {
                format!("expected `-> type` after the parameters, found `{rest}`")
            })?;
            Type::parse(ty).map_err(|e| format!("return type: {e}"))?
        };
        Ok(Signature {
            name: name.to_owned(),
            params,
            returns,
        })
    }

    pub fn all_types(&self) -> impl Iterator<Item = &Type> + Clone {
        self.params
            .iter()
            .map(|p| &p.ty)
            .chain(std::iter::once(&self.returns))
    }
}

/// Parses a constructor's `(capacity: int)` (the parentheses are optional).
pub fn parse_constructor(raw: &str) -> Result<Vec<Param>, String> {
    let raw = raw.trim();
    let inner = raw
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(raw);
    parse_params(inner)
}

/// Checks a class name: PascalCase ASCII letters and digits.
pub fn check_class_name(name: &str) -> Result<(), String> {
    let ok = name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
        && name.len() <= 40;
    if ok {
        Ok(())
    } else {
        Err(format!(
            "class name `{name}` must be PascalCase letters and digits (like `LRUCache`)"
        ))
    }
}

fn matching_paren(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices().skip_while(|(i, _)| *i < open) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn parse_params(list: &str) -> Result<Vec<Param>, String> {
    let mut params: Vec<Param> = Vec::new();
    if list.trim().is_empty() {
        return Ok(params);
    }
    for part in split_top_level(list) {
        let (name, ty) = part
            .split_once(':')
            .ok_or_else(|| format!("parameter `{}` needs a type: `name: type`", part.trim()))?;
        let name = name.trim();
        check_snake_name(name, "parameter")?;
        if params.iter().any(|p| p.name == name) {
            return Err(format!("parameter `{name}` appears twice"));
        }
        let ty = Type::parse(ty).map_err(|e| format!("parameter `{name}`: {e}"))?;
        if ty == Type::Void {
            return Err(format!("parameter `{name}` cannot be `void`"));
        }
        params.push(Param {
            name: name.to_owned(),
            ty,
        });
    }
    Ok(params)
}

/// Splits on commas that are not inside `<…>` (`map<string,int>` has one).
fn split_top_level(list: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in list.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&list[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&list[start..]);
    parts
}

/// Words no generated program may use as a name in some language.
const RESERVED: &[&str] = &[
    "abstract",
    "and",
    "as",
    "assert",
    "async",
    "auto",
    "await",
    "bool",
    "break",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "crate",
    "def",
    "default",
    "del",
    "delete",
    "do",
    "double",
    "dyn",
    "elif",
    "else",
    "enum",
    "except",
    "export",
    "extern",
    "false",
    "final",
    "finally",
    "float",
    "fn",
    "for",
    "from",
    "function",
    "global",
    "goto",
    "if",
    "impl",
    "import",
    "in",
    "int",
    "is",
    "lambda",
    "let",
    "long",
    "loop",
    "match",
    "mod",
    "move",
    "mut",
    "new",
    "nonlocal",
    "not",
    "null",
    "operator",
    "or",
    "pass",
    "private",
    "protected",
    "pub",
    "public",
    "raise",
    "ref",
    "register",
    "return",
    "self",
    "short",
    "signed",
    "sizeof",
    "static",
    "struct",
    "super",
    "switch",
    "template",
    "this",
    "throw",
    "trait",
    "true",
    "try",
    "type",
    "typedef",
    "typeof",
    "union",
    "unsafe",
    "unsigned",
    "use",
    "var",
    "virtual",
    "void",
    "volatile",
    "where",
    "while",
    "with",
    "yield",
    "main",
    "solution",
    "string",
    "vector",
    "list",
    "map",
    "none",
];

/// Names are snake_case ASCII (`two_sum`, `num_courses`), not reserved in
/// any language, and do not start with `__` (the harness's own names).
pub fn check_snake_name(name: &str, what: &str) -> Result<(), String> {
    let ok = name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.ends_with('_')
        && !name.contains("__")
        && name.len() <= 40;
    if !ok {
        return Err(format!(
            "{what} name `{name}` must be snake_case: lower-case letters, digits and single underscores, starting with a letter"
        ));
    }
    if RESERVED.contains(&name) || RESERVED.contains(&camel_case(name).as_str()) {
        return Err(format!(
            "{what} name `{name}` is a keyword or reserved name in one of the languages; pick another"
        ));
    }
    Ok(())
}

/// `two_sum` → `twoSum`.
pub fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Types travel as their text form (`list<int>`) in stored packages.
mod type_text {
    use super::Type;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(ty: &Type, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(ty)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Type, D::Error> {
        let text = String::deserialize(d)?;
        Type::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_leetcode_style_signature() {
        let sig = Signature::parse("two_sum(nums: list<int>, target: int) -> list<int>").unwrap();
        assert_eq!(sig.name, "two_sum");
        assert_eq!(sig.params.len(), 2);
        assert_eq!(sig.params[0].ty, Type::List(Box::new(Type::Int)));
        assert_eq!(sig.returns, Type::List(Box::new(Type::Int)));
        let sig = Signature::parse("group(words: map<string,int>, k: int)").unwrap();
        assert_eq!(sig.returns, Type::Void);
        assert_eq!(sig.params[0].ty, Type::Map(Box::new(Type::Int)));
    }

    #[test]
    fn explains_bad_signatures() {
        let err = |s: &str| Signature::parse(s).unwrap_err();
        assert!(err("twoSum(a: int) -> int").contains("snake_case"));
        assert!(err("f(a int) -> int").contains("needs a type"));
        assert!(err("f(a: int, a: int) -> int").contains("twice"));
        assert!(err("f(new: int) -> int").contains("reserved"));
        assert!(err("f(a: int) int").contains("-> type"));
        assert!(err("f(a: lst<int>) -> int").contains("unknown type"));
        assert!(err("f(a: int").contains("closing"));
    }

    #[test]
    fn converts_names_to_camel_case() {
        assert_eq!(camel_case("two_sum"), "twoSum");
        assert_eq!(camel_case("get"), "get");
        assert_eq!(camel_case("num_courses_2"), "numCourses2");
    }
}
