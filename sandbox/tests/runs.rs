//! What a program sees and what the caller gets back, per language.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::{prepare, run, sandbox, test_limits};
use rehearse_sandbox::{CancelToken, Language, Limits, PrepareError, RunInput, RunStatus};

const RUST_ECHO: &str = r#"
use std::io::Read;
fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let total: i64 = input.split_whitespace().map(|n| n.parse::<i64>().unwrap()).sum();
    println!("sum={total}");
}
"#;

const C_ECHO: &str = r#"
#include <stdio.h>
int main(void) {
    long long total = 0, n;
    while (scanf("%lld", &n) == 1) total += n;
    printf("sum=%lld\n", total);
    return 0;
}
"#;

const CPP_ECHO: &str = r#"
#include <iostream>
#include <vector>
#include <numeric>
int main() {
    std::vector<long long> xs;
    long long n;
    while (std::cin >> n) xs.push_back(n);
    std::cout << "sum=" << std::accumulate(xs.begin(), xs.end(), 0LL) << "\n";
}
"#;

#[test]
fn each_compiled_language_reads_stdin_and_writes_stdout() {
    for (language, source) in [
        (Language::Rust, RUST_ECHO),
        (Language::C, C_ECHO),
        (Language::Cpp, CPP_ECHO),
    ] {
        let outcome = run(language, source, "1 2 3\n-4 100\n");
        assert_eq!(
            outcome.status,
            RunStatus::Ok,
            "{language}: {}",
            outcome.detail
        );
        assert_eq!(outcome.stdout_text(), "sum=102\n", "{language}");
        assert_eq!(outcome.exit_code, Some(0));
        assert!(outcome.fuel_used > 0);
        assert!(outcome.peak_memory > 0);
    }
}

#[test]
fn a_program_runs_many_times_and_each_run_starts_fresh() {
    let program = prepare(
        Language::Rust,
        r#"
        use std::sync::atomic::{AtomicU32, Ordering};
        static RUNS: AtomicU32 = AtomicU32::new(0);
        fn main() {
            let seen = RUNS.fetch_add(1, Ordering::SeqCst) + 1;
            let cwd_file = std::fs::write("state.txt", b"x").is_ok();
            println!("{seen} {cwd_file}");
        }
        "#,
    );
    for _ in 0..5 {
        let outcome = program.run(&RunInput::default(), &test_limits());
        assert_eq!(outcome.stdout_text(), "1 false\n");
    }
}

#[test]
fn only_the_arguments_and_variables_given_are_visible() {
    let program = prepare(
        Language::Rust,
        r#"
        fn main() {
            let args: Vec<String> = std::env::args().collect();
            let vars: Vec<String> = std::env::vars().map(|(k, v)| format!("{k}={v}")).collect();
            println!("{args:?} {vars:?}");
        }
        "#,
    );
    let bare = program.run(&RunInput::default(), &test_limits());
    assert_eq!(bare.stdout_text(), "[\"main\"] []\n");
    let input = RunInput {
        args: vec!["--fast".into()],
        env: vec![("MODE".into(), "test".into())],
        ..RunInput::default()
    };
    let given = program.run(&input, &test_limits());
    assert_eq!(
        given.stdout_text(),
        "[\"main\", \"--fast\"] [\"MODE=test\"]\n"
    );
}

#[test]
fn fuel_is_a_deterministic_cost() {
    let program = prepare(Language::C, C_ECHO);
    let small = RunInput::stdin(b"1 2 3".to_vec());
    let big = RunInput::stdin("7 ".repeat(5000).into_bytes());
    let a = program.run(&small, &test_limits());
    let b = program.run(&small, &test_limits());
    let c = program.run(&big, &test_limits());
    assert_eq!(a.fuel_used, b.fuel_used, "same input, same cost");
    assert!(
        c.fuel_used > a.fuel_used * 10,
        "{} vs {}",
        c.fuel_used,
        a.fuel_used
    );
}

#[test]
fn the_instruction_budget_ends_a_run_as_time_limit() {
    let program = sandbox()
        .prepare_module(
            b"(module (memory (export \"memory\") 1) (func (export \"_start\") (loop br 0)))",
        )
        .unwrap();
    let limits = Limits {
        fuel: 5_000_000,
        cpu_time: Duration::from_secs(30),
        wall_time: Duration::from_secs(30),
        ..test_limits()
    };
    let outcome = program.run(&RunInput::default(), &limits);
    assert_eq!(outcome.status, RunStatus::TimeLimit);
    assert!(
        outcome.detail.contains("instruction budget"),
        "{}",
        outcome.detail
    );
    assert_eq!(outcome.fuel_used, 5_000_000);
    assert!(outcome.wall_time < Duration::from_secs(30));
}

#[test]
fn output_up_to_the_cap_is_kept_and_more_is_a_limit() {
    let program = prepare(
        Language::Rust,
        r#"
        use std::io::{Read, Write};
        fn main() {
            let mut n = String::new();
            std::io::stdin().read_to_string(&mut n).unwrap();
            let n: usize = n.trim().parse().unwrap();
            std::io::stdout().write_all(&vec![b'x'; n]).unwrap();
        }
        "#,
    );
    let limits = Limits {
        stdout_bytes: 1000,
        ..test_limits()
    };
    let at_cap = program.run(&RunInput::stdin(b"1000".to_vec()), &limits);
    assert_eq!(at_cap.status, RunStatus::Ok, "{}", at_cap.detail);
    assert_eq!(at_cap.stdout.len(), 1000);
    let over = program.run(&RunInput::stdin(b"1001".to_vec()), &limits);
    assert_eq!(over.status, RunStatus::OutputLimit);
    assert_eq!(over.stdout.len(), 1000, "kept up to the cap");
}

#[test]
fn panics_and_exit_codes_are_runtime_errors_with_their_message() {
    let panic = run(
        Language::Rust,
        "fn main() { let v: Vec<i32> = vec![]; println!(\"{}\", v[3]); }",
        "",
    );
    assert_eq!(panic.status, RunStatus::RuntimeError);
    assert!(
        panic.stderr_text().contains("index out of bounds"),
        "{}",
        panic.stderr_text()
    );

    let exit = run(
        Language::C,
        "#include <stdlib.h>\nint main(void) { exit(42); }",
        "",
    );
    assert_eq!(exit.status, RunStatus::RuntimeError);
    assert_eq!(exit.exit_code, Some(42));

    let div = run(
        Language::C,
        "#include <stdio.h>\nint main(void) { volatile int x = 7, z = 0; printf(\"%d\", x / z); }",
        "",
    );
    assert_eq!(div.status, RunStatus::RuntimeError);
    assert!(div.detail.contains("divide by zero"), "{}", div.detail);
}

#[test]
fn compile_errors_point_at_lines_without_host_paths() {
    let err = sandbox()
        .prepare(
            Language::Rust,
            "fn main() {\n    let x: i32 = \"text\";\n}\n",
        )
        .err()
        .expect("does not compile");
    let PrepareError::Compile { message } = err else {
        panic!("expected a compile error, got {err}");
    };
    assert!(message.contains("main.rs:2:"), "{message}");
    assert!(message.contains("mismatched types"), "{message}");
    for host in ["/work/", "rehearse-compile", "/root/", ".rustup"] {
        assert!(!message.contains(host), "{host} leaked: {message}");
    }

    let err = sandbox()
        .prepare(Language::Cpp, "int main() {\n  return undefined_name;\n}\n")
        .err()
        .expect("does not compile");
    let message = err.to_string();
    assert!(message.contains("main.cpp:2:"), "{message}");
    assert!(message.contains("undefined_name"), "{message}");
}

#[test]
fn oversized_sources_are_refused_before_compiling() {
    let source = format!("fn main() {{}}\n//{}", "x".repeat(70 * 1024));
    match sandbox().prepare(Language::Rust, &source) {
        Err(PrepareError::SourceTooLarge { size, limit }) => {
            assert_eq!(size, source.len());
            assert_eq!(limit, 64 * 1024);
        }
        Err(other) => panic!("unexpected error {other}"),
        Ok(_) => panic!("an oversized source compiled"),
    }
}

#[test]
fn invalid_modules_are_compile_errors() {
    for bytes in [
        &b"\0asm\x01\0\0\0garbage"[..],
        b"(module (func $f (result i32)))",
        b"not wasm",
    ] {
        assert!(matches!(
            sandbox().prepare_module(bytes),
            Err(PrepareError::Compile { .. })
        ));
    }
}

#[test]
fn a_run_the_wall_clock_stops_is_overloaded_not_a_time_limit() {
    // The wall clock runs out long before the CPU time or the budget can:
    // what a starved run on a busy machine looks like. It is never a verdict.
    let program = sandbox()
        .prepare_module(
            b"(module (memory (export \"memory\") 1) (func (export \"_start\") (loop br 0)))",
        )
        .unwrap();
    let limits = Limits {
        fuel: u64::MAX / 2,
        cpu_time: Duration::from_secs(60),
        wall_time: Duration::from_millis(20),
        ..test_limits()
    };
    let outcome = program.run(&RunInput::default(), &limits);
    assert_eq!(outcome.status, RunStatus::Overloaded, "{}", outcome.detail);
    assert!(outcome.detail.contains("too busy"), "{}", outcome.detail);
}

#[test]
fn cpu_time_ends_work_that_fuel_does_not_count() {
    // One memory.fill of 16 MiB costs one unit of fuel: with a generous
    // budget, only the CPU-time backstop can end this loop.
    let program = sandbox()
        .prepare_module(
            b"(module (memory (export \"memory\") 256)
               (func (export \"_start\")
                 (loop (memory.fill (i32.const 0) (i32.const 1) (i32.const 16777216)) br 0)))",
        )
        .unwrap();
    let limits = Limits {
        fuel: u64::MAX / 2,
        cpu_time: Duration::from_millis(300),
        wall_time: Duration::from_secs(60),
        ..test_limits()
    };
    let outcome = program.run(&RunInput::default(), &limits);
    assert_eq!(outcome.status, RunStatus::TimeLimit, "{}", outcome.detail);
    assert!(outcome.detail.contains("CPU time"), "{}", outcome.detail);
    assert!(
        outcome.fuel_used < 1_000_000,
        "fuel saw little: {}",
        outcome.fuel_used
    );
}

#[test]
fn a_run_can_be_cancelled_from_another_thread() {
    let program = prepare(
        Language::C,
        "int main(void) { volatile unsigned long i = 0; for (;;) i++; }",
    );
    let limits = Limits {
        cpu_time: Duration::from_secs(60),
        wall_time: Duration::from_secs(60),
        ..test_limits()
    };
    // The cancel must land while the loop runs: one that lands before the
    // run begins proves nothing. A busy machine may start the run late, so
    // wait longer each time until the run had been going for at least half
    // the wait. (Fuel cannot show it: a run stopped by an epoch interrupt
    // reports only the fuel last saved, a few units here.)
    for delay in [300, 1_000, 3_000, 8_000] {
        let cancel = CancelToken::default();
        let canceller = {
            let cancel = cancel.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(delay));
                cancel.cancel();
            })
        };
        let outcome = program.run_cancellable(&RunInput::default(), &limits, &cancel);
        canceller.join().unwrap();
        assert_eq!(outcome.status, RunStatus::Cancelled, "{}", outcome.detail);
        assert!(outcome.wall_time < Duration::from_secs(60));
        if outcome.wall_time >= Duration::from_millis(delay / 2) {
            return;
        }
    }
    panic!("no cancel ever landed while the run was running");
}

#[test]
fn memory_is_limited_per_run_and_the_peak_reported() {
    let program = prepare(
        Language::Rust,
        r#"
        fn main() {
            let mut n = String::new();
            std::io::stdin().read_line(&mut n).unwrap();
            let mib: usize = n.trim().parse().unwrap();
            let block = vec![1u8; mib << 20];
            println!("{}", block.iter().map(|&b| b as usize).sum::<usize>() >> 20);
        }
        "#,
    );
    let fits = program.run(&RunInput::stdin(b"16".to_vec()), &test_limits());
    assert_eq!(fits.status, RunStatus::Ok, "{}", fits.detail);
    assert!(fits.peak_memory >= 16 << 20, "{}", fits.peak_memory);
    let limits = Limits {
        memory_bytes: 8 << 20,
        ..test_limits()
    };
    let too_big = program.run(&RunInput::stdin(b"16".to_vec()), &limits);
    assert_eq!(too_big.status, RunStatus::MemoryLimit, "{}", too_big.detail);
    assert!(too_big.peak_memory <= 8 << 20);
}

#[test]
fn compiled_languages_are_reported_ready() {
    for status in sandbox().status() {
        if status.language.is_compiled() {
            assert!(
                matches!(
                    status.availability,
                    rehearse_sandbox::Availability::Ready { .. }
                ),
                "{:?}",
                status
            );
        }
    }
}

#[test]
fn sql_queries_run_on_the_setup_and_return_typed_rows() {
    let program = prepare(
        Language::Sql,
        "SELECT name, salary, bonus, photo FROM staff ORDER BY salary DESC, name",
    );
    let setup = "CREATE TABLE staff (name TEXT, salary INTEGER, bonus REAL, photo BLOB);
        INSERT INTO staff VALUES ('Ada', 120, 1.5, x'CAFE'), ('Grace', 130, NULL, NULL), ('Linus', 120, 0.25, NULL);";
    let outcome = program.run(&RunInput::stdin(setup.as_bytes().to_vec()), &test_limits());
    assert_eq!(outcome.status, RunStatus::Ok, "{}", outcome.detail);
    let result: serde_json::Value = serde_json::from_slice(&outcome.stdout).unwrap();
    assert_eq!(
        result,
        serde_json::json!({
            "columns": ["name", "salary", "bonus", "photo"],
            "rows": [
                ["Grace", 130, null, null],
                ["Ada", 120, 1.5, {"blob": "cafe"}],
                ["Linus", 120, 0.25, null],
            ]
        })
    );

    // Each run starts from an empty database: nothing persists between runs.
    let count = prepare(Language::Sql, "SELECT count(*) FROM sqlite_master");
    let fresh = count.run(&RunInput::default(), &test_limits());
    assert_eq!(
        fresh.stdout_text().trim(),
        r#"{"columns":["count(*)"],"rows":[[0]]}"#
    );
}

#[test]
fn sql_errors_name_the_stage() {
    let bad_setup = prepare(Language::Sql, "SELECT 1").run(
        &RunInput::stdin(b"CREATE TABLE broken (".to_vec()),
        &test_limits(),
    );
    let result: serde_json::Value = serde_json::from_slice(&bad_setup.stdout).unwrap();
    assert_eq!(result["error"]["stage"], "setup");

    let bad_query = prepare(Language::Sql, "SELECT nope FROM nowhere")
        .run(&RunInput::default(), &test_limits());
    let result: serde_json::Value = serde_json::from_slice(&bad_query.stdout).unwrap();
    assert_eq!(result["error"]["stage"], "query");
    assert!(result["error"]["message"]
        .as_str()
        .unwrap()
        .contains("no such table: nowhere"));
}

#[test]
fn javascript_reads_stdin_and_prints_like_node() {
    let program = prepare(
        Language::JavaScript,
        r#"
        const nums = require("fs").readFileSync(0, "utf8").trim().split(/\s+/).map(Number);
        console.log(nums.reduce((a, b) => a + b, 0));
        console.log([1, "two", { three: [3] }], new Set([4]));
        const first = readline();
        print(first === null ? "no line" : "line: " + first);
        "#,
    );
    let outcome = program.run(&RunInput::stdin(b"1 2 3\n4\n".to_vec()), &test_limits());
    assert_eq!(
        outcome.status,
        RunStatus::Ok,
        "{} {}",
        outcome.detail,
        outcome.stderr_text()
    );
    assert_eq!(
        outcome.stdout_text(),
        "10\n[ 1, 'two', { three: [ 3 ] } ] Set(1) { 4 }\nline: 1 2 3\n"
    );
}

#[test]
fn javascript_errors_and_exits_behave_like_node() {
    let thrown = run(
        Language::JavaScript,
        "function f() { throw new TypeError('bad input'); }\nf();",
        "",
    );
    assert_eq!(thrown.status, RunStatus::RuntimeError);
    assert_eq!(thrown.exit_code, Some(1));
    assert!(
        thrown
            .stderr_text()
            .starts_with("Uncaught TypeError: bad input"),
        "{}",
        thrown.stderr_text()
    );

    let exited = run(
        Language::JavaScript,
        "console.log('before'); process.exit(3); console.log('after');",
        "",
    );
    assert_eq!(exited.status, RunStatus::RuntimeError);
    assert_eq!(exited.exit_code, Some(3));
    assert_eq!(exited.stdout_text(), "before\n");

    let rejected = run(
        Language::JavaScript,
        "async function load() { throw new Error('no data'); }\nload();\nconsole.log('queued');",
        "",
    );
    assert_eq!(rejected.status, RunStatus::RuntimeError);
    assert_eq!(rejected.exit_code, Some(1));
    assert_eq!(rejected.stdout_text(), "queued\n");
    assert!(
        rejected
            .stderr_text()
            .starts_with("Uncaught (in promise) Error: no data"),
        "{}",
        rejected.stderr_text()
    );

    let caught_late = run(
        Language::JavaScript,
        "const p = Promise.reject(new Error('late'));\nPromise.resolve().then(() => p.catch(e => console.log('caught', e.message)));",
        "",
    );
    assert_eq!(
        caught_late.status,
        RunStatus::Ok,
        "{}",
        caught_late.stderr_text()
    );
    assert_eq!(caught_late.stdout_text(), "caught late\n");

    let exit_in_async = run(
        Language::JavaScript,
        "(async () => { console.log('a'); process.exit(4); })();\nconsole.log('b');",
        "",
    );
    assert_eq!(exit_in_async.exit_code, Some(4));
    assert_eq!(exit_in_async.stdout_text(), "a\n");

    let syntax = run(Language::JavaScript, "let = ;", "");
    assert_eq!(syntax.status, RunStatus::RuntimeError);
    assert!(
        syntax.stderr_text().contains("SyntaxError"),
        "{}",
        syntax.stderr_text()
    );
}

#[test]
fn python_reads_stdin_and_reports_errors_against_main_py() {
    let program = prepare(
        Language::Python,
        "import sys\nnums = [int(x) for x in sys.stdin.read().split()]\nprint(sum(nums), sorted(nums)[:2])\n",
    );
    let outcome = program.run(&RunInput::stdin(b"5 -1 3\n".to_vec()), &test_limits());
    assert_eq!(
        outcome.status,
        RunStatus::Ok,
        "{} {}",
        outcome.detail,
        outcome.stderr_text()
    );
    assert_eq!(outcome.stdout_text(), "7 [-1, 3]\n");

    let failing = run(
        Language::Python,
        "def twoSum(nums):\n    return nums[10]\n\nprint('start')\ntwoSum([1, 2])\n",
        "",
    );
    assert_eq!(failing.status, RunStatus::RuntimeError);
    assert_eq!(failing.exit_code, Some(1));
    assert_eq!(failing.stdout_text(), "start\n");
    let trace = failing.stderr_text();
    assert!(
        trace.contains("File \"main.py\", line 2, in twoSum"),
        "{trace}"
    );
    assert!(
        trace.contains("return nums[10]"),
        "the source line is shown: {trace}"
    );
    assert!(
        trace.contains("IndexError: list index out of range"),
        "{trace}"
    );
    assert!(!trace.contains("<string>"), "no bootstrap frames: {trace}");

    let syntax = run(Language::Python, "def broken(:\n    pass\n", "");
    assert_eq!(syntax.status, RunStatus::RuntimeError);
    assert!(
        syntax.stderr_text().contains("SyntaxError"),
        "{}",
        syntax.stderr_text()
    );

    let exit = run(Language::Python, "import sys\nsys.exit(4)\n", "");
    assert_eq!(
        (exit.status, exit.exit_code),
        (RunStatus::RuntimeError, Some(4))
    );
}

/// C programs get the sandbox's own `qsort` (introsort) instead of
/// wasi-libc's slow one; it must sort every shape of input correctly.
#[test]
fn c_qsort_sorts_every_size_width_and_order() {
    const PROGRAM: &str = r#"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef struct { int key; char pad[9]; } Wide;
static int by_int(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static int by_key(const void *a, const void *b) { return by_int(&((const Wide *)a)->key, &((const Wide *)b)->key); }
static unsigned seed = 1;
static int next(int mod) { seed = seed * 1103515245u + 12345u; return (int)((seed >> 8) % (unsigned)mod); }
int main(void) {
    int sizes[] = {0, 1, 2, 3, 15, 16, 17, 100, 1000, 100000};
    for (int s = 0; s < 10; s++) {
        for (int shape = 0; shape < 4; shape++) {
            int n = sizes[s];
            int *a = malloc(sizeof(int) * (n + 1));
            Wide *w = malloc(sizeof(Wide) * (n + 1));
            long long sum = 0;
            for (int i = 0; i < n; i++) {
                a[i] = shape == 0 ? next(1000000) : shape == 1 ? i : shape == 2 ? n - i : next(3);
                w[i].key = a[i];
                sum += a[i];
            }
            qsort(a, n, sizeof(int), by_int);
            qsort(w, n, sizeof(Wide), by_key);
            long long after = 0;
            for (int i = 0; i < n; i++) {
                after += a[i];
                if ((i && a[i - 1] > a[i]) || w[i].key != a[i]) { printf("unsorted n=%d shape=%d at %d\n", n, shape, i); return 1; }
            }
            if (after != sum) { printf("elements lost n=%d\n", n); return 1; }
            free(a); free(w);
        }
    }
    puts("sorted");
    return 0;
}
"#;
    let outcome = run(Language::C, PROGRAM, "");
    assert_eq!(outcome.status, RunStatus::Ok, "{}", outcome.detail);
    assert_eq!(outcome.stdout_text(), "sorted\n");
}
