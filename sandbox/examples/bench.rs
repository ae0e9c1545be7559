//! `make bench`: what running code in the sandbox costs, printed as a
//! Markdown table (docs/BENCHMARKS.md keeps the latest).
//!
//! - per-run start-up of a trivial program, per language (median);
//! - a CPU-bound workload in wasm against the same source compiled natively;
//! - what fuel metering costs (the same workload with metering off);
//! - the peer to beat: a process-based judge's fresh `bwrap … python3` per test;
//! - calibration: the same algorithms (`examples/calibration/`) in every
//!   language, from which the graders' per-language time multipliers and
//!   instruction budgets (`src/grading/limits.rs`) are set.
//!
//! Figures are medians of repeated runs in one process on this machine.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rehearse_sandbox::{Language, Limits, Program, RunInput, RunStatus, Sandbox, SandboxConfig};

const TRIVIAL_RUST: &str = "fn main() { println!(\"ok\"); }";
const TRIVIAL_C: &str = "#include <stdio.h>\nint main(void) { puts(\"ok\"); return 0; }";
const TRIVIAL_CPP: &str = "#include <iostream>\nint main() { std::cout << \"ok\\n\"; }";

/// Counts primes below n with a plain sieve, then a few rounds of a
/// hash-like mix, so both memory and arithmetic are exercised.
const CPU_RUST: &str = r#"
use std::io::Read;
fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let n: usize = s.trim().parse().unwrap();
    let mut sieve = vec![true; n + 1];
    sieve[0] = false; sieve[1] = false;
    let mut i = 2;
    while i * i <= n {
        if sieve[i] { let mut j = i * i; while j <= n { sieve[j] = false; j += i; } }
        i += 1;
    }
    let mut count = 0u64; let mut mix = 0x9e3779b97f4a7c15u64;
    for (k, &p) in sieve.iter().enumerate() {
        if p { count += 1; mix = (mix ^ k as u64).wrapping_mul(0x100000001b3).rotate_left(7); }
    }
    println!("{count} {mix}");
}
"#;

const CPU_C: &str = r#"
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
int main(void) {
    long n; if (scanf("%ld", &n) != 1) return 1;
    char *sieve = malloc(n + 1);
    for (long i = 0; i <= n; i++) sieve[i] = 1;
    sieve[0] = sieve[1] = 0;
    for (long i = 2; i * i <= n; i++)
        if (sieve[i]) for (long j = i * i; j <= n; j += i) sieve[j] = 0;
    uint64_t count = 0, mix = 0x9e3779b97f4a7c15ull;
    for (long k = 0; k <= n; k++)
        if (sieve[k]) { count++; mix = (mix ^ (uint64_t)k) * 0x100000001b3ull; mix = (mix << 7) | (mix >> 57); }
    printf("%llu %llu\n", (unsigned long long)count, (unsigned long long)mix);
    return 0;
}
"#;

const CPU_INPUT: &str = "30000000";

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time_runs(program: &Program, input: &RunInput, limits: &Limits, runs: usize) -> (Duration, u64) {
    let mut samples = Vec::with_capacity(runs);
    let mut fuel = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let outcome = program.run(input, limits);
        samples.push(started.elapsed());
        assert_eq!(outcome.status, RunStatus::Ok, "{}", outcome.detail);
        fuel = outcome.fuel_used;
    }
    (median(samples), fuel)
}

fn native_binary(language: Language, source: &str, dir: &std::path::Path) -> std::path::PathBuf {
    let (file, out) = match language {
        Language::Rust => ("cpu.rs", "cpu-rust"),
        _ => ("cpu.c", "cpu-c"),
    };
    std::fs::write(dir.join(file), source).unwrap();
    let status = match language {
        Language::Rust => Command::new("rustc")
            .args(["--edition=2021", "-O", "-o"])
            .arg(dir.join(out))
            .arg(dir.join(file))
            .status(),
        _ => Command::new("clang")
            .args(["-O2", "-o"])
            .arg(dir.join(out))
            .arg(dir.join(file))
            .status(),
    }
    .unwrap();
    assert!(status.success());
    dir.join(out)
}

fn time_process(cmd: &mut dyn FnMut() -> Command, stdin: &str, runs: usize) -> Duration {
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let mut child = cmd()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), stdin.as_bytes()).unwrap();
        let output = child.wait_with_output().unwrap();
        samples.push(started.elapsed());
        assert!(output.status.success());
    }
    median(samples)
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .map(|m| m.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!("{cpu}, {cores} cores, Linux {}", kernel.trim())
}

fn main() {
    let cache = tempfile::tempdir().unwrap();
    let config = SandboxConfig {
        cache_dir: cache.path().to_path_buf(),
        ..SandboxConfig::default()
    };
    let sandbox = Sandbox::new(config.clone()).unwrap();
    let unmetered = Sandbox::new(SandboxConfig {
        meter_fuel: false,
        ..config
    })
    .unwrap();
    let limits = Limits {
        wall_time: Duration::from_secs(30),
        fuel: u64::MAX / 2,
        ..Limits::default()
    };
    let empty = RunInput::default();

    println!("Machine: {}\n", machine());
    println!("### Start-up cost per run (trivial program, median of 500 runs)\n");
    println!("| language | compile (cold, once) | run | fuel |");
    println!("| --- | --- | --- | --- |");
    for (language, source) in [
        (Language::Rust, TRIVIAL_RUST),
        (Language::C, TRIVIAL_C),
        (Language::Cpp, TRIVIAL_CPP),
    ] {
        let started = Instant::now();
        let program = sandbox.prepare(language, source).unwrap();
        let compile = started.elapsed();
        time_runs(&program, &empty, &limits, 20);
        let (run, fuel) = time_runs(&program, &empty, &limits, 500);
        println!("| {language} | {} | {} | {fuel} |", ms(compile), ms(run));
    }
    let sql = sandbox.prepare(Language::Sql, "SELECT 1").unwrap();
    time_runs(&sql, &empty, &limits, 20);
    let (run, fuel) = time_runs(&sql, &empty, &limits, 500);
    println!(
        "| SQL (`SELECT 1`, SQLite guest) | — (interpreted) | {} | {fuel} |",
        ms(run)
    );
    for (language, source, label) in [
        (
            Language::JavaScript,
            "console.log('ok')",
            "JavaScript (`console.log`, QuickJS guest)",
        ),
        (
            Language::Python,
            "print('ok')",
            "Python (`print`, CPython 3.11 guest from its snapshot)",
        ),
    ] {
        let program = sandbox.prepare(language, source).unwrap();
        time_runs(&program, &empty, &limits, 20);
        let (run, fuel) = time_runs(&program, &empty, &limits, 500);
        println!("| {label} | — (interpreted) | {} | {fuel} |", ms(run));
    }

    println!("\n### CPU-bound: the same source in the sandbox and natively (median of 7)\n");
    println!("Rust and C: a sieve of 30 million plus mixing; native is `rustc -O` / `clang -O2`.");
    println!("Python: a 3-million-step arithmetic loop; native is Debian's `python3`.\n");
    println!(
        "| language | native | sandbox (fuel on) | ratio | sandbox (fuel off) | fuel overhead |"
    );
    println!("| --- | --- | --- | --- | --- | --- |");
    let dir = tempfile::tempdir().unwrap();
    let script = "total = 0\nfor i in range(3_000_000):\n    total += i * i % 7\nprint(total)\n";
    let workloads = [
        (Language::Rust, CPU_RUST, CPU_INPUT),
        (Language::C, CPU_C, CPU_INPUT),
        (Language::Python, script, ""),
    ];
    for (language, source, stdin) in workloads {
        let native = match language {
            Language::Python => time_process(
                &mut || {
                    let mut cmd = Command::new("/usr/bin/python3");
                    cmd.args(["-S", "-c", script]);
                    cmd
                },
                stdin,
                7,
            ),
            _ => {
                let binary = native_binary(language, source, dir.path());
                time_process(&mut || Command::new(&binary), stdin, 7)
            }
        };
        let input = RunInput::stdin(stdin.as_bytes().to_vec());
        let metered = sandbox.prepare(language, source).unwrap();
        let plain = unmetered.prepare(language, source).unwrap();
        let (with_fuel, _) = time_runs(&metered, &input, &limits, 7);
        let (without_fuel, _) = time_runs(&plain, &input, &limits, 7);
        println!(
            "| {language} | {} | {} | {:.2}× | {} | {:+.1} % |",
            ms(native),
            ms(with_fuel),
            with_fuel.as_secs_f64() / native.as_secs_f64(),
            ms(without_fuel),
            (with_fuel.as_secs_f64() / without_fuel.as_secs_f64() - 1.0) * 100.0
        );
    }

    println!("\n### The peer to beat: a process per test, as process-based judges run it (median of 50)\n");
    println!("| how | per test |");
    println!("| --- | --- |");
    let python = time_process(
        &mut || {
            let mut cmd = Command::new("bwrap");
            cmd.args(rehearse_sandbox::compile::JAIL_BASE_ARGS).args([
                "--dev",
                "/dev",
                "--proc",
                "/proc",
                "--tmpfs",
                "/tmp",
                "--clearenv",
                "/usr/bin/python3",
                "-c",
                "print(sum(map(int, input().split())))",
            ]);
            cmd
        },
        "1 2 3\n",
        50,
    );
    println!(
        "| fresh `bwrap … python3` process, trivial program | {} |",
        ms(python)
    );
    let rust = sandbox.prepare(Language::Rust, TRIVIAL_RUST).unwrap();
    let (ours, _) = time_runs(&rust, &empty, &limits, 500);
    println!(
        "| Rehearse sandbox, trivial Rust program (precompiled) | {} |",
        ms(ours)
    );

    calibrate(&sandbox, &limits);
}

/// One calibration run: median time, fuel, and the answer printed.
type Measured = (Duration, u64, String);

/// The calibration workloads: (name, stdin).
const CALIBRATION: [(&str, &str); 3] = [("hash", "300000"), ("sort", "300000"), ("dp", "1500")];

fn calibration_source(workload: &str, language: Language) -> String {
    let ext = match language {
        Language::Python => "py",
        Language::JavaScript => "js",
        Language::Rust => "rs",
        Language::C => "c",
        Language::Cpp => "cpp",
        Language::Sql => unreachable!("SQL is not calibrated with these programs"),
    };
    let path = format!(
        "{}/examples/calibration/{workload}.{ext}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn median_f64(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Runs every calibration workload in every language (median of 3 runs)
/// and derives each language's time multiplier (against compiled code) and
/// its instruction rate.
fn calibrate(sandbox: &Sandbox, limits: &Limits) {
    let languages = [
        Language::C,
        Language::Cpp,
        Language::Rust,
        Language::JavaScript,
        Language::Python,
    ];
    println!("\n### Calibration: the same algorithms in every language (median of 3)\n");
    println!("Hash set of 300,000 integers; sort of 300,000 integers; LCS table of 1,500 × 1,500");
    println!(
        "(`sandbox/examples/calibration/`). **Multiplier**: time against compiled code (the median"
    );
    println!(
        "of C, C++ and Rust on each workload), geometric mean over the workloads. **Fuel rate**:"
    );
    println!(
        "instructions per millisecond of the language's own running time, the highest over the"
    );
    println!("workloads. A test's budget is time limit × multiplier × fuel rate.\n");
    let mut header = String::from("| language |");
    let mut rule = String::from("| --- |");
    for (workload, _) in CALIBRATION {
        header.push_str(&format!(" {workload} | "));
        rule.push_str(" --- |");
    }
    header.push_str(" multiplier | fuel rate |");
    rule.push_str(" --- | --- |");
    println!("{header}\n{rule}");
    let mut results: Vec<(Language, Vec<Measured>)> = Vec::new();
    for language in languages {
        let mut row = Vec::new();
        for (workload, stdin) in CALIBRATION {
            let program = sandbox
                .prepare(language, &calibration_source(workload, language))
                .unwrap();
            let input = RunInput::stdin(stdin.as_bytes().to_vec());
            let outcome = program.run(&input, limits);
            assert_eq!(
                outcome.status,
                RunStatus::Ok,
                "{language} {workload}: {} {}",
                outcome.detail,
                outcome.stderr_text()
            );
            let (time, fuel) = time_runs(&program, &input, limits, 3);
            row.push((time, fuel, outcome.stdout_text()));
        }
        results.push((language, row));
    }
    // The compiled reference per workload: the median of C, C++ and Rust.
    let reference: Vec<f64> = (0..CALIBRATION.len())
        .map(|k| {
            median_f64(
                results[..3]
                    .iter()
                    .map(|(_, row)| row[k].0.as_secs_f64())
                    .collect(),
            )
        })
        .collect();
    for (language, row) in &results {
        let mut line = format!("| {language} |");
        let mut log_ratio = 0.0;
        let mut rate: f64 = 0.0;
        for (k, (time, fuel, answer)) in row.iter().enumerate() {
            assert_eq!(
                answer, &results[0].1[k].2,
                "{language} disagrees with C on {}",
                CALIBRATION[k].0
            );
            line.push_str(&format!(
                " {} ({:.0} M fuel) |",
                ms(*time),
                *fuel as f64 / 1e6
            ));
            log_ratio += (time.as_secs_f64() / reference[k]).ln();
            rate = rate.max(*fuel as f64 / (time.as_secs_f64() * 1000.0));
        }
        let multiplier = (log_ratio / CALIBRATION.len() as f64).exp();
        line.push_str(&format!(" {multiplier:.2}× | {:.1} M/ms |", rate / 1e6));
        println!("{line}");
    }
}
