//! Shared by the sandbox's integration tests: one sandbox per test binary,
//! with its module cache under `target/` so reruns skip recompiling.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use rehearse_sandbox::{
    CompileLimits, Language, Limits, Program, RunInput, RunOutcome, Sandbox, SandboxConfig,
};

pub fn cache_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/sandbox-test-cache")
}

pub fn sandbox() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| {
        Sandbox::new(SandboxConfig {
            cache_dir: cache_dir(),
            compile: CompileLimits {
                // Hostile compiles (endless const eval) end at this limit;
                // a shorter one keeps the suite quick.
                cpu_time: Duration::from_secs(3),
                wall_time: Duration::from_secs(30),
                ..CompileLimits::default()
            },
            ..SandboxConfig::default()
        })
        .expect("the sandbox starts")
    })
}

pub fn prepare(language: Language, source: &str) -> Program {
    match sandbox().prepare(language, source) {
        Ok(program) => program,
        Err(e) => panic!("{language} program did not prepare: {e}\n{source}"),
    }
}

pub fn test_limits() -> Limits {
    Limits {
        cpu_time: Duration::from_secs(2),
        wall_time: Duration::from_secs(8),
        memory_bytes: 64 * 1024 * 1024,
        ..Limits::default()
    }
}

/// Prepares and runs once with `stdin` under the test limits.
pub fn run(language: Language, source: &str, stdin: &str) -> RunOutcome {
    prepare(language, source).run(&RunInput::stdin(stdin.as_bytes().to_vec()), &test_limits())
}
