//! `rehearse challenges check|import|list` and `rehearse grade`: the tools
//! instructors use on challenge packages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context as _};
use rehearse_sandbox::{CancelToken, Language};

use crate::catalog::{describe_refusal, Catalog, Imported};
use crate::challenges::model::{Challenge, DesignAnswer, Spec};
use crate::challenges::{find_packages, load_package, skills};
use crate::grading::check::{check_package, PackageCheck};
use crate::grading::materialise::materialise;
use crate::grading::{Answer, Grader, Report, Scope, Verdict};

/// Checks packages; prints a block per package and a closing line; fails
/// when any package fails.
pub fn check(grader: &Grader, dirs: &[PathBuf], jobs: usize) -> anyhow::Result<()> {
    let started = Instant::now();
    let packages = find_packages(dirs).map_err(problems_error)?;
    // Packages are independent: `jobs` threads take the next one in turn,
    // and each package's block prints whole when it is done.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, packages.len().max(1)) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(dir) = packages.get(i) else { break };
                let check = check_package(grader, dir, &CancelToken::default());
                let mut results = results.lock().unwrap_or_else(|e| e.into_inner());
                print_check(&check);
                results.push(check);
            });
        }
    });
    let results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    let failed: Vec<String> = results
        .iter()
        .filter(|c| !c.passed())
        .map(|c| c.name.clone())
        .collect();
    let challenges: Vec<Challenge> = results.into_iter().filter_map(|c| c.challenge).collect();
    println!();
    print_counts(&challenges);
    println!(
        "checked {} challenges in {:.1} s: {} passed, {} failed",
        packages.len(),
        started.elapsed().as_secs_f64(),
        packages.len() - failed.len(),
        failed.len()
    );
    if !failed.is_empty() {
        bail!(
            "these challenges failed their checks: {}",
            failed.join(", ")
        );
    }
    Ok(())
}

fn print_check(check: &PackageCheck) {
    let what = check
        .challenge
        .as_ref()
        .map(|c| format!(" ({}, {})", c.kind().as_str(), c.difficulty.as_str()))
        .unwrap_or_default();
    let status = if check.passed() { "ok" } else { "FAILED" };
    println!(
        "{}{what}: {status} in {:.1} s",
        check.name,
        check.duration.as_secs_f64()
    );
    for problem in &check.problems {
        println!("  ✗ {problem}");
    }
    for line in &check.lines {
        let mark = if line.ok { "✓" } else { "✗" };
        println!(
            "  {mark} {} {}: {}",
            line.path, line.expectation, line.outcome
        );
    }
}

fn problems_error(problems: Vec<crate::challenges::Problem>) -> anyhow::Error {
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    anyhow::anyhow!("{}", lines.join("\n"))
}

/// Counts per kind, difficulty and skill.
fn print_counts(challenges: &[Challenge]) {
    if challenges.is_empty() {
        return;
    }
    let mut kinds: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut by_skill: BTreeMap<&str, usize> = BTreeMap::new();
    for c in challenges {
        *kinds
            .entry(c.kind().as_str())
            .or_default()
            .entry(c.difficulty.as_str())
            .or_default() += 1;
        for skill in &c.skills {
            *by_skill.entry(skill.as_str()).or_default() += 1;
        }
    }
    println!(
        "{:<8} {:>5} {:>6} {:>6} {:>6}",
        "kind", "total", "easy", "medium", "hard"
    );
    for (kind, counts) in &kinds {
        let get = |d: &str| counts.get(d).copied().unwrap_or(0);
        println!(
            "{kind:<8} {:>5} {:>6} {:>6} {:>6}",
            counts.values().sum::<usize>(),
            get("easy"),
            get("medium"),
            get("hard")
        );
    }
    println!("{:<8} {:>5}", "all", challenges.len());
    println!();
    println!("{:<28} {:>5}", "skill", "count");
    for (key, _) in skills::SKILLS {
        if let Some(n) = by_skill.get(key) {
            println!("{:<28} {n:>5}", skills::display_name(key));
        }
    }
    println!();
}

/// Lists the packages under `dirs` (loaded, not run) with the counts.
pub fn list(dirs: &[PathBuf]) -> anyhow::Result<()> {
    let packages = find_packages(dirs).map_err(problems_error)?;
    let mut challenges = Vec::new();
    let mut broken = Vec::new();
    for dir in &packages {
        match load_package(dir, crate::harness::SUPPORT) {
            Ok(package) => challenges.push(package.challenge),
            Err(problems) => broken.extend(problems),
        }
    }
    println!("{:<36} {:<7} {:<7} skills", "slug", "kind", "level");
    for c in &challenges {
        println!(
            "{:<36} {:<7} {:<7} {}",
            c.slug,
            c.kind().as_str(),
            c.difficulty.as_str(),
            c.skills.join(", ")
        );
    }
    println!();
    print_counts(&challenges);
    if !broken.is_empty() {
        bail!("some packages do not load:\n{}", problems_error(broken));
    }
    Ok(())
}

/// Imports packages into the database; prints one line per package.
pub fn import(catalog: &Catalog, dirs: &[PathBuf]) -> anyhow::Result<()> {
    let packages = find_packages(dirs).map_err(problems_error)?;
    let mut refused = Vec::new();
    for dir in &packages {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match catalog.import_package(dir, &CancelToken::default())? {
            Imported::Created { version } => println!("{name}: created (version {version})"),
            Imported::NewVersion { version } => println!("{name}: changed, now version {version}"),
            Imported::Unchanged { version } => println!("{name}: unchanged (version {version})"),
            Imported::Refused(check) => {
                println!("{name}: refused");
                for line in describe_refusal(&check) {
                    println!("  ✗ {line}");
                }
                refused.push(name);
            }
            Imported::Interrupted => bail!("{name}: interrupted"),
        }
    }
    if !refused.is_empty() {
        bail!("not imported: {}", refused.join(", "));
    }
    Ok(())
}

/// Grades a local file against a challenge from a package folder and
/// prints the per-test table.
pub fn grade(
    grader: &Grader,
    library: &Path,
    slug: &str,
    file: &Path,
    lang: Option<&str>,
    samples: bool,
) -> anyhow::Result<()> {
    let dir = library.join(slug);
    let package = load_package(&dir, crate::harness::SUPPORT).map_err(problems_error)?;
    let challenge =
        materialise(grader, &package.challenge, &CancelToken::default()).map_err(problems_error)?;
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let answer = match &challenge.spec {
        Spec::Code(_) => {
            let language = match lang {
                Some(name) => {
                    Language::parse(name).with_context(|| format!("unknown language `{name}`"))?
                }
                None => language_from_extension(file)?,
            };
            Answer::Code {
                language,
                source: text,
            }
        }
        Spec::Sql(_) => Answer::Sql { source: text },
        Spec::Design(_) => Answer::Design(
            DesignAnswer::from_markdown(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?,
        ),
    };
    let scope = if samples { Scope::Samples } else { Scope::All };
    let live = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let report = grader.grade(
        &challenge,
        &answer,
        &scope,
        &CancelToken::default(),
        &mut |p| {
            // Live progress only on a terminal; it would garble a log.
            if live {
                eprint!("\rtest {}/{} {}   ", p.done, p.total, p.verdict.short());
            }
        },
    )?;
    if live {
        eprint!("\r{:40}\r", "");
    }
    print_report(&challenge, &report);
    if report.verdict != Verdict::Accepted {
        std::process::exit(1);
    }
    Ok(())
}

fn language_from_extension(file: &Path) -> anyhow::Result<Language> {
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    Language::parse(match ext {
        "py" => "python",
        "js" => "javascript",
        "rs" => "rust",
        "cc" | "cxx" => "cpp",
        other => other,
    })
    .with_context(|| {
        format!(
            "cannot tell the language of {}; pass --lang",
            file.display()
        )
    })
}

/// The per-test table, as the web app shows it.
pub fn print_report(challenge: &Challenge, report: &Report) {
    println!(
        "{} · {} · {:.1} % ({} of {} points) · cost {} instructions",
        challenge.title,
        report.verdict,
        report.score * 100.0,
        report.points(challenge.points),
        challenge.points,
        group_digits(report.fuel)
    );
    if let Some(output) = &report.compile_output {
        println!("\n{output}");
    }
    if !report.tests.is_empty() {
        println!(
            "\n{:>3}  {:<28} {:<4} {:>10} {:>15}  message",
            "#", "test", "", "time", "cost"
        );
        for (i, t) in report.tests.iter().enumerate() {
            let name = if t.sample {
                t.name.clone()
            } else {
                format!("{} (hidden)", t.name)
            };
            println!(
                "{:>3}  {:<28} {:<4} {:>8.2}ms {:>15}  {}",
                i + 1,
                crate::grading::truncate(&name, 28),
                t.verdict.short(),
                t.time_ms,
                group_digits(t.fuel),
                t.message.lines().next().unwrap_or("")
            );
            if t.verdict != Verdict::Accepted && t.sample {
                for (label, text) in [
                    ("input", &t.input),
                    ("expected", &t.expected),
                    ("actual", &t.actual),
                    ("printed", &t.printed),
                ] {
                    if let Some(text) = text {
                        println!(
                            "       {label}: {}",
                            crate::grading::truncate(&text.replace('\n', "\n         "), 400)
                        );
                    }
                }
                if t.message.lines().count() > 1 {
                    println!("       {}", t.message.replace('\n', "\n       "));
                }
            }
        }
    }
    if let Some(design) = &report.design {
        println!(
            "\n{} words (expected about {}), length factor {:.2}",
            design.words, design.expected_words, design.length_factor
        );
        for c in &design.criteria {
            let mark = if c.earned >= f64::from(c.weight) {
                "✓"
            } else if c.earned > 0.0 {
                "½"
            } else {
                "✗"
            };
            println!(
                "  {mark} {:>4.1}/{:<2} {} — {}",
                c.earned, c.weight, c.label, c.explanation
            );
        }
        for p in &design.penalties {
            println!(
                "  − {:>4}   {} (under {}): {}",
                p.weight,
                p.label,
                p.found_in.title(),
                p.why
            );
        }
    }
}

fn group_digits(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
