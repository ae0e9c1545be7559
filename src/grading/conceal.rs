//! What a hidden test may say about itself.
//!
//! A program chooses what it prints, how it fails and how much it costs,
//! and can make each depend on its input. So a hidden test's report keeps
//! only what cannot carry much of that input out (issue 11, item 3): its
//! verdict, a message from a fixed set (for a runtime error, the kind of
//! error when it is a well-known one), and its cost, time and memory
//! rounded to one significant figure. Error texts, exit statuses, SQL
//! error messages and exact instruction counts never leave a hidden test.

use rehearse_sandbox::{Language, RunOutcome};

use super::{TestReport, Verdict};

/// Python's built-in exceptions a solution commonly raises.
const PYTHON_ERRORS: &[&str] = &[
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "EOFError",
    "Exception",
    "ImportError",
    "IndexError",
    "KeyError",
    "LookupError",
    "MemoryError",
    "ModuleNotFoundError",
    "NameError",
    "NotImplementedError",
    "OverflowError",
    "RecursionError",
    "RuntimeError",
    "StopIteration",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "ValueError",
    "ZeroDivisionError",
];

/// JavaScript's built-in error types.
const JAVASCRIPT_ERRORS: &[&str] = &[
    "AggregateError",
    "Error",
    "EvalError",
    "InternalError",
    "RangeError",
    "ReferenceError",
    "SyntaxError",
    "TypeError",
    "URIError",
];

/// What the sandbox's trap descriptions say, and the label each gets.
const TRAPS: &[(&str, &str)] = &[
    ("stack overflow", "stack overflow"),
    ("out of bounds memory access", "out-of-bounds memory access"),
    ("integer divide by zero", "division by zero"),
    ("integer overflow", "integer overflow"),
    ("unreachable", "the program aborted"),
    (
        "exited with status",
        "the program exited with a non-zero status",
    ),
];

/// The kind of a runtime error, from a fixed list; never free text.
pub fn error_label(outcome: &RunOutcome, language: Language) -> &'static str {
    let stderr = outcome.stderr_text();
    let known: &[&str] = match language {
        Language::Python => PYTHON_ERRORS,
        Language::JavaScript => JAVASCRIPT_ERRORS,
        _ => &[],
    };
    if !known.is_empty() {
        // The last line of a traceback: `IndexError: list index out of
        // range`, `Uncaught (in promise) TypeError: …`, `TypeError: …`.
        if let Some(last) = stderr.lines().rev().find(|l| !l.trim().is_empty()) {
            let last = last
                .trim()
                .trim_start_matches("Uncaught (in promise)")
                .trim();
            let name: String = last
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if let Some(found) = known.iter().find(|k| **k == name) {
                return found;
            }
            let rest = &last[name.len()..];
            if !name.is_empty() && (rest.is_empty() || rest.starts_with(':')) {
                return "an exception that is not a built-in one";
            }
        }
    }
    if language == Language::Rust && stderr.contains("panicked at") {
        return "the program panicked";
    }
    TRAPS
        .iter()
        .find(|(text, _)| outcome.detail.contains(text))
        .map(|(_, label)| *label)
        .unwrap_or("runtime error")
}

/// The message a hidden test shows for its verdict.
fn fixed_message(verdict: Verdict, error: Option<&'static str>) -> String {
    match verdict {
        Verdict::Accepted => String::new(),
        Verdict::WrongAnswer => "wrong answer".into(),
        Verdict::TimeLimitExceeded => "more than the time limit".into(),
        Verdict::MemoryLimitExceeded => "more than the memory limit".into(),
        Verdict::OutputLimitExceeded => "more than the output limit".into(),
        Verdict::RuntimeError => match error {
            Some(label) => label.into(),
            None => "runtime error".into(),
        },
        Verdict::CompileError => "compile error".into(),
        Verdict::InternalError => "the test could not be run; it is not your fault".into(),
    }
}

/// Rounds to one significant figure: 1,234,567 → 1,000,000; 86 → 90.
pub fn round_figure(value: u64) -> u64 {
    if value < 10 {
        return value;
    }
    let value = u128::from(value);
    let mut scale = 1u128;
    while value / scale >= 10 {
        scale *= 10;
    }
    let rounded = (value + scale / 2) / scale * scale;
    u64::try_from(rounded).unwrap_or(u64::MAX)
}

/// Strips a hidden test's report down to what it may show. `error` is the
/// runtime error's label, when the run crashed (see [`error_label`]).
pub fn conceal(report: &mut TestReport, error: Option<&'static str>) {
    report.message = fixed_message(report.verdict, error);
    report.fuel = round_figure(report.fuel);
    report.memory_bytes = round_figure(report.memory_bytes);
    report.time_ms = round_figure(report.time_ms.round() as u64) as f64;
    report.input = None;
    report.expected = None;
    report.actual = None;
    report.printed = None;
    report.diff = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_keep_one_significant_digit() {
        assert_eq!(round_figure(0), 0);
        assert_eq!(round_figure(7), 7);
        assert_eq!(round_figure(86), 90);
        assert_eq!(round_figure(1_234_567), 1_000_000);
        assert_eq!(round_figure(1_500_000), 2_000_000);
        assert_eq!(round_figure(96_000), 100_000);
        assert_eq!(round_figure(u64::MAX), u64::MAX);
    }
}
