use std::time::Duration;

/// What one run may use. Every limit is enforced by the runtime, never by
/// trusting the guest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock time, enforced by epoch interruption.
    pub wall_time: Duration,
    /// Instruction budget (wasmtime fuel, roughly one unit per wasm
    /// instruction). What a run consumes is its deterministic cost.
    pub fuel: u64,
    /// Linear memory, in bytes.
    pub memory_bytes: usize,
    /// Bytes of stdout kept; writing more ends the run as Output Limit Exceeded.
    pub stdout_bytes: usize,
    /// Bytes of stderr kept; writing more ends the run as Output Limit Exceeded.
    pub stderr_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            wall_time: Duration::from_secs(2),
            fuel: 20_000_000_000,
            memory_bytes: 256 * 1024 * 1024,
            stdout_bytes: 1024 * 1024,
            stderr_bytes: 64 * 1024,
        }
    }
}
