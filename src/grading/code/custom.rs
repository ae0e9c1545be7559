//! A candidate's own input ("Run" with custom input): checked against the
//! signature, the declared constraints and the package's validator, then
//! answered by the reference solution.

use rehearse_sandbox::{Language, RunInput, RunStatus};

use super::super::{limits, truncate, GradeError, Run};
use super::describe::input_json;
use super::{execute, normalise_calls, prepare};
use crate::challenges::model::{CodeMode, CodeSpec, Expected, TestCase, TestInput};
use crate::harness;

/// A candidate's own input: the expected answer comes from the reference
/// solution (in the candidate's language when there is one).
pub(super) fn custom_test(
    run: &Run<'_>,
    spec: &CodeSpec,
    language: Language,
    input: &TestInput,
) -> Result<TestCase, GradeError> {
    check_input(spec, input).map_err(GradeError::BadInput)?;
    validate(run, spec, input)?;
    let expected = match reference_answer(run, spec, Some(language), input)? {
        Ok(expected) => expected,
        Err(why) => {
            // What the reference printed or where it failed is its source
            // showing through: it stays in the log (issue 11).
            tracing::warn!(%why, "the reference solution failed on a custom input");
            return Err(GradeError::BadInput(
                "this input is outside what the problem allows (the reference solution cannot answer it); check the constraints in the statement".into(),
            ));
        }
    };
    Ok(TestCase {
        name: "custom input".into(),
        sample: true,
        weight: 1,
        input: input.clone(),
        expected,
    })
}

/// Checks a custom input against the challenge's signature and its declared
/// constraints.
pub fn check_input(spec: &CodeSpec, input: &TestInput) -> Result<(), String> {
    check_types(spec, input)?;
    crate::challenges::constraints::check_input(&spec.mode, &spec.constraints, input)
}

pub(super) fn check_types(spec: &CodeSpec, input: &TestInput) -> Result<(), String> {
    match (&spec.mode, input) {
        (CodeMode::Function { signature }, TestInput::Args(args)) => {
            if args.len() != signature.params.len() {
                return Err(format!(
                    "expected {} arguments, got {}",
                    signature.params.len(),
                    args.len()
                ));
            }
            for (p, v) in signature.params.iter().zip(args) {
                p.ty.check(v).map_err(|e| format!("{}: {e}", p.name))?;
            }
            Ok(())
        }
        (CodeMode::Class { class }, TestInput::Calls(calls)) => {
            let Some(first) = calls.first() else {
                return Err("give at least the constructor call".into());
            };
            if first.method != class.name {
                return Err(format!(
                    "the first call must be the constructor {}",
                    class.name
                ));
            }
            for (k, call) in calls.iter().enumerate() {
                let params = if k == 0 {
                    &class.constructor
                } else {
                    &class
                        .method(&call.method)
                        .ok_or_else(|| {
                            format!(
                                "call {}: {} has no method `{}`",
                                k + 1,
                                class.name,
                                call.method
                            )
                        })?
                        .params
                };
                if params.len() != call.args.len() {
                    return Err(format!(
                        "call {} ({}) takes {} arguments",
                        k + 1,
                        call.method,
                        params.len()
                    ));
                }
                for (p, v) in params.iter().zip(&call.args) {
                    p.ty.check(v)
                        .map_err(|e| format!("call {} ({}) {}: {e}", k + 1, call.method, p.name))?;
                }
            }
            Ok(())
        }
        (CodeMode::Stdio, TestInput::Stdin(_)) => Ok(()),
        (mode, _) => Err(format!("this challenge takes {} input", mode.as_str())),
    }
}

/// Runs the package's `validator.py`, if it has one, on a custom input:
/// what it prints is why the input is not allowed.
pub(crate) fn validate(
    run: &Run<'_>,
    spec: &CodeSpec,
    input: &TestInput,
) -> Result<(), GradeError> {
    let Some(source) = &spec.validator else {
        return Ok(());
    };
    let program = run
        .sandbox()
        .prepare(Language::Python, source)
        .map_err(|e| GradeError::Internal(format!("the validator cannot be loaded: {e}")))?;
    let stdin = serde_json::json!({ "input": input_json(&spec.mode, input) }).to_string();
    let outcome = run.execute(
        &program,
        &RunInput::stdin(stdin.into_bytes()),
        &limits::tooling(),
    )?;
    if outcome.status != RunStatus::Ok {
        tracing::error!(detail = %outcome.detail, stderr = %truncate(&outcome.stderr_text(), 500), "the challenge's validator failed");
        return Err(GradeError::Internal(
            "the challenge's validator failed".into(),
        ));
    }
    let verdict = outcome.stdout_text();
    match verdict.trim() {
        "" => Ok(()),
        why => Err(GradeError::BadInput(format!(
            "this input is not allowed: {}",
            truncate(why, 300)
        ))),
    }
}

/// Runs the preferred reference solution on `input`: the expected answer,
/// or why the reference could not give one.
pub(crate) fn reference_answer(
    run: &Run<'_>,
    spec: &CodeSpec,
    prefer: Option<Language>,
    input: &TestInput,
) -> Result<Result<Expected, String>, GradeError> {
    let order = [
        Language::Cpp,
        Language::Rust,
        Language::C,
        Language::Python,
        Language::JavaScript,
    ];
    let reference = prefer
        .and_then(|l| spec.solutions.iter().find(|s| s.language == l))
        .or_else(|| {
            order
                .iter()
                .find_map(|l| spec.solutions.iter().find(|s| s.language == *l))
        })
        .ok_or_else(|| GradeError::Internal("the challenge has no reference solution".into()))?;
    let program = match prepare(run, spec, reference.language, &reference.source)? {
        Ok(program) => program,
        Err(message) => {
            return Ok(Err(format!(
                "{} does not compile: {message}",
                reference.path
            )))
        }
    };
    // References get the generous tooling budget: a generated test may be
    // large, and this run only makes the expected answer.
    let exec = execute(
        run,
        &program,
        reference.language,
        &spec.mode,
        input,
        &limits::tooling(),
    )?;
    let outcome = &exec.outcome;
    if outcome.status != RunStatus::Ok {
        return Ok(Err(format!(
            "{} ended with {}: {} {}",
            reference.path,
            outcome.status.as_str(),
            outcome.detail,
            truncate(&outcome.stderr_text(), 500)
        )));
    }
    Ok(match (&spec.mode, exec.result) {
        (CodeMode::Stdio, _) => Ok(Expected::Stdout(exec.printed)),
        (CodeMode::Function { signature }, Some(Ok(value))) => Ok(Expected::Value(
            harness::normalise_result(value, &signature.returns),
        )),
        (CodeMode::Class { class }, Some(Ok(value))) => {
            Ok(Expected::Value(normalise_calls(value, input, class)))
        }
        (_, Some(Err(e))) => Err(format!("{}: {e}", reference.path)),
        (_, None) => Err(format!("{} returned no result", reference.path)),
    })
}
