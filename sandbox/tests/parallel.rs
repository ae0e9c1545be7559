//! Many runs at once, from many threads, without leaking host memory.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{prepare, test_limits};
use rehearse_sandbox::{Language, RunInput, RunStatus};

fn resident_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

#[test]
fn two_hundred_runs_on_eight_threads_leave_memory_where_it_was() {
    let program = prepare(
        Language::Rust,
        r#"
        fn main() {
            let mut n = String::new();
            std::io::stdin().read_line(&mut n).unwrap();
            let n: usize = n.trim().parse().unwrap();
            let v: Vec<u64> = (0..n as u64).collect();   // 8 MiB touched per run
            println!("{}", v.iter().sum::<u64>());
        }
        "#,
    );
    let input = RunInput::stdin(b"1048576".to_vec());
    let expected = format!("{}\n", (0..1_048_576u64).sum::<u64>());
    let round = |runs: usize| {
        std::thread::scope(|scope| {
            for _ in 0..8 {
                scope.spawn(|| {
                    for _ in 0..runs / 8 {
                        let outcome = program.run(&input, &test_limits());
                        assert_eq!(outcome.status, RunStatus::Ok, "{}", outcome.detail);
                        assert_eq!(outcome.stdout_text(), expected);
                    }
                });
            }
        });
    };
    round(40); // warm up: slots, caches, thread-locals
    let before = resident_kib();
    round(200);
    let after = resident_kib();
    // 200 runs touched 1.6 GiB of guest memory in all; what stays resident
    // must be bounded by the pool's kept-resident pages, not grow with runs.
    assert!(
        after < before + 64 * 1024,
        "resident memory grew from {before} KiB to {after} KiB"
    );
}
