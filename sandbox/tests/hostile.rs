//! The hostile corpus: every program under `tests/hostile/` declares, in its
//! first comment lines, the outcome it must get (`expect: …`, and optionally
//! `stdout: …`, `stdout-contains: …`, `exit: …` and `wall-ms: …`). SQL cases are queries
//! run on an empty database. Each runs under tight limits; the host must
//! neither crash nor hang, and no line of the host's `/etc/passwd` may
//! appear in anything the sandbox returns.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::sandbox;
use rehearse_sandbox::{Language, Limits, PrepareError, RunInput, RunStatus};

struct Case {
    path: PathBuf,
    expect: String,
    stdout: Option<String>,
    stdout_contains: Option<String>,
    exit: Option<i32>,
    /// Wall-clock limit for this case, when the default second is too short
    /// (memory bombs must reach the memory limit first, even on a busy machine).
    wall: Duration,
}

fn directives(path: &Path) -> Case {
    let text = std::fs::read_to_string(path).unwrap();
    let mut case = Case {
        path: path.to_path_buf(),
        expect: String::new(),
        stdout: None,
        stdout_contains: None,
        exit: None,
        wall: Duration::from_secs(1),
    };
    for line in text.lines().take_while(|l| {
        l.starts_with("//") || l.starts_with(";;") || l.starts_with("--") || l.starts_with("#")
    }) {
        let line = line.trim_start_matches(['/', ';', '-', '#']).trim();
        if let Some(v) = line.strip_prefix("expect:") {
            case.expect = v.trim().to_owned();
        } else if let Some(v) = line.strip_prefix("stdout-contains:") {
            case.stdout_contains = Some(v.trim().to_owned());
        } else if let Some(v) = line.strip_prefix("stdout:") {
            case.stdout = Some(v.trim().to_owned());
        } else if let Some(v) = line.strip_prefix("wall-ms:") {
            case.wall = Duration::from_millis(v.trim().parse().unwrap());
        } else if let Some(v) = line.strip_prefix("exit:") {
            case.exit = Some(v.trim().parse().unwrap());
        }
    }
    assert!(
        !case.expect.is_empty(),
        "{} has no `expect:` line",
        path.display()
    );
    case
}

fn limits(case: &Case) -> Limits {
    Limits {
        cpu_time: case.wall,
        // The wall clock only tells a starved run from a slow one.
        wall_time: case.wall * 4,
        memory_bytes: 64 * 1024 * 1024,
        ..Limits::default()
    }
}

/// What must never come back from a run or a compile: lines of the host's
/// passwd file, this process's environment as `/proc/*/environ` would show
/// it (`KEY=value`; the server's holds DATABASE_URL), and the compile jail's
/// host-side working directory.
fn host_secrets() -> Vec<String> {
    let mut secrets: Vec<String> = std::fs::read_to_string("/etc/passwd")
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains(':'))
        .map(str::to_owned)
        .collect();
    secrets.extend(
        std::env::vars()
            .filter(|(_, value)| value.len() >= 8)
            .map(|(key, value)| format!("{key}={value}")),
    );
    secrets.push("rehearse-compile-".into());
    secrets
}

/// Runs one case; returns a description of what went wrong, if anything.
fn check(case: &Case, secrets: &[String]) -> Option<String> {
    let ext = case.path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let source = std::fs::read(&case.path).unwrap();
    let prepared = match ext {
        "wat" => sandbox().prepare_module(&source),
        other => {
            let language =
                Language::parse(other).unwrap_or_else(|| panic!("unknown extension {other}"));
            sandbox().prepare(language, &String::from_utf8_lossy(&source))
        }
    };
    let leaked = |text: &str| secrets.iter().find(|s| text.contains(s.as_str())).cloned();
    let program = match prepared {
        Err(PrepareError::Compile { message }) => {
            if let Some(line) = leaked(&message) {
                return Some(format!("the compile error leaks {line:?}"));
            }
            return (case.expect != "compile_error").then(|| format!("compile error:\n{message}"));
        }
        Err(other) => return Some(format!("prepare failed: {other}")),
        Ok(program) => program,
    };
    if case.expect == "compile_error" {
        return Some("compiled, but must not".into());
    }
    let outcome = program.run(&RunInput::default(), &limits(case));
    for text in [
        outcome.stdout_text(),
        outcome.stderr_text(),
        outcome.detail.clone(),
    ] {
        if let Some(line) = leaked(&text) {
            return Some(format!("the run leaks {line:?}"));
        }
    }
    if outcome.status.as_str() != case.expect {
        return Some(format!(
            "status {} ({}), stderr {:?}",
            outcome.status.as_str(),
            outcome.detail,
            outcome.stderr_text().chars().take(300).collect::<String>()
        ));
    }
    if outcome.wall_time > limits(case).wall_time + Duration::from_secs(1) {
        return Some(format!("ran {:?}, past its limit", outcome.wall_time));
    }
    if let Some(expected) = &case.stdout {
        if outcome.stdout_text().trim_end() != expected {
            return Some(format!(
                "stdout {:?}, expected {expected:?}",
                outcome.stdout_text()
            ));
        }
    }
    if let Some(needle) = &case.stdout_contains {
        if !outcome.stdout_text().contains(needle.as_str()) {
            return Some(format!(
                "stdout {:?} lacks {needle:?}",
                outcome.stdout_text()
            ));
        }
    }
    if let Some(code) = case.exit {
        if outcome.exit_code != Some(code) {
            return Some(format!(
                "exit code {:?}, expected {code}",
                outcome.exit_code
            ));
        }
    }
    let name = case.path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if name == "invalid_utf8" && outcome.stdout != [0xff, 0xfe, 0x41, 0x0a] {
        return Some(format!(
            "bytes {:?} were not passed through exactly",
            outcome.stdout
        ));
    }
    if outcome.status == RunStatus::Ok && case.expect != "ok" {
        return Some("finished normally".into());
    }
    None
}

#[test]
fn every_hostile_program_gets_its_expected_outcome() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut cases: Vec<Case> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| directives(&p))
        .collect();
    cases.sort_by(|a, b| a.path.cmp(&b.path));
    assert!(
        cases.len() >= 30,
        "the corpus has only {} cases",
        cases.len()
    );
    let secrets = host_secrets();
    // Independent cases run side by side, as a worker pool would run them.
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = cases
            .chunks(cases.len().div_ceil(4))
            .map(|chunk| {
                let secrets = &secrets;
                scope.spawn(move || {
                    chunk
                        .iter()
                        .filter_map(|case| {
                            check(case, secrets).map(|problem| {
                                format!(
                                    "{}: {problem}",
                                    case.path.file_name().unwrap().to_string_lossy()
                                )
                            })
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
