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

use crate::challenges::model::CodeLimits;

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

/// The wall-clock backstop, as a multiple of the language's time limit:
/// loose enough that the instruction budget, not the clock, decides.
const WALL_BACKSTOP: f64 = 5.0;
/// The least wall-clock time any test gets: short limits would otherwise
/// let a busy machine (page faults, memory growth, another run on the same
/// core) decide a verdict that the instruction budget should decide.
const WALL_FLOOR: Duration = Duration::from_secs(2);
/// Start-up allowance added to the backstop (instantiation, and the
/// interpreter's own start for Python and JavaScript).
const WALL_SLACK: Duration = Duration::from_millis(250);

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

/// Sandbox limits for one test in `language`.
pub fn for_test(limits: &CodeLimits, language: Language) -> Limits {
    let cost = calibrated(language);
    let fuel = f64::from(limits.time_ms) * multiplier(limits, language) * cost.fuel_per_ms as f64;
    Limits {
        wall_time: time_limit(limits, language)
            .mul_f64(WALL_BACKSTOP)
            .max(WALL_FLOOR)
            + WALL_SLACK,
        fuel: fuel as u64,
        memory_bytes: limits.memory_mb as usize * 1024 * 1024,
        // Results travel on stdout too (200,000 method results are a few MB).
        stdout_bytes: 16 * 1024 * 1024,
        ..Limits::default()
    }
}

/// Limits for package tooling (generators, checkers): generous, fixed.
pub fn tooling() -> Limits {
    Limits {
        wall_time: Duration::from_secs(20),
        fuel: 400_000_000_000,
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
        assert!(b.wall_time > a.wall_time);
        assert_eq!(a.memory_bytes, 64 * 1024 * 1024);
        assert_eq!(time_limit(&base, Language::Cpp), Duration::from_secs(1));
    }
}
