//! How tests and results are put into words for the candidate: inputs as
//! LeetCode shows them, expected answers, runtime errors, durations.

use rehearse_sandbox::RunOutcome;
use serde_json::Value;

use super::super::truncate;
use super::SHOWN_CHARS;
use crate::challenges::model::{CodeMode, Expected, TestInput};

/// The explanation of a runtime error on a test whose input is shown: the
/// end of what the program wrote to stderr (its traceback), and what the
/// runtime saw.
pub(super) fn runtime_message(outcome: &RunOutcome) -> String {
    let stderr = outcome.stderr_text();
    let tail: Vec<&str> = stderr
        .lines()
        .rev()
        .take(25)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let mut message = tail.join("\n");
    if message.trim().is_empty() {
        message = outcome.detail.clone();
    } else if !outcome.detail.is_empty() && !outcome.detail.starts_with("exited with status") {
        message.push_str(&format!("\n({})", outcome.detail));
    }
    truncate(&message, SHOWN_CHARS)
}

pub(super) fn human_duration(d: std::time::Duration) -> String {
    let ms = d.as_millis();
    if ms % 1000 == 0 {
        format!("{} s", ms / 1000)
    } else if ms >= 1000 {
        format!("{:.1} s", d.as_secs_f64())
    } else {
        format!("{ms} ms")
    }
}

/// `nums = [2,7,11,15]` lines, as LeetCode shows a test's input.
pub fn describe_input(mode: &CodeMode, input: &TestInput) -> String {
    let text = match (mode, input) {
        (CodeMode::Function { signature }, TestInput::Args(args)) => signature
            .params
            .iter()
            .zip(args)
            .map(|(p, v)| format!("{} = {v}", p.name))
            .collect::<Vec<_>>()
            .join("\n"),
        (_, TestInput::Calls(calls)) => {
            let names: Vec<Value> = calls
                .iter()
                .map(|c| Value::String(c.method.clone()))
                .collect();
            let args: Vec<Value> = calls.iter().map(|c| Value::Array(c.args.clone())).collect();
            format!("{}\n{}", Value::Array(names), Value::Array(args))
        }
        (_, TestInput::Stdin(text)) => text.clone(),
        (_, TestInput::Args(args)) => Value::Array(args.clone()).to_string(),
    };
    truncate(&text, SHOWN_CHARS)
}

pub(super) fn describe_expected(expected: &Expected) -> Option<String> {
    Some(truncate(
        &match expected {
            Expected::Value(v) => v.to_string(),
            Expected::AnyOf(vs) => vs
                .iter()
                .map(Value::to_string)
                .collect::<Vec<_>>()
                .join("  or  "),
            Expected::Stdout(text) => text.clone(),
            Expected::Checker => return None,
        },
        SHOWN_CHARS,
    ))
}

/// The test's input as the checker sees it: arguments by name.
pub(super) fn input_json(mode: &CodeMode, input: &TestInput) -> Value {
    match (mode, input) {
        (CodeMode::Function { signature }, TestInput::Args(args)) => Value::Object(
            signature
                .params
                .iter()
                .zip(args)
                .map(|(p, v)| (p.name.clone(), v.clone()))
                .collect(),
        ),
        (_, TestInput::Calls(calls)) => serde_json::json!({
            "calls": calls.iter().map(|c| c.method.clone()).collect::<Vec<_>>(),
            "args": calls.iter().map(|c| c.args.clone()).collect::<Vec<_>>(),
        }),
        (_, TestInput::Stdin(text)) => Value::String(text.clone()),
        (_, TestInput::Args(args)) => Value::Array(args.clone()),
    }
}
