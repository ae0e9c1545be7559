//! The code grader: the candidate's source inside the generated harness,
//! compiled once, run once per test in a fresh sandbox instance.

use rehearse_sandbox::{Language, Limits, PrepareError, Program, RunInput, RunOutcome, RunStatus};
use serde_json::Value;

use super::compare::{text_matches, values_match};
use super::conceal;
use super::{limits, truncate, GradeError, Report, Run, Scope, TestReport, Verdict};
use crate::challenges::model::{CodeMode, CodeSpec, Comparator, Expected, TestCase, TestInput};
use crate::challenges::types::Type;
use crate::harness;

mod custom;
mod describe;

pub use custom::check_input;
use custom::custom_test;
pub(crate) use custom::{reference_answer, validate};
pub use describe::describe_input;
use describe::{describe_expected, human_duration, input_json, runtime_message};

/// The largest solution accepted (the harness adds to it, and the sandbox
/// caps the whole program at 64 KiB).
pub const MAX_SOURCE_BYTES: usize = 48 * 1024;
/// How much of an input, output or message a report keeps.
const SHOWN_CHARS: usize = 4000;

pub(crate) fn grade(
    run: &mut Run<'_>,
    spec: &CodeSpec,
    language: Language,
    source: &str,
    scope: &Scope,
) -> Result<Report, GradeError> {
    if !spec.languages.contains(&language) {
        return Err(GradeError::Language(language.to_string()));
    }
    if source.len() > MAX_SOURCE_BYTES {
        return Ok(Report::compile_error(format!(
            "the solution is {} bytes; the limit is {MAX_SOURCE_BYTES} bytes",
            source.len()
        )));
    }
    let program = match prepare(run, spec, language, source)? {
        Ok(program) => program,
        Err(message) => return Ok(Report::compile_error(message)),
    };
    let checker = match spec.comparator {
        Comparator::Checker => Some(prepare_checker(run, spec)?),
        _ => None,
    };
    let owned;
    let tests: Vec<&TestCase> = match scope {
        Scope::All | Scope::Samples => spec
            .tests
            .iter()
            .filter(|t| scope.includes_test(t))
            .collect(),
        Scope::Custom(input) => {
            owned = custom_test(run, spec, language, input)?;
            vec![&owned]
        }
    };
    let limits = limits::for_test(&spec.limits, language);
    let mut reports = Vec::with_capacity(tests.len());
    for (i, test) in tests.iter().enumerate() {
        run.check_cancelled()?;
        let exec = execute(run, &program, language, &spec.mode, &test.input, &limits)?;
        let report = judge(run, spec, checker.as_ref(), language, test, &exec, &limits)?;
        run.report(i + 1, tests.len(), &report);
        reports.push(report);
    }
    Ok(Report::from_tests(reports))
}

/// Compiles the harnessed program. `Ok(Err(message))` is the candidate's
/// compile error (or, for Python and JavaScript, syntax error).
fn prepare(
    run: &Run<'_>,
    spec: &CodeSpec,
    language: Language,
    source: &str,
) -> Result<Result<Program, String>, GradeError> {
    if let Some(message) = syntax_error(run, language, source)? {
        return Ok(Err(message));
    }
    let program = harness::program(language, &spec.mode, source);
    match run.sandbox().prepare(language, &program) {
        Ok(program) => Ok(Ok(program)),
        Err(PrepareError::Compile { message }) => Ok(Err(message)),
        Err(PrepareError::SourceTooLarge { size, limit }) => Ok(Err(format!(
            "the program with its test harness is {size} bytes; the limit is {limit} bytes"
        ))),
        Err(PrepareError::Unavailable { language, reason }) => {
            Err(GradeError::Unavailable { language, reason })
        }
        Err(PrepareError::Internal(e)) => Err(GradeError::Internal(e)),
        Err(PrepareError::Overloaded(e)) => Err(GradeError::Overloaded(e)),
    }
}

/// Interpreted languages have no compiler to catch syntax errors before
/// the tests run; a quick parse in the sandbox does that job, so a syntax
/// error is reported once, as a compile error, with its line.
fn syntax_error(
    run: &Run<'_>,
    language: Language,
    source: &str,
) -> Result<Option<String>, GradeError> {
    let checker = match language {
        Language::Python => format!(
            "import sys\ntry:\n    compile({}, 'solution.py', 'exec')\nexcept SyntaxError as e:\n    print(f'solution.py, line {{e.lineno}}: {{type(e).__name__}}: {{e.msg}}')\n    if e.text:\n        print('    ' + e.text.rstrip())\n",
            harness::quoted(source)
        ),
        // Parsed by eval behind a leading `throw`, on the same line so that
        // line numbers match: a syntax error surfaces, nothing runs.
        Language::JavaScript => format!(
            "try {{ (0, eval)('throw 0;' + {}); }} catch (e) {{ if (e instanceof SyntaxError) {{ const at = /<input>:(\\d+):(\\d+)/.exec(String(e.stack)); console.log((at ? 'line ' + at[1] + ', column ' + at[2] + ': ' : '') + String(e)); }} }}",
            harness::quoted(source)
        ),
        _ => return Ok(None),
    };
    let program = match run.sandbox().prepare(language, &checker) {
        Ok(program) => program,
        Err(PrepareError::Unavailable { language, reason }) => {
            return Err(GradeError::Unavailable { language, reason })
        }
        Err(PrepareError::SourceTooLarge { size, limit }) => {
            return Ok(Some(format!(
                "the solution is too large to check ({size} bytes; limit {limit})"
            )))
        }
        Err(e) => return Err(GradeError::Internal(e.to_string())),
    };
    let outcome = run.execute(&program, &RunInput::default(), &limits::tooling())?;
    match outcome.status {
        RunStatus::Ok => {
            let text = outcome.stdout_text();
            Ok((!text.trim().is_empty()).then(|| text.trim_end().to_owned()))
        }
        _ => Err(GradeError::Internal(format!(
            "the syntax check did not finish: {}",
            outcome.detail
        ))),
    }
}

fn prepare_checker(run: &Run<'_>, spec: &CodeSpec) -> Result<Program, GradeError> {
    let source = spec
        .checker
        .as_deref()
        .ok_or_else(|| GradeError::Internal("the challenge has no checker.py".into()))?;
    run.sandbox()
        .prepare(Language::Python, source)
        .map_err(|e| GradeError::Internal(format!("the checker cannot be loaded: {e}")))
}

/// A fresh nonce per run, so a program cannot know where its result goes.
fn nonce() -> String {
    use rand::Rng;
    let bytes: [u8; 12] = rand::thread_rng().gen();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What one run of a harnessed program gave.
struct Execution {
    outcome: RunOutcome,
    printed: String,
    result: Option<Result<Value, String>>,
}

fn execute(
    run: &Run<'_>,
    program: &Program,
    language: Language,
    mode: &CodeMode,
    input: &TestInput,
    limits: &Limits,
) -> Result<Execution, GradeError> {
    let nonce = nonce();
    let stdin = harness::stdin(language, mode, input, &nonce);
    let outcome = run.execute(program, &RunInput::stdin(stdin), limits)?;
    if let CodeMode::Stdio = mode {
        return Ok(Execution {
            printed: outcome.stdout_text(),
            result: None,
            outcome,
        });
    }
    let split = harness::split_output(&outcome.stdout, &nonce);
    Ok(Execution {
        printed: split.printed,
        result: split.result,
        outcome,
    })
}

#[allow(clippy::too_many_arguments)]
fn judge(
    run: &Run<'_>,
    spec: &CodeSpec,
    checker: Option<&Program>,
    language: Language,
    test: &TestCase,
    exec: &Execution,
    limits: &Limits,
) -> Result<TestReport, GradeError> {
    let outcome = &exec.outcome;
    let shown = test.sample;
    let stdio = matches!(spec.mode, CodeMode::Stdio);
    let mut report = TestReport {
        name: test.name.clone(),
        sample: test.sample,
        weight: test.weight,
        verdict: Verdict::Accepted,
        message: String::new(),
        fuel: outcome.fuel_used,
        time_ms: outcome.wall_time.as_secs_f64() * 1000.0,
        memory_bytes: outcome.peak_memory as u64,
        input: shown.then(|| describe_input(&spec.mode, &test.input)),
        expected: shown.then(|| describe_expected(&test.expected)).flatten(),
        actual: None,
        // In stdio mode what was printed is the answer, shown as `actual`.
        printed: (shown && !stdio && !exec.printed.trim().is_empty())
            .then(|| truncate(&exec.printed, SHOWN_CHARS)),
        diff: None,
    };
    let (verdict, message) = match outcome.status {
        RunStatus::Ok => {
            let (verdict, message, actual) = compare(run, spec, checker, test, exec)?;
            report.actual = shown.then_some(actual).flatten();
            (verdict, message)
        }
        RunStatus::TimeLimit => (
            Verdict::TimeLimitExceeded,
            format!(
                "more than the time limit of {} for {language} ({})",
                human_duration(limits::time_limit(&spec.limits, language)),
                if outcome.detail.contains("waiting") {
                    "time spent sleeping counts as running".to_owned()
                } else if outcome.detail.contains("CPU time") {
                    format!("{} of CPU time", human_duration(limits.cpu_time))
                } else {
                    format!("{} instructions", limits.fuel)
                }
            ),
        ),
        RunStatus::MemoryLimit => (
            Verdict::MemoryLimitExceeded,
            format!(
                "more than the memory limit of {} MiB",
                spec.limits.memory_mb
            ),
        ),
        RunStatus::OutputLimit => (
            Verdict::OutputLimitExceeded,
            format!(
                "printed more than the output limit ({} MiB of output, {} KiB of errors)",
                limits.stdout_bytes / (1024 * 1024),
                limits.stderr_bytes / 1024
            ),
        ),
        RunStatus::RuntimeError => (Verdict::RuntimeError, runtime_message(outcome)),
        // `Run::execute` turns both into errors; they never reach a verdict.
        RunStatus::Cancelled => return Err(GradeError::Cancelled),
        RunStatus::Overloaded => return Err(GradeError::Overloaded(outcome.detail.clone())),
        RunStatus::InternalError => (
            Verdict::InternalError,
            "the sandbox failed to run this test; it is not your fault".to_owned(),
        ),
    };
    report.verdict = verdict;
    report.message = message;
    if !shown {
        let error = (outcome.status == RunStatus::RuntimeError)
            .then(|| conceal::error_label(outcome, language));
        conceal::conceal(&mut report, error);
    }
    Ok(report)
}

/// Compares a finished run's result. Returns the verdict, its message,
/// and the actual answer as shown to the candidate.
fn compare(
    run: &Run<'_>,
    spec: &CodeSpec,
    checker: Option<&Program>,
    test: &TestCase,
    exec: &Execution,
) -> Result<(Verdict, String, Option<String>), GradeError> {
    let shown = test.sample;
    // Stdio: the output is the answer.
    if let CodeMode::Stdio = spec.mode {
        let actual = exec.printed.clone();
        let shown_actual = Some(truncate(&actual, SHOWN_CHARS));
        let ok = match (&test.expected, checker) {
            (_, Some(checker)) => {
                let expected = match &test.expected {
                    Expected::Stdout(text) => Value::String(text.clone()),
                    _ => Value::Null,
                };
                let input = match &test.input {
                    TestInput::Stdin(text) => Value::String(text.clone()),
                    _ => Value::Null,
                };
                return run_checker(run, checker, input, expected, Value::String(actual), shown)
                    .map(|(v, m)| (v, m, shown_actual));
            }
            (Expected::Stdout(expected), None) => {
                if text_matches(expected, &actual, &spec.comparator) {
                    None
                } else {
                    Some(super::compare::first_difference(expected, &actual))
                }
            }
            _ => Some("no expected output to compare with".into()),
        };
        return Ok(match ok {
            None => (Verdict::Accepted, String::new(), shown_actual),
            Some(why) if shown => (Verdict::WrongAnswer, why, shown_actual),
            Some(_) => (Verdict::WrongAnswer, "wrong answer".into(), shown_actual),
        });
    }
    let value = match &exec.result {
        None => {
            return Ok((
                Verdict::RuntimeError,
                "the program ended before returning a result (did it exit early?)".into(),
                None,
            ))
        }
        Some(Err(e)) => return Ok((Verdict::RuntimeError, truncate(e, 300), None)),
        Some(Ok(value)) => value.clone(),
    };
    let value = match &spec.mode {
        CodeMode::Function { signature } => harness::normalise_result(value, &signature.returns),
        CodeMode::Class { class } => normalise_calls(value, &test.input, class),
        CodeMode::Stdio => value,
    };
    let actual_text = Some(truncate(&value.to_string(), SHOWN_CHARS));
    if let Some(checker) = checker {
        let expected = match &test.expected {
            Expected::Value(v) => v.clone(),
            Expected::AnyOf(vs) => Value::Array(vs.clone()),
            _ => Value::Null,
        };
        let input = input_json(&spec.mode, &test.input);
        return run_checker(run, checker, input, expected, value, shown)
            .map(|(v, m)| (v, m, actual_text));
    }
    let candidates: Vec<&Value> = match &test.expected {
        Expected::Value(v) => vec![v],
        Expected::AnyOf(vs) => vs.iter().collect(),
        _ => Vec::new(),
    };
    let class_mode = matches!(spec.mode, CodeMode::Class { .. });
    let matches = |expected: &Value| {
        if class_mode {
            // Each call's result on its own: an unordered comparator means
            // each returned list is a multiset, not the list of results.
            match (expected.as_array(), value.as_array()) {
                (Some(e), Some(a)) => {
                    e.len() == a.len()
                        && e.iter()
                            .zip(a)
                            .all(|(e, a)| values_match(e, a, &spec.comparator))
                }
                _ => false,
            }
        } else {
            values_match(expected, &value, &spec.comparator)
        }
    };
    if candidates.iter().any(|e| matches(e)) {
        return Ok((Verdict::Accepted, String::new(), actual_text));
    }
    let message = if !shown {
        "wrong answer".to_owned()
    } else if let (true, Some(expected)) = (class_mode, candidates.first()) {
        first_wrong_call(expected, &value, &test.input, &spec.comparator)
    } else {
        match candidates.as_slice() {
            [one] => format!(
                "expected {}, got {}",
                truncate(&one.to_string(), 300),
                truncate(&value.to_string(), 300)
            ),
            _ => format!(
                "got {}, which is none of the accepted answers",
                truncate(&value.to_string(), 300)
            ),
        }
    };
    Ok((Verdict::WrongAnswer, message, actual_text))
}

/// Null-for-empty normalisation per call result in class mode.
fn normalise_calls(
    value: Value,
    input: &TestInput,
    class: &crate::challenges::signature::ClassSpec,
) -> Value {
    let (Value::Array(items), TestInput::Calls(calls)) = (&value, input) else {
        return value;
    };
    Value::Array(
        items
            .iter()
            .zip(calls)
            .map(|(item, call)| match class.method(&call.method) {
                Some(method) => harness::normalise_result(item.clone(), &method.returns),
                None => item.clone(),
            })
            .collect(),
    )
}

fn first_wrong_call(
    expected: &Value,
    actual: &Value,
    input: &TestInput,
    comparator: &Comparator,
) -> String {
    let (Some(e), Some(a), TestInput::Calls(calls)) =
        (expected.as_array(), actual.as_array(), input)
    else {
        return "the results differ".into();
    };
    if e.len() != a.len() {
        return format!("expected {} results, got {}", e.len(), a.len());
    }
    for (k, ((e, a), call)) in e.iter().zip(a).zip(calls).enumerate() {
        if !values_match(e, a, comparator) {
            return format!(
                "call {} ({}{}): expected {}, got {}",
                k + 1,
                call.method,
                Value::Array(call.args.clone())
                    .to_string()
                    .replacen('[', "(", 1)
                    .trim_end_matches(']')
                    .to_owned()
                    + ")",
                truncate(&e.to_string(), 200),
                truncate(&a.to_string(), 200)
            );
        }
    }
    "the results differ".into()
}

/// The checker reads `{"input", "expected", "actual"}` and prints
/// `{"ok": bool, "message": "…"}`.
fn run_checker(
    run: &Run<'_>,
    checker: &Program,
    input: Value,
    expected: Value,
    actual: Value,
    shown: bool,
) -> Result<(Verdict, String), GradeError> {
    let stdin =
        serde_json::json!({ "input": input, "expected": expected, "actual": actual }).to_string();
    let outcome = run.execute(
        checker,
        &RunInput::stdin(stdin.into_bytes()),
        &limits::tooling(),
    )?;
    let text = outcome.stdout_text();
    let verdict: Option<(bool, String)> = (outcome.status == RunStatus::Ok)
        .then(|| serde_json::from_str::<Value>(text.trim()).ok())
        .flatten()
        .and_then(|v| {
            let ok = v.get("ok")?.as_bool()?;
            let message = v
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            Some((ok, message))
        });
    Ok(match verdict {
        Some((true, _)) => (Verdict::Accepted, String::new()),
        Some((false, message)) if shown => (Verdict::WrongAnswer, truncate(&message, 500)),
        Some((false, _)) => (Verdict::WrongAnswer, "wrong answer".into()),
        None => {
            tracing::error!(stdout = %truncate(&text, 500), stderr = %truncate(&outcome.stderr_text(), 500), detail = %outcome.detail, "the challenge's checker failed");
            (
                Verdict::InternalError,
                "the challenge's checker failed; this is not your fault".into(),
            )
        }
    })
}

/// The type a test's expected value has (for checks on generated tests).
pub fn result_type(mode: &CodeMode) -> Option<&Type> {
    match mode {
        CodeMode::Function { signature } => Some(&signature.returns),
        _ => None,
    }
}
