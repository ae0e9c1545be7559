//! Comparators: is this answer the expected one?
//!
//! Values (function and class mode) compare as JSON with numbers compared
//! by value (`2` equals `2.0`); text output (stdio mode) compares line by
//! line ignoring trailing whitespace, or token by token.

use std::cmp::Ordering;

use serde_json::Value;

use crate::challenges::model::Comparator;

/// Whether `actual` matches `expected` under `comparator` (value form).
/// `Checker` is decided elsewhere (in the sandbox); here it means exact.
pub fn values_match(expected: &Value, actual: &Value, comparator: &Comparator) -> bool {
    match comparator {
        Comparator::Float { tolerance } => equal(expected, actual, Some(*tolerance)),
        Comparator::Unordered { depth } => equal(
            &canonical(expected, *depth),
            &canonical(actual, *depth),
            None,
        ),
        _ => equal(expected, actual, None),
    }
}

/// Deep equality; numbers by value, within `tolerance` when given.
pub fn equal(a: &Value, b: &Value, tolerance: Option<f64>) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => numbers_equal(x, y, tolerance),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| equal(x, y, tolerance))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| equal(v, w, tolerance)))
        }
        _ => a == b,
    }
}

fn numbers_equal(x: &serde_json::Number, y: &serde_json::Number, tolerance: Option<f64>) -> bool {
    if let (Some(a), Some(b)) = (x.as_i64(), y.as_i64()) {
        return a == b;
    }
    let (Some(a), Some(b)) = (x.as_f64(), y.as_f64()) else {
        return false;
    };
    floats_equal(a, b, tolerance.unwrap_or(0.0))
}

/// Within `tolerance` absolutely or relatively (to the expected value).
pub fn floats_equal(expected: f64, actual: f64, tolerance: f64) -> bool {
    let diff = (expected - actual).abs();
    diff <= tolerance || diff <= tolerance * expected.abs() || expected == actual
}

/// Sorts arrays down to `depth` levels so that multisets compare equal.
fn canonical(value: &Value, depth: u32) -> Value {
    match value {
        Value::Array(items) if depth > 0 => {
            let mut items: Vec<Value> = items.iter().map(|v| canonical(v, depth - 1)).collect();
            items.sort_by(order);
            Value::Array(items)
        }
        other => other.clone(),
    }
}

/// A total order on JSON values (numbers by value), used to sort multisets.
pub fn order(a: &Value, b: &Value) -> Ordering {
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Bool(_) => 1,
            Value::Number(_) => 2,
            Value::String(_) => 3,
            Value::Array(_) => 4,
            Value::Object(_) => 5,
        }
    }
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => x
                .as_f64()
                .unwrap_or(0.0)
                .total_cmp(&y.as_f64().unwrap_or(0.0)),
        },
        (Value::String(x), Value::String(y)) => x.cmp(y),
        (Value::Array(x), Value::Array(y)) => {
            for (x, y) in x.iter().zip(y) {
                let o = order(x, y);
                if o != Ordering::Equal {
                    return o;
                }
            }
            x.len().cmp(&y.len())
        }
        (Value::Object(x), Value::Object(y)) => x.len().cmp(&y.len()).then_with(|| {
            Value::Object(x.clone())
                .to_string()
                .cmp(&Value::Object(y.clone()).to_string())
        }),
        _ => rank(a).cmp(&rank(b)),
    }
}

/// Text output under `comparator`: `Exact` compares lines with trailing
/// whitespace and trailing blank lines ignored; `Tokens` compares
/// whitespace-separated tokens; `Float` compares tokens, numbers within
/// tolerance.
pub fn text_matches(expected: &str, actual: &str, comparator: &Comparator) -> bool {
    match comparator {
        Comparator::Tokens => expected.split_whitespace().eq(actual.split_whitespace()),
        Comparator::Float { tolerance } => {
            let e: Vec<&str> = expected.split_whitespace().collect();
            let a: Vec<&str> = actual.split_whitespace().collect();
            e.len() == a.len()
                && e.iter()
                    .zip(&a)
                    .all(|(e, a)| match (e.parse::<f64>(), a.parse::<f64>()) {
                        (Ok(x), Ok(y)) => floats_equal(x, y, *tolerance),
                        _ => e == a,
                    })
        }
        _ => lines(expected) == lines(actual),
    }
}

fn lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// Where two outputs first differ, for a wrong answer's message.
pub fn first_difference(expected: &str, actual: &str) -> String {
    let e = lines(expected);
    let a = lines(actual);
    for (i, (x, y)) in e.iter().zip(&a).enumerate() {
        if x != y {
            return format!(
                "line {}: expected {:?}, got {:?}",
                i + 1,
                super::truncate(x, 80),
                super::truncate(y, 80)
            );
        }
    }
    match e.len().cmp(&a.len()) {
        Ordering::Greater => format!("expected {} lines, got only {}", e.len(), a.len()),
        Ordering::Less => format!("expected {} lines, got {}", e.len(), a.len()),
        Ordering::Equal => "the output differs".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn exact_compares_numbers_by_value() {
        assert!(values_match(
            &json!([1, 2]),
            &json!([1, 2]),
            &Comparator::Exact
        ));
        assert!(values_match(&json!(2), &json!(2.0), &Comparator::Exact));
        assert!(!values_match(
            &json!([1, 2]),
            &json!([2, 1]),
            &Comparator::Exact
        ));
        assert!(!values_match(&json!(true), &json!(1), &Comparator::Exact));
        assert!(!values_match(&json!("1"), &json!(1), &Comparator::Exact));
        assert!(!values_match(
            &json!([1]),
            &json!([1, 1]),
            &Comparator::Exact
        ));
        assert!(values_match(
            &json!({"a": [1]}),
            &json!({"a": [1.0]}),
            &Comparator::Exact
        ));
        assert!(!values_match(
            &json!({"a": 1}),
            &json!({"b": 1}),
            &Comparator::Exact
        ));
    }

    #[test]
    fn float_tolerance_is_absolute_or_relative() {
        let c = Comparator::Float { tolerance: 1e-5 };
        assert!(values_match(&json!(0.333333), &json!(0.3333335), &c));
        assert!(values_match(&json!(1e9), &json!(1e9 + 100.0), &c));
        assert!(!values_match(&json!(0.5), &json!(0.6), &c));
        assert!(values_match(
            &json!([1.0, [2.0]]),
            &json!([1.000001, [2]]),
            &c
        ));
    }

    #[test]
    fn unordered_compares_multisets_to_the_given_depth() {
        let one = Comparator::Unordered { depth: 1 };
        let two = Comparator::Unordered { depth: 2 };
        assert!(values_match(&json!([3, 1, 2]), &json!([1, 2, 3]), &one));
        assert!(!values_match(&json!([1, 1, 2]), &json!([1, 2, 2]), &one));
        assert!(!values_match(
            &json!([[1, 2], [3]]),
            &json!([[3], [2, 1]]),
            &one
        ));
        assert!(values_match(
            &json!([[1, 2], [3]]),
            &json!([[3], [2, 1]]),
            &two
        ));
        assert!(values_match(
            &json!([["eat", "tea"], ["bat"]]),
            &json!([["bat"], ["tea", "eat"]]),
            &two
        ));
    }

    #[test]
    fn text_ignores_trailing_whitespace_only() {
        assert!(text_matches(
            "1 2\n3\n",
            "1 2   \n3\n\n\n",
            &Comparator::Exact
        ));
        assert!(!text_matches("1 2\n3\n", "1  2\n3\n", &Comparator::Exact));
        assert!(text_matches("1 2\n3\n", "1  2 3", &Comparator::Tokens));
        assert!(text_matches(
            "0.5000001 x",
            "0.5 x",
            &Comparator::Float { tolerance: 1e-6 }
        ));
        assert!(!text_matches(
            "0.51 x",
            "0.5 x",
            &Comparator::Float { tolerance: 1e-6 }
        ));
        assert_eq!(
            first_difference("a\nb\n", "a\nc\n"),
            "line 2: expected \"b\", got \"c\""
        );
        assert_eq!(
            first_difference("a\nb\n", "a\n"),
            "expected 2 lines, got only 1"
        );
    }
}
