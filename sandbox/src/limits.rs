use std::time::Duration;

/// What one run may use. Every limit is enforced by the runtime, never by
/// trusting the guest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// CPU time of the run's thread. Fuel counts a bulk memory copy as one
    /// instruction, so this is the backstop for work fuel does not see;
    /// machine load does not change it (much), so it is still the
    /// program's own doing: Time Limit Exceeded.
    pub cpu_time: Duration,
    /// Wall-clock time. A run that reaches it before its CPU time did not
    /// get its share of the machine, so it ends as
    /// [`RunStatus::Overloaded`](crate::RunStatus::Overloaded), never as a
    /// verdict on the program. Keep it well above `cpu_time`.
    pub wall_time: Duration,
    /// Instruction budget (wasmtime fuel, roughly one unit per wasm
    /// instruction). What a run consumes is its deterministic cost.
    pub fuel: u64,
    /// Fuel charged per millisecond a program waits on a clock (`sleep`,
    /// `select` with a timeout): waits are virtual and never block a
    /// thread, but they are not free (see `clock`).
    pub wait_fuel_per_ms: u64,
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
            cpu_time: Duration::from_secs(2),
            wall_time: Duration::from_secs(6),
            fuel: 20_000_000_000,
            // The whole budget lasts the CPU time.
            wait_fuel_per_ms: 10_000_000,
            memory_bytes: 256 * 1024 * 1024,
            stdout_bytes: 1024 * 1024,
            stderr_bytes: 64 * 1024,
        }
    }
}
