//! Input constraints a code challenge declares (`[constraints]` in
//! `challenge.toml`): the bounds its statement promises, checked on every
//! test the package holds and on every custom input a candidate runs.
//!
//! Custom input of the right types but outside the constraints used to
//! crash the reference solution, and its traceback (file name, lines of
//! its source) came back to the candidate (issue 11). Now such input is
//! refused before anything runs, saying which bound it breaks; what the
//! bounds cannot express, a package's `validator.py` checks in the sandbox.
//!
//! ```toml
//! [constraints]
//! nums = { length = [2, 100000], values = [-1000000000, 1000000000] }
//! target = { values = [-1000000000, 1000000000] }
//! words = { length = [1, 1000], item_length = [1, 30], chars = "a-z" }
//! "put.key" = { values = [0, 10000] }   # class mode: one method's parameter
//! calls = { length = [1, 200000] }      # class mode: how many calls
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::model::{CodeMode, TestInput};
use super::types::Type;

/// The bounds on one parameter (or on the number of calls).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bounds {
    /// Elements of a list, characters of a string, entries of a map, nodes
    /// of a tree or linked list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<[u64; 2]>,
    /// Every number in the value, however deeply nested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<[f64; 2]>,
    /// The length of each element (strings in a list, rows of a grid).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_length: Option<[u64; 2]>,
    /// The characters every string in the value may use: `a-z`, `a-zA-Z0-9 `,
    /// `01` — ranges and single characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars: Option<String>,
    /// No two elements of the list are equal.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unique: bool,
}

/// One declared constraint: what it applies to, and its bounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Constraint {
    /// As written: `nums`, `put.key`, or `calls`.
    pub key: String,
    pub bounds: Bounds,
}

impl Constraint {
    /// Whether this constraint applies to parameter `param` of `method`
    /// (the class name for the constructor; `None` in function mode).
    fn applies_to(&self, method: Option<&str>, param: &str) -> bool {
        match self.key.split_once('.') {
            Some((m, p)) => Some(m) == method && p == param,
            None => self.key == param,
        }
    }
}

/// Checks a declaration against the parameters it names: `params` lists
/// (method, name, type) for every parameter there is (method `None` in
/// function mode). `class` says whether `calls` may be constrained.
pub fn check_declaration(
    constraint: &Constraint,
    params: &[(Option<&str>, &str, &Type)],
    class: bool,
) -> Result<(), String> {
    let b = &constraint.bounds;
    for range in [b.length, b.item_length].into_iter().flatten() {
        if range[0] > range[1] {
            return Err(format!("[{}, {}] is not a range", range[0], range[1]));
        }
    }
    if let Some([lo, hi]) = b.values {
        if lo.is_nan() || hi.is_nan() || lo > hi {
            return Err(format!("values [{lo}, {hi}] is not a range"));
        }
    }
    if let Some(chars) = &b.chars {
        char_set(chars)?;
    }
    if constraint.key == "calls" {
        if !class {
            return Err("`calls` constrains class challenges only".into());
        }
        if b.values.is_some() || b.item_length.is_some() || b.chars.is_some() || b.unique {
            return Err("`calls` takes only `length` (how many calls)".into());
        }
        return Ok(());
    }
    let targets: Vec<&Type> = params
        .iter()
        .filter(|(method, name, _)| constraint.applies_to(*method, name))
        .map(|(_, _, ty)| *ty)
        .collect();
    if targets.is_empty() {
        return Err(format!("no parameter is called `{}`", constraint.key));
    }
    for ty in targets {
        let base = unwrap_optional(ty);
        if b.length.is_some() && !has_length(base) {
            return Err(format!("`length` does not apply to `{ty}`"));
        }
        if b.item_length.is_some()
            && !matches!(base, Type::List(item) if has_length(unwrap_optional(item)))
        {
            return Err(format!(
                "`item_length` needs a list of lists or strings, not `{ty}`"
            ));
        }
        if b.values.is_some() && !has_numbers(base) {
            return Err(format!("`values` needs numbers, and `{ty}` holds none"));
        }
        if b.chars.is_some() && !has_strings(base) {
            return Err(format!("`chars` needs strings, and `{ty}` holds none"));
        }
        if b.unique && !matches!(base, Type::List(_)) {
            return Err(format!("`unique` needs a list, not `{ty}`"));
        }
    }
    Ok(())
}

fn unwrap_optional(ty: &Type) -> &Type {
    match ty {
        Type::Optional(inner) => unwrap_optional(inner),
        other => other,
    }
}

fn has_length(ty: &Type) -> bool {
    matches!(
        ty,
        Type::List(_) | Type::String | Type::Map(_) | Type::LinkedList | Type::Tree
    )
}

fn has_numbers(ty: &Type) -> bool {
    match ty {
        Type::Int | Type::Long | Type::Float | Type::LinkedList | Type::Tree => true,
        Type::List(inner) | Type::Map(inner) | Type::Optional(inner) => has_numbers(inner),
        _ => false,
    }
}

fn has_strings(ty: &Type) -> bool {
    match ty {
        Type::String | Type::Char => true,
        Type::List(inner) | Type::Map(inner) | Type::Optional(inner) => has_strings(inner),
        _ => false,
    }
}

/// `a-zA-Z_` → the characters it allows.
fn char_set(spec: &str) -> Result<Vec<(char, char)>, String> {
    let chars: Vec<char> = spec.chars().collect();
    if chars.is_empty() {
        return Err("`chars` is empty".into());
    }
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if i + 2 < chars.len() && chars[i + 1] == '-' {
            if chars[i] > chars[i + 2] {
                return Err(format!("`{}-{}` is not a range", chars[i], chars[i + 2]));
            }
            ranges.push((chars[i], chars[i + 2]));
            i += 3;
        } else {
            ranges.push((chars[i], chars[i]));
            i += 1;
        }
    }
    Ok(ranges)
}

/// How long a value is, for `length`: nodes of a tree (its non-null
/// entries), elements of a list, characters of a string, entries of a map.
fn length_of(ty: &Type, value: &Value) -> Option<u64> {
    Some(match (unwrap_optional(ty), value) {
        (Type::Tree, Value::Array(items)) => items.iter().filter(|v| !v.is_null()).count() as u64,
        (_, Value::Array(items)) => items.len() as u64,
        (_, Value::String(s)) => s.chars().count() as u64,
        (_, Value::Object(map)) => map.len() as u64,
        _ => return None,
    })
}

fn describe(range: [u64; 2]) -> String {
    if range[0] == range[1] {
        format!("exactly {}", range[0])
    } else {
        format!("{}–{}", range[0], range[1])
    }
}

/// Checks one value (already of type `ty`) against `bounds`; `name` is how
/// the message refers to it (`nums`, `call 3 (put) key`).
pub fn check_value(name: &str, ty: &Type, value: &Value, bounds: &Bounds) -> Result<(), String> {
    if value.is_null() {
        return Ok(());
    }
    if let (Some(range), Some(n)) = (bounds.length, length_of(ty, value)) {
        if n < range[0] || n > range[1] {
            return Err(format!(
                "{name} has length {n}; the constraints allow {}",
                describe(range)
            ));
        }
    }
    if let (Some(range), Value::Array(items)) = (bounds.item_length, value) {
        let item_ty = match unwrap_optional(ty) {
            Type::List(inner) => inner.as_ref(),
            other => other,
        };
        for (i, item) in items.iter().enumerate() {
            if let Some(n) = length_of(item_ty, item) {
                if n < range[0] || n > range[1] {
                    return Err(format!(
                        "{name}[{i}] has length {n}; the constraints allow {}",
                        describe(range)
                    ));
                }
            }
        }
    }
    if let Some([lo, hi]) = bounds.values {
        let mut at = String::new();
        if let Some((path, n)) = number_outside(value, lo, hi, &mut at) {
            return Err(format!(
                "{name}{path} is {n}; the constraints allow {} to {}",
                number(lo),
                number(hi)
            ));
        }
    }
    if let Some(spec) = &bounds.chars {
        let ranges = char_set(spec)?;
        let mut at = String::new();
        if let Some((path, c)) = char_outside(value, &ranges, &mut at) {
            return Err(format!(
                "{name}{path} holds {c:?}; the constraints allow only `{spec}`"
            ));
        }
    }
    if let (true, Value::Array(items)) = (bounds.unique, value) {
        let mut seen = std::collections::HashSet::new();
        for (i, item) in items.iter().enumerate() {
            if !seen.insert(item.to_string()) {
                return Err(format!(
                    "{name}[{i}] repeats {item}; the constraints say the elements are distinct"
                ));
            }
        }
    }
    Ok(())
}

/// Checks a whole test input (already of the right types) against the
/// declared constraints, naming the first value that breaks one.
pub fn check_input(
    mode: &CodeMode,
    constraints: &[Constraint],
    input: &TestInput,
) -> Result<(), String> {
    if constraints.is_empty() {
        return Ok(());
    }
    match (mode, input) {
        (CodeMode::Function { signature }, TestInput::Args(args)) => {
            for (param, value) in signature.params.iter().zip(args) {
                for c in constraints
                    .iter()
                    .filter(|c| c.applies_to(None, &param.name))
                {
                    check_value(&param.name, &param.ty, value, &c.bounds)?;
                }
            }
            Ok(())
        }
        (CodeMode::Class { class }, TestInput::Calls(calls)) => {
            for c in constraints.iter().filter(|c| c.key == "calls") {
                if let Some(range) = c.bounds.length {
                    let n = calls.len() as u64;
                    if n < range[0] || n > range[1] {
                        return Err(format!(
                            "{n} calls; the constraints allow {}",
                            describe(range)
                        ));
                    }
                }
            }
            for (k, call) in calls.iter().enumerate() {
                let params = if k == 0 {
                    Some(&class.constructor)
                } else {
                    class.method(&call.method).map(|m| &m.params)
                };
                let Some(params) = params else { continue };
                let method = if k == 0 {
                    class.name.as_str()
                } else {
                    call.method.as_str()
                };
                for (param, value) in params.iter().zip(&call.args) {
                    for c in constraints
                        .iter()
                        .filter(|c| c.applies_to(Some(method), &param.name))
                    {
                        let name = format!("call {} ({method}) {}", k + 1, param.name);
                        check_value(&name, &param.ty, value, &c.bounds)?;
                    }
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e18 {
        format!("{}", x as i64)
    } else {
        x.to_string()
    }
}

fn number_outside(value: &Value, lo: f64, hi: f64, path: &mut String) -> Option<(String, String)> {
    match value {
        Value::Number(n) => {
            let x = n.as_f64()?;
            (x < lo || x > hi).then(|| (path.clone(), n.to_string()))
        }
        Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            let found = number_outside(item, lo, hi, path);
            path.truncate(len);
            found
        }),
        Value::Object(map) => map.iter().find_map(|(k, item)| {
            let len = path.len();
            path.push_str(&format!("[{k:?}]"));
            let found = number_outside(item, lo, hi, path);
            path.truncate(len);
            found
        }),
        _ => None,
    }
}

fn char_outside(
    value: &Value,
    ranges: &[(char, char)],
    path: &mut String,
) -> Option<(String, char)> {
    match value {
        Value::String(s) => s
            .chars()
            .find(|c| !ranges.iter().any(|(a, b)| a <= c && c <= b))
            .map(|c| (path.clone(), c)),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            let found = char_outside(item, ranges, path);
            path.truncate(len);
            found
        }),
        Value::Object(map) => map
            .values()
            .find_map(|item| char_outside(item, ranges, path)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn bounds(toml_text: &str) -> Bounds {
        toml::from_str(toml_text).unwrap()
    }

    #[test]
    fn each_bound_names_what_breaks_it() {
        let list = Type::parse("list<int>").unwrap();
        let b = bounds("length = [2, 3]\nvalues = [-10, 10]\nunique = true");
        assert_eq!(check_value("nums", &list, &json!([1, 2]), &b), Ok(()));
        assert_eq!(
            check_value("nums", &list, &json!([1]), &b).unwrap_err(),
            "nums has length 1; the constraints allow 2–3"
        );
        assert_eq!(
            check_value("nums", &list, &json!([1, 11]), &b).unwrap_err(),
            "nums[1] is 11; the constraints allow -10 to 10"
        );
        assert!(check_value("nums", &list, &json!([1, 1]), &b)
            .unwrap_err()
            .contains("distinct"));
        let words = Type::parse("list<string>").unwrap();
        let b = bounds("item_length = [1, 3]\nchars = \"a-z\"");
        assert_eq!(check_value("w", &words, &json!(["ab", "c"]), &b), Ok(()));
        assert!(check_value("w", &words, &json!(["abcd"]), &b)
            .unwrap_err()
            .starts_with("w[0] has length 4"));
        assert_eq!(
            check_value("w", &words, &json!(["aB"]), &b).unwrap_err(),
            "w[0] holds 'B'; the constraints allow only `a-z`"
        );
        let tree = Type::Tree;
        let b = bounds("length = [0, 2]");
        assert_eq!(check_value("root", &tree, &json!([1, null, 2]), &b), Ok(()));
        assert!(check_value("root", &tree, &json!([1, 2, 3]), &b).is_err());
    }

    #[test]
    fn declarations_must_fit_their_parameters() {
        let int = Type::Int;
        let list = Type::parse("list<int>").unwrap();
        let params = [(None, "nums", &list), (None, "k", &int)];
        let c = |key: &str, text: &str| Constraint {
            key: key.into(),
            bounds: bounds(text),
        };
        assert!(check_declaration(&c("nums", "length = [1, 5]"), &params, false).is_ok());
        assert!(
            check_declaration(&c("k", "length = [1, 5]"), &params, false)
                .unwrap_err()
                .contains("`length` does not apply")
        );
        assert!(
            check_declaration(&c("x", "values = [1, 5]"), &params, false)
                .unwrap_err()
                .contains("no parameter")
        );
        assert!(check_declaration(&c("calls", "length = [1, 5]"), &params, false).is_err());
        assert!(check_declaration(&c("nums", "values = [5, 1]"), &params, false).is_err());
    }
}
