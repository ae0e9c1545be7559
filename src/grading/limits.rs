//! Per-test limits for each language, from a challenge's base limit.
//!
//! A challenge states one time limit, for a compiled language (C, C++,
//! Rust). Each language gets that limit times its **multiplier**, measured
//! by `make bench` (the calibration table in docs/BENCHMARKS.md: the same
//! algorithms written in every language, run in the sandbox) so that the
//! same algorithm passes the same limits whatever the language.
//!
//! The limit is enforced as an **instruction budget** (wasmtime fuel),
//! which makes verdicts deterministic: a solution that passes passes on any
//! machine, under any load. Each language's instruction rate (fuel per
//! millisecond of its running time) is calibrated the same way; the budget
//! is time limit × multiplier × rate. Wall-clock time is only a backstop, at five
//! times the language's limit, for programs that wait instead of compute.

use std::time::Duration;

use rehearse_sandbox::{Language, Limits};

use crate::challenges::model::{CodeLimits, Spec};

/// How a language's speed compares with compiled code.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LanguageCost {
    /// Time relative to compiled code for the same algorithm.
    pub multiplier: f64,
    /// Instructions (fuel) the language executes per millisecond of its own
    /// running time: the highest rate over the calibration workloads, so
    /// that the budget never ends a run before its time would.
    pub fuel_per_ms: u64,
}

/// Calibrated costs, from `make bench` (the calibration table in
/// docs/BENCHMARKS.md), rounded. C, C++ and Rust share multiplier 1: they
/// are the compiled languages a time limit is written for.
pub fn calibrated(language: Language) -> LanguageCost {
    match language {
        Language::C => LanguageCost {
            multiplier: 1.0,
            fuel_per_ms: 17_000_000,
        },
        Language::Cpp => LanguageCost {
            multiplier: 1.0,
            fuel_per_ms: 15_000_000,
        },
        Language::Rust => LanguageCost {
            multiplier: 1.0,
            fuel_per_ms: 19_000_000,
        },
        Language::JavaScript => LanguageCost {
            multiplier: 28.0,
            fuel_per_ms: 11_500_000,
        },
        Language::Python => LanguageCost {
            multiplier: 57.0,
            fuel_per_ms: 6_200_000,
        },
        // SQLite is compiled C.
        Language::Sql => LanguageCost {
            multiplier: 1.0,
            fuel_per_ms: 17_000_000,
        },
    }
}

/// The CPU-time backstop, as a multiple of the language's time limit:
/// loose enough that the instruction budget decides, and there for work
/// fuel does not count (a bulk memory copy is one instruction).
const CPU_BACKSTOP: f64 = 3.0;
/// The least CPU time any test gets: page faults and memory growth cost
/// CPU that fuel does not see.
const CPU_FLOOR: Duration = Duration::from_secs(1);
/// Start-up allowance added to the backstop (instantiation, and the
/// interpreter's own start for Python and JavaScript).
const CPU_SLACK: Duration = Duration::from_millis(250);
/// The wall clock allows this many times the CPU time (plus a second): a
/// run that reaches it was starved by a busy machine, which is never the
/// candidate's fault (the run is tried again; see `Run::execute`).
const WALL_PER_CPU: u32 = 4;

/// The language's multiplier, unless the challenge overrides it.
pub fn multiplier(limits: &CodeLimits, language: Language) -> f64 {
    limits
        .multipliers
        .get(&language)
        .copied()
        .unwrap_or_else(|| calibrated(language).multiplier)
}

/// The time limit shown to candidates for `language`.
pub fn time_limit(limits: &CodeLimits, language: Language) -> Duration {
    Duration::from_secs_f64(f64::from(limits.time_ms) * multiplier(limits, language) / 1000.0)
}

/// The CPU-time and wall-clock backstops for a run whose time limit is
/// `time`.
pub fn backstops(time: Duration) -> (Duration, Duration) {
    let cpu = time.mul_f64(CPU_BACKSTOP).max(CPU_FLOOR) + CPU_SLACK;
    (cpu, cpu * WALL_PER_CPU + Duration::from_secs(1))
}

/// Sandbox limits for one test in `language`.
pub fn for_test(limits: &CodeLimits, language: Language) -> Limits {
    let cost = calibrated(language);
    let fuel = f64::from(limits.time_ms) * multiplier(limits, language) * cost.fuel_per_ms as f64;
    let (cpu_time, wall_time) = backstops(time_limit(limits, language));
    Limits {
        cpu_time,
        wall_time,
        fuel: fuel as u64,
        // Sleeping for the whole time limit spends the whole budget.
        wait_fuel_per_ms: cost.fuel_per_ms,
        memory_bytes: limits.memory_mb as usize * 1024 * 1024,
        // Results travel on stdout too (200,000 method results are a few MB).
        stdout_bytes: 16 * 1024 * 1024,
        ..Limits::default()
    }
}

/// The longest a whole grading of `spec` may take, whatever happens inside
/// it: every test at its wall-clock limit in the slowest language offered,
/// each tried as often as `Run::execute` tries, plus compiling and the
/// package's tools. The worker gives up on a grading that takes longer and
/// puts the job back, so nothing (a bug of ours included) can hold a
/// worker for good.
pub fn grading_budget(spec: &Spec) -> Duration {
    let attempts = 1 + super::OVERLOADED_RETRIES;
    let tooling = tooling().wall_time;
    let compile = Duration::from_secs(60);
    match spec {
        Spec::Code(code) => {
            let slowest = code
                .languages
                .iter()
                .map(|&l| for_test(&code.limits, l).wall_time)
                .max()
                .unwrap_or(tooling);
            let checker = if code.checker.is_some() {
                tooling
            } else {
                Duration::ZERO
            };
            let per_test = (slowest + checker) * attempts;
            per_test * code.tests.len().max(1) as u32 + 2 * compile + 2 * tooling * attempts
        }
        Spec::Sql(sql) => {
            let (_, wall) = backstops(Duration::from_millis(u64::from(sql.limits.time_ms)));
            // The answer, the reference and a baseline run on each dataset.
            wall * 3 * attempts * sql.datasets.len().max(1) as u32 + compile
        }
        Spec::Design(_) => compile,
    }
}

/// Limits for package tooling (generators, checkers): generous, fixed.
pub fn tooling() -> Limits {
    Limits {
        cpu_time: Duration::from_secs(20),
        wall_time: Duration::from_secs(90),
        fuel: 400_000_000_000,
        wait_fuel_per_ms: 20_000_000,
        memory_bytes: 512 * 1024 * 1024,
        stdout_bytes: 64 * 1024 * 1024,
        ..Limits::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn an_override_scales_time_and_fuel_together() {
        let base = CodeLimits {
            time_ms: 1000,
            memory_mb: 64,
            multipliers: BTreeMap::new(),
        };
        let mut slower = base.clone();
        slower.multipliers.insert(
            Language::Python,
            2.0 * calibrated(Language::Python).multiplier,
        );
        let a = for_test(&base, Language::Python);
        let b = for_test(&slower, Language::Python);
        assert_eq!(b.fuel, 2 * a.fuel);
        assert!(b.cpu_time > a.cpu_time);
        assert!(b.wall_time > b.cpu_time);
        assert_eq!(a.memory_bytes, 64 * 1024 * 1024);
        assert_eq!(time_limit(&base, Language::Cpp), Duration::from_secs(1));
    }
}
