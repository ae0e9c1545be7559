//! Grading: a challenge and an answer in, a [`Report`] out.
//!
//! - [`code`] runs a program once per test in the sandbox (so one test's
//!   timeout never costs the others their results) and compares each
//!   result with a [`compare`] comparator;
//! - [`sql`] runs the query (or statement) on a fresh SQLite per dataset
//!   and compares result tables;
//! - [`design`] scores a written design against the challenge's rubric.
//!
//! [`materialise`] turns generated tests into concrete ones; [`check`] is
//! what `rehearse challenges check` runs over a package. Grading is
//! blocking (the sandbox runs guests on threads of its own); async callers
//! wrap it in `spawn_blocking`. This layer knows nothing about HTTP, users
//! or the database.

pub mod check;
pub mod code;
pub mod compare;
pub mod conceal;
pub mod design;
pub mod limits;
pub mod materialise;
pub mod sql;

use rehearse_sandbox::{
    CancelToken, Language, Limits, Program, RunInput, RunOutcome, RunStatus, Sandbox,
};
use serde::{Deserialize, Serialize};

use crate::challenges::model::{Challenge, Dataset, DesignAnswer, Spec, TestCase, TestInput};

pub use crate::domain::Verdict;

/// What a candidate hands in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Answer {
    Code {
        /// `python`, `javascript`, `cpp`, `rust` or `c`.
        #[schema(value_type = String)]
        language: Language,
        source: String,
    },
    Sql {
        source: String,
    },
    Design(DesignAnswer),
}

impl Answer {
    /// An answer from text written in an editor under a language name, as
    /// drafts and live rooms keep it: `sql`, `design` (Markdown with a
    /// `## section` heading per section), or a code language. `None` when
    /// the name is no language or the design text has no sections.
    pub fn from_text(language: &str, source: String) -> Option<Answer> {
        match language {
            "sql" => Some(Answer::Sql { source }),
            "design" => DesignAnswer::from_markdown(&source)
                .ok()
                .map(Answer::Design),
            other => Language::parse(other).map(|language| Answer::Code { language, source }),
        }
    }
}

/// Which tests to run.
#[derive(Debug, Clone, PartialEq)]
pub enum Scope {
    /// Every test: a submission.
    All,
    /// Only the sample tests: "Run" in the editor, nothing stored as a score.
    Samples,
    /// The candidate's own input: the answer and the reference solution
    /// both run on it, and the outputs are shown side by side.
    Custom(TestInput),
}

impl Scope {
    /// Whether a code challenge's test runs in this scope (a custom input
    /// replaces them all).
    pub fn includes_test(&self, test: &TestCase) -> bool {
        match self {
            Scope::All => true,
            Scope::Samples => test.sample,
            Scope::Custom(_) => false,
        }
    }

    /// Whether a SQL challenge's dataset is graded in this scope.
    pub fn includes_dataset(&self, dataset: &Dataset) -> bool {
        match self {
            Scope::All => true,
            Scope::Samples => !dataset.hidden,
            Scope::Custom(_) => false,
        }
    }

    /// How many tests grading `spec` in this scope runs; `None` for design
    /// answers, which have a rubric instead.
    pub fn test_count(&self, spec: &Spec) -> Option<u32> {
        let count = match (spec, self) {
            (Spec::Design(_), _) => return None,
            (_, Scope::Custom(_)) => 1,
            (Spec::Code(code), _) => code.tests.iter().filter(|t| self.includes_test(t)).count(),
            (Spec::Sql(sql), _) => sql
                .datasets
                .iter()
                .filter(|d| self.includes_dataset(d))
                .count(),
        };
        Some(u32::try_from(count).unwrap_or(u32::MAX))
    }
}

/// One finished test, as a submission's live progress shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ProgressItem {
    pub name: String,
    pub verdict: Verdict,
}

/// The result of grading one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Report {
    pub verdict: Verdict,
    /// Fraction of the test weight passed (or rubric score), 0–1.
    pub score: f64,
    pub tests: Vec<TestReport>,
    /// The compiler's message for a Compile Error.
    pub compile_output: Option<String>,
    /// The sum of the tests' fuel: the deterministic cost of the answer.
    pub fuel: u64,
    /// Rubric feedback for a design answer.
    pub design: Option<design::Feedback>,
}

impl Report {
    /// Points earned out of `points`.
    pub fn points(&self, points: u32) -> f64 {
        (self.score * f64::from(points) * 100.0).round() / 100.0
    }

    fn compile_error(message: String) -> Report {
        Report {
            verdict: Verdict::CompileError,
            score: 0.0,
            tests: Vec::new(),
            compile_output: Some(message),
            fuel: 0,
            design: None,
        }
    }

    /// Sums up per-test results: the first failing test's verdict (in test
    /// order, samples first as authored) or Accepted, and the weighted
    /// fraction passed.
    fn from_tests(tests: Vec<TestReport>) -> Report {
        let total: u64 = tests.iter().map(|t| u64::from(t.weight)).sum();
        let passed: u64 = tests
            .iter()
            .filter(|t| t.verdict == Verdict::Accepted)
            .map(|t| u64::from(t.weight))
            .sum();
        let verdict = tests
            .iter()
            .map(|t| t.verdict)
            .find(|v| *v != Verdict::Accepted)
            .unwrap_or(Verdict::Accepted);
        Report {
            verdict,
            score: if total == 0 {
                0.0
            } else {
                passed as f64 / total as f64
            },
            fuel: tests.iter().map(|t| t.fuel).sum(),
            tests,
            compile_output: None,
            design: None,
        }
    }
}

/// One test's result. Inputs and outputs are kept only for sample tests
/// (and custom runs): hidden tests never reveal them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TestReport {
    pub name: String,
    pub sample: bool,
    pub weight: u32,
    pub verdict: Verdict,
    /// A short explanation ("expected 3, got 4"; "line 4: IndexError …").
    pub message: String,
    /// Instructions executed: the test's deterministic cost.
    pub fuel: u64,
    pub time_ms: f64,
    pub memory_bytes: u64,
    pub input: Option<String>,
    pub expected: Option<String>,
    pub actual: Option<String>,
    /// What the program printed besides its result (debug output).
    pub printed: Option<String>,
    /// For SQL: how the result table differs from the expected one.
    pub diff: Option<sql::TableDiff>,
}

/// How far grading has got, for live progress.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub name: String,
    pub verdict: Verdict,
}

/// Why an answer could not be graded at all (as opposed to grading badly).
#[derive(Debug, thiserror::Error)]
pub enum GradeError {
    #[error("this challenge does not take answers in {0}")]
    Language(String),
    #[error("this is a {expected} challenge; the answer is {found}")]
    WrongKind {
        expected: &'static str,
        found: &'static str,
    },
    #[error("{0}")]
    BadInput(String),
    #[error("{language} cannot run on this server: {reason}")]
    Unavailable { language: Language, reason: String },
    #[error("grading was cancelled")]
    Cancelled,
    /// The machine was too busy to give a run its fair share, even after
    /// retries: nothing is known about the answer, so no verdict is given
    /// (the worker tries the whole grading again later).
    #[error("the machine is too busy to grade fairly: {0}")]
    Overloaded(String),
    #[error("internal grading error: {0}")]
    Internal(String),
}

/// Grades answers with one sandbox; cheap to clone and share.
#[derive(Clone)]
pub struct Grader {
    sandbox: Sandbox,
}

impl Grader {
    pub fn new(sandbox: Sandbox) -> Self {
        Self { sandbox }
    }

    pub fn sandbox(&self) -> &Sandbox {
        &self.sandbox
    }

    /// Grades `answer`; `progress` hears of each test as it finishes, and
    /// `cancel` stops grading (within a millisecond, mid-test).
    pub fn grade(
        &self,
        challenge: &Challenge,
        answer: &Answer,
        scope: &Scope,
        cancel: &CancelToken,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Report, GradeError> {
        let mut run = Run {
            grader: self,
            cancel,
            progress,
        };
        match (&challenge.spec, answer) {
            (Spec::Code(spec), Answer::Code { language, source }) => {
                code::grade(&mut run, spec, *language, source, scope)
            }
            (Spec::Sql(spec), Answer::Sql { source }) => sql::grade(&mut run, spec, source, scope),
            (Spec::Design(spec), Answer::Design(answer)) => Ok(design::grade(spec, answer)),
            (spec, answer) => Err(GradeError::WrongKind {
                expected: match spec {
                    Spec::Code(_) => "code",
                    Spec::Sql(_) => "SQL",
                    Spec::Design(_) => "system-design",
                },
                found: match answer {
                    Answer::Code { .. } => "code",
                    Answer::Sql { .. } => "SQL",
                    Answer::Design(_) => "a design",
                },
            }),
        }
    }
}

/// How many times a run stopped by the wall clock is tried again.
pub(crate) const OVERLOADED_RETRIES: u32 = 2;

/// One grading in progress: what the kind-specific graders need.
pub(crate) struct Run<'a> {
    pub grader: &'a Grader,
    pub cancel: &'a CancelToken,
    pub progress: &'a mut dyn FnMut(Progress),
}

impl Run<'_> {
    pub fn sandbox(&self) -> &Sandbox {
        &self.grader.sandbox
    }

    pub fn check_cancelled(&self) -> Result<(), GradeError> {
        if self.cancel.is_cancelled() {
            Err(GradeError::Cancelled)
        } else {
            Ok(())
        }
    }

    /// Runs `program` once. A run the machine was too busy for
    /// ([`RunStatus::Overloaded`]) is tried again after a pause — a
    /// wall-clock stop must never become a verdict — and after
    /// [`OVERLOADED_RETRIES`] the grading gives up with
    /// [`GradeError::Overloaded`]. Cancellation is an error too, so callers
    /// only ever see outcomes that say something about the program.
    pub fn execute(
        &self,
        program: &Program,
        input: &RunInput,
        limits: &Limits,
    ) -> Result<RunOutcome, GradeError> {
        let mut pause = std::time::Duration::from_millis(200);
        for attempt in 0..=OVERLOADED_RETRIES {
            let outcome = program.run_cancellable(input, limits, self.cancel);
            match outcome.status {
                RunStatus::Cancelled => return Err(GradeError::Cancelled),
                RunStatus::Overloaded if attempt < OVERLOADED_RETRIES => {
                    tracing::warn!(detail = %outcome.detail, attempt, "run stopped by the wall clock; trying again");
                    std::thread::sleep(pause);
                    pause *= 4;
                    self.check_cancelled()?;
                }
                RunStatus::Overloaded => return Err(GradeError::Overloaded(outcome.detail)),
                _ => return Ok(outcome),
            }
        }
        Err(GradeError::Overloaded("no run finished".into()))
    }

    pub fn report(&mut self, done: usize, total: usize, test: &TestReport) {
        (self.progress)(Progress {
            done,
            total,
            name: test.name.clone(),
            verdict: test.verdict,
        });
    }
}

/// Keeps the start of a long text, with a note of what was cut.
pub(crate) fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars).collect();
    format!(
        "{cut}… ({} more characters)",
        text.chars().count() - max_chars
    )
}
