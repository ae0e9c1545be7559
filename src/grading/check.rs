//! `rehearse challenges check`: a package is only fit to publish when it
//! loads cleanly, every reference solution passes every test, every
//! known-wrong solution fails at least one, and each kept design answer
//! scores in its stated range.

use std::path::Path;
use std::time::{Duration, Instant};

use rehearse_sandbox::CancelToken;

use super::{materialise::materialise, Answer, Grader, Report, Scope, Verdict};
use crate::challenges::load::{load_package, Problem};
use crate::challenges::model::{Challenge, Spec};

/// What checking one package found.
#[derive(Debug)]
pub struct PackageCheck {
    /// The folder name (the slug, if it is a valid one).
    pub name: String,
    pub challenge: Option<Challenge>,
    /// The package's content hash (files and their contents).
    pub hash: Option<String>,
    /// Problems loading the package; when there are any, nothing was run.
    pub problems: Vec<Problem>,
    pub lines: Vec<CheckLine>,
    pub duration: Duration,
}

impl PackageCheck {
    pub fn passed(&self) -> bool {
        self.problems.is_empty() && self.lines.iter().all(|l| l.ok)
    }
}

/// One expectation and whether it held.
#[derive(Debug, Clone)]
pub struct CheckLine {
    /// `solutions/hash_map.py`.
    pub path: String,
    /// "must pass", "must fail", "must score ≥ 0.90".
    pub expectation: String,
    pub ok: bool,
    /// What happened: the verdict and score, or the failing test.
    pub outcome: String,
}

/// Checks the package in `dir`; `cancel` stops it early (a server
/// shutting down), leaving a check that did not pass.
pub fn check_package(grader: &Grader, dir: &Path, cancel: &CancelToken) -> PackageCheck {
    let started = Instant::now();
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut check = PackageCheck {
        name,
        challenge: None,
        hash: None,
        problems: Vec::new(),
        lines: Vec::new(),
        duration: Duration::ZERO,
    };
    let package = match load_package(dir, crate::harness::SUPPORT) {
        Ok(package) => package,
        Err(problems) => {
            check.problems = problems;
            check.duration = started.elapsed();
            return check;
        }
    };
    check.hash = Some(package.hash.clone());
    let challenge = match materialise(grader, &package.challenge, cancel) {
        Ok(challenge) => challenge,
        Err(problems) => {
            check.problems = problems;
            check.duration = started.elapsed();
            return check;
        }
    };
    check.lines = run_expectations(grader, &challenge, cancel);
    check.challenge = Some(challenge);
    check.duration = started.elapsed();
    check
}

pub fn run_expectations(
    grader: &Grader,
    challenge: &Challenge,
    cancel: &CancelToken,
) -> Vec<CheckLine> {
    let mut lines = Vec::new();
    let grade = |answer: Answer| grader.grade(challenge, &answer, &Scope::All, cancel, &mut |_| {});
    match &challenge.spec {
        Spec::Code(spec) => {
            if spec.validator.is_some() {
                lines.push(validator_line(grader, spec, cancel));
            }
            for file in &spec.solutions {
                let result = grade(Answer::Code {
                    language: file.language,
                    source: file.source.clone(),
                });
                let peak = result
                    .as_ref()
                    .ok()
                    .map(|r| r.tests.iter().map(|t| t.fuel).max().unwrap_or(0));
                let mut line = expect_pass(&file.path, result);
                // How close the reference comes to its budget: limits should
                // leave the intended solution room in every language.
                if let (true, Some(peak)) = (line.ok, peak) {
                    let budget = super::limits::for_test(&spec.limits, file.language)
                        .fuel
                        .max(1);
                    line.outcome.push_str(&format!(
                        ", at most {:.0} % of a test's budget",
                        peak as f64 * 100.0 / budget as f64
                    ));
                }
                lines.push(line);
            }
            for file in &spec.wrong {
                let result = grade(Answer::Code {
                    language: file.language,
                    source: file.source.clone(),
                });
                lines.push(expect_fail(&file.path, result));
            }
        }
        Spec::Sql(spec) => {
            lines.push(expect_pass(
                "solutions (reference)",
                grade(Answer::Sql {
                    source: spec.reference.clone(),
                }),
            ));
            for file in &spec.wrong {
                lines.push(expect_fail(
                    &file.path,
                    grade(Answer::Sql {
                        source: file.source.clone(),
                    }),
                ));
            }
        }
        Spec::Design(spec) => {
            for check in &spec.answers {
                let report = super::design::grade(spec, &check.answer);
                let score = report.score;
                let mut expectation = Vec::new();
                let mut ok = true;
                if let Some(min) = check.min_score {
                    expectation.push(format!("≥ {:.0} %", min * 100.0));
                    ok &= score >= min;
                }
                if let Some(max) = check.max_score {
                    expectation.push(format!("≤ {:.0} %", max * 100.0));
                    ok &= score <= max;
                }
                lines.push(CheckLine {
                    path: check.path.clone(),
                    expectation: format!("must score {}", expectation.join(" and ")),
                    ok,
                    outcome: format!("scored {:.1} %", score * 100.0),
                });
            }
        }
    }
    lines
}

/// The package's `validator.py` must accept every test it ships.
fn validator_line(
    grader: &Grader,
    spec: &crate::challenges::model::CodeSpec,
    cancel: &CancelToken,
) -> CheckLine {
    let mut ignore = |_| {};
    let run = super::Run {
        grader,
        cancel,
        progress: &mut ignore,
    };
    let refused = spec.tests.iter().find_map(|test| {
        super::code::validate(&run, spec, &test.input)
            .err()
            .map(|e| format!("refuses `{}`: {e}", test.name))
    });
    CheckLine {
        path: "validator.py".into(),
        expectation: "must accept every test".into(),
        ok: refused.is_none(),
        outcome: refused.unwrap_or_else(|| format!("accepted {} tests", spec.tests.len())),
    }
}

fn summary(report: &Report) -> String {
    let failed = report.tests.iter().find(|t| t.verdict != Verdict::Accepted);
    match (report.verdict, failed) {
        (Verdict::CompileError, _) => format!(
            "Compile Error: {}",
            super::truncate(report.compile_output.as_deref().unwrap_or("").trim(), 400)
        ),
        (Verdict::Accepted, _) => format!(
            "Accepted, {} tests, cost {} instructions",
            report.tests.len(),
            report.fuel
        ),
        (verdict, Some(test)) => format!(
            "{verdict} on `{}` ({:.0} % of tests passed){}",
            test.name,
            report.score * 100.0,
            if test.message.is_empty() {
                String::new()
            } else {
                format!(": {}", super::truncate(&test.message, 300))
            }
        ),
        (verdict, None) => verdict.to_string(),
    }
}

fn expect_pass(path: &str, result: Result<Report, super::GradeError>) -> CheckLine {
    match result {
        Ok(report) => CheckLine {
            path: path.to_owned(),
            expectation: "must pass".into(),
            ok: report.verdict == Verdict::Accepted,
            outcome: summary(&report),
        },
        Err(e) => CheckLine {
            path: path.to_owned(),
            expectation: "must pass".into(),
            ok: false,
            outcome: e.to_string(),
        },
    }
}

fn expect_fail(path: &str, result: Result<Report, super::GradeError>) -> CheckLine {
    match result {
        Ok(report) => CheckLine {
            path: path.to_owned(),
            expectation: "must fail".into(),
            ok: report.verdict != Verdict::Accepted && report.verdict != Verdict::InternalError,
            outcome: summary(&report),
        },
        Err(e) => CheckLine {
            path: path.to_owned(),
            expectation: "must fail".into(),
            ok: false,
            outcome: e.to_string(),
        },
    }
}
