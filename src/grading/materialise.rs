//! Generated tests: a package's `generate` entries become concrete tests.
//! The generator (a Python script in the package) runs in the sandbox and
//! prints the input; the reference solution gives the expected answer.
//! Generators must be deterministic: each runs twice and must print the
//! same both times.

use rehearse_sandbox::{CancelToken, Language, RunInput, RunStatus};
use serde_json::Value;

use super::code::{check_input, reference_answer};
use super::{limits, truncate, GradeError, Grader, Run};
use crate::challenges::load::Problem;
use crate::challenges::model::{
    Call, Challenge, CodeMode, CodeSpec, GeneratedTest, Spec, TestCase, TestInput,
};

/// Whether `challenge` still has tests to generate.
pub fn needs_materialising(challenge: &Challenge) -> bool {
    matches!(&challenge.spec, Spec::Code(spec) if !spec.generate.is_empty())
}

/// The challenge with every test concrete, or what went wrong (file and
/// test named). Generators and the reference are deterministic, so making
/// a version's tests twice (by the background check and by a worker that
/// needs them first) gives the same tests.
pub fn materialise(
    grader: &Grader,
    challenge: &Challenge,
    cancel: &CancelToken,
) -> Result<Challenge, Vec<Problem>> {
    let mut challenge = challenge.clone();
    let Spec::Code(spec) = &mut challenge.spec else {
        return Ok(challenge);
    };
    let pending = std::mem::take(&mut spec.generate);
    if pending.is_empty() {
        return Ok(challenge);
    }
    let mut ignore = |_| {};
    let run = Run {
        grader,
        cancel,
        progress: &mut ignore,
    };
    let mut problems = Vec::new();
    let mut generated = Vec::new();
    for pending in &pending {
        match generate(&run, spec, pending) {
            Ok(test) => generated.push((pending.index, test)),
            Err(message) => problems.push(Problem {
                file: format!("{}/tests.json", challenge.slug),
                place: Some(format!("test {} ({})", pending.index + 1, pending.name)),
                message,
            }),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let total = spec.tests.len() + generated.len();
    let mut given = std::mem::take(&mut spec.tests).into_iter();
    let mut generated = generated.into_iter().peekable();
    for index in 0..total {
        let next = match generated.peek() {
            Some((at, _)) if *at == index => generated.next().map(|(_, t)| t),
            _ => given.next(),
        };
        spec.tests.extend(next);
    }
    Ok(challenge)
}

fn generate(run: &Run<'_>, spec: &CodeSpec, pending: &GeneratedTest) -> Result<TestCase, String> {
    let program = run
        .sandbox()
        .prepare(Language::Python, &pending.script)
        .map_err(|e| format!("{}: {e}", pending.script_path))?;
    let input = RunInput {
        args: pending.args.clone(),
        ..RunInput::default()
    };
    let mut outputs = Vec::new();
    for _ in 0..2 {
        let outcome = run
            .execute(&program, &input, &limits::tooling())
            .map_err(|e| format!("{}: {e}", pending.script_path))?;
        if outcome.status != RunStatus::Ok {
            return Err(format!(
                "{} failed ({}): {}",
                pending.script_path,
                outcome.detail,
                truncate(&outcome.stderr_text(), 1000)
            ));
        }
        outputs.push(outcome.stdout_text());
    }
    if outputs[0] != outputs[1] {
        return Err(format!(
            "{} printed different tests on two runs: generators must be deterministic (seed the random numbers)",
            pending.script_path
        ));
    }
    let text = outputs.swap_remove(0);
    let input = parse_input(&spec.mode, &text)
        .map_err(|e| format!("{} printed {e}", pending.script_path))?;
    check_input(spec, &input).map_err(|e| {
        format!(
            "{} printed an input that does not fit the signature: {e}",
            pending.script_path
        )
    })?;
    let expected = match reference_answer(run, spec, None, &input) {
        Ok(Ok(expected)) => expected,
        Ok(Err(why)) => return Err(format!("the expected answer could not be computed: {why}")),
        Err(GradeError::Unavailable { language, reason }) => {
            return Err(format!(
                "the reference solution's language ({language}) is unavailable: {reason}"
            ))
        }
        Err(e) => return Err(e.to_string()),
    };
    Ok(TestCase {
        name: pending.name.clone(),
        sample: pending.sample,
        weight: pending.weight,
        input,
        expected,
    })
}

/// A generator prints what `tests.json` would hold as the input: an
/// object of arguments (function mode), `{"calls": […], "args": […]}`
/// (class mode), or the raw stdin (stdio mode).
fn parse_input(mode: &CodeMode, text: &str) -> Result<TestInput, String> {
    match mode {
        CodeMode::Stdio => Ok(TestInput::Stdin(text.to_owned())),
        _ => {
            let value: Value =
                serde_json::from_str(text).map_err(|e| format!("invalid JSON ({e})"))?;
            input_from_json(mode, value)
        }
    }
}

/// A test input written as in `tests.json` (arguments by name; calls and
/// args; or stdin text) in the grader's form. Types are checked separately.
pub fn input_from_json(mode: &CodeMode, value: Value) -> Result<TestInput, String> {
    match mode {
        CodeMode::Stdio => match value {
            Value::String(text) => Ok(TestInput::Stdin(text)),
            _ => Err("a string: the program's standard input".into()),
        },
        CodeMode::Function { signature } => {
            let Value::Object(mut args) = value else {
                return Err("an object with one entry per parameter".into());
            };
            let mut values = Vec::new();
            for param in &signature.params {
                values.push(
                    args.remove(&param.name)
                        .ok_or_else(|| format!("no `{}` argument", param.name))?,
                );
            }
            if let Some(extra) = args.keys().next() {
                return Err(format!("an argument `{extra}` that is not a parameter"));
            }
            Ok(TestInput::Args(values))
        }
        CodeMode::Class { .. } => {
            #[derive(serde::Deserialize)]
            struct Calls {
                calls: Vec<String>,
                args: Vec<Vec<Value>>,
            }
            let calls: Calls = serde_json::from_value(value)
                .map_err(|e| format!("`{{\"calls\": [...], \"args\": [...]}}` ({e})"))?;
            if calls.calls.len() != calls.args.len() {
                return Err("`calls` and `args` of different lengths".into());
            }
            Ok(TestInput::Calls(
                calls
                    .calls
                    .into_iter()
                    .zip(calls.args)
                    .map(|(method, args)| Call { method, args })
                    .collect(),
            ))
        }
    }
}
