//! The sandbox: the one place where untrusted code runs.
//!
//! It knows nothing about users, HTTP or the database. Its API is small:
//!
//! ```no_run
//! use rehearse_sandbox::{Language, Limits, RunInput, Sandbox, SandboxConfig};
//!
//! let sandbox = Sandbox::new(SandboxConfig::default())?;          // once per process
//! let program = sandbox.prepare(Language::Rust, "fn main() { println!(\"hi\") }")?;
//! let outcome = program.run(&RunInput::stdin("".into()), &Limits::default());
//! assert_eq!(outcome.stdout, b"hi\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! - [`Sandbox`] owns the one wasmtime [`Engine`](wasmtime::Engine) (fuel,
//!   epoch interruption, pooling allocator with copy-on-write memory images),
//!   the epoch ticker thread and the on-disk caches.
//! - [`Sandbox::prepare`] turns source into a [`Program`]: compiled (Rust, C
//!   and C++ by host compilers jailed with bubblewrap, see [`compile`]),
//!   precompiled to native code once and cached on disk (`cache`), and held
//!   as an `InstancePre` so that each run only instantiates.
//!   SQL and JavaScript are interpreted by guest runtimes built for
//!   wasm32-wasip1 (`sandbox/guests/`: SQLite, QuickJS): for SQL the query
//!   is the program, a run's input is the setup SQL and stdout is the result
//!   as JSON; for JavaScript the script is the program and the input its stdin.
//! - [`Program::run`] executes once in a fresh `Store` under [`Limits`] and
//!   returns a [`RunOutcome`]; nothing from one run is visible to the next.
//!
//! Untrusted bytes never reach `Module::deserialize`: only files this
//! engine wrote to its own cache are deserialized.

mod cache;
mod clock;
pub mod compile;
mod config;
mod engine;
mod language;
mod limits;
mod outcome;
mod output;
mod program;
mod toolchain;

pub use config::{CompileLimits, SandboxConfig};
pub use engine::{Sandbox, SetupError};
pub use language::Language;
pub use limits::Limits;
pub use outcome::{RunOutcome, RunStatus};
pub use program::{CancelToken, Program, RunInput, SqlOptions};
pub use toolchain::{Availability, LanguageStatus};

/// Why source could not become a runnable [`Program`].
#[derive(Debug, thiserror::Error)]
pub enum PrepareError {
    /// The candidate's code does not compile; `message` is the compiler's
    /// output, truncated, with host paths removed.
    #[error("compile error:\n{message}")]
    Compile { message: String },
    #[error("the source is {size} bytes; the limit is {limit} bytes")]
    SourceTooLarge { size: usize, limit: usize },
    #[error("{language} is not available: {reason}")]
    Unavailable { language: Language, reason: String },
    /// Our fault, not the candidate's.
    #[error("internal sandbox error: {0}")]
    Internal(String),
    /// The machine was too busy to finish compiling in time; nothing is
    /// known about the source. Try again later.
    #[error("the machine is too busy: {0}")]
    Overloaded(String),
}
