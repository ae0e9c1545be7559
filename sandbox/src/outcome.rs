use std::time::Duration;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RunStatus {
    /// Exited with status 0.
    Ok,
    /// Ran out of its instruction budget or of CPU time.
    TimeLimit,
    /// Tried to grow memory past its limit.
    MemoryLimit,
    /// Wrote more than its stdout or stderr cap.
    OutputLimit,
    /// A trap (out-of-bounds access, stack overflow, `unreachable`), a
    /// non-zero exit, or an uncaught exception.
    RuntimeError,
    /// Stopped by [`CancelToken::cancel`](crate::CancelToken::cancel).
    Cancelled,
    /// Our fault, not the program's.
    InternalError,
    /// The wall clock ran out before the program had used its CPU time:
    /// the machine was too busy to give it a fair run. Says nothing about
    /// the program; run it again.
    Overloaded,
}

impl RunStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Ok => "ok",
            RunStatus::TimeLimit => "time_limit",
            RunStatus::MemoryLimit => "memory_limit",
            RunStatus::OutputLimit => "output_limit",
            RunStatus::RuntimeError => "runtime_error",
            RunStatus::Cancelled => "cancelled",
            RunStatus::InternalError => "internal_error",
            RunStatus::Overloaded => "overloaded",
        }
    }
}

/// Everything observed about one run.
#[derive(Debug, Clone)]
pub struct RunOutcome {
    pub status: RunStatus,
    /// The guest's exit code, when it exited (0 also for a normal return).
    pub exit_code: Option<i32>,
    /// Up to the stdout cap; may be invalid UTF-8.
    pub stdout: Vec<u8>,
    /// Up to the stderr cap; may be invalid UTF-8.
    pub stderr: Vec<u8>,
    /// What the runtime saw when the run did not end normally (the trap, the
    /// limit hit); empty otherwise.
    pub detail: String,
    /// Instructions executed, in fuel units: the run's deterministic cost.
    pub fuel_used: u64,
    pub wall_time: Duration,
    /// The largest linear memory the run had, in bytes.
    pub peak_memory: usize,
}

impl RunOutcome {
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}
