#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use rehearse::challenges::load_package;
use rehearse::challenges::model::Challenge;
use rehearse::grading::materialise::materialise;
use rehearse::grading::{Answer, GradeError, Grader, Report, Scope, TestReport, Verdict};
use rehearse_sandbox::{CancelToken, Language, Sandbox, SandboxConfig};

pub fn grader() -> &'static Grader {
    static GRADER: OnceLock<Grader> = OnceLock::new();
    GRADER.get_or_init(|| {
        let config = SandboxConfig {
            cache_dir: PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("grading-sandbox-cache"),
            ..SandboxConfig::default()
        };
        Grader::new(Sandbox::new(config).expect("sandbox"))
    })
}

fn load(dir: PathBuf) -> Challenge {
    let package = load_package(&dir, rehearse::harness::SUPPORT)
        .unwrap_or_else(|p| panic!("{}: {p:?}", dir.display()));
    materialise(grader(), &package.challenge, &Default::default())
        .unwrap_or_else(|p| panic!("{}: {p:?}", dir.display()))
}

/// A small package from tests/packages.
pub fn fixture(name: &str) -> Challenge {
    load(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/packages")
            .join(name),
    )
}

/// A package from the challenge library.
pub fn library(name: &str) -> Challenge {
    load(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("challenges")
            .join(name),
    )
}

pub fn try_grade(
    challenge: &Challenge,
    answer: Answer,
    scope: Scope,
) -> Result<Report, GradeError> {
    grader().grade(
        challenge,
        &answer,
        &scope,
        &CancelToken::default(),
        &mut |_| {},
    )
}

pub fn grade_code(challenge: &Challenge, language: Language, source: &str) -> Report {
    try_grade(
        challenge,
        Answer::Code {
            language,
            source: source.to_owned(),
        },
        Scope::All,
    )
    .expect("graded")
}

pub fn grade_sql(challenge: &Challenge, source: &str) -> Report {
    try_grade(
        challenge,
        Answer::Sql {
            source: source.to_owned(),
        },
        Scope::All,
    )
    .expect("graded")
}

pub fn test<'a>(report: &'a Report, name: &str) -> &'a TestReport {
    report
        .tests
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no test {name} in {report:#?}"))
}

pub fn verdicts(report: &Report) -> Vec<(String, Verdict)> {
    report
        .tests
        .iter()
        .map(|t| (t.name.clone(), t.verdict))
        .collect()
}
