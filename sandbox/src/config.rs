use std::path::PathBuf;
use std::time::Duration;

/// How the sandbox is set up; one per process.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Where compiled modules are cached (created if missing). Only this
    /// engine writes here; nothing in it comes from users.
    pub cache_dir: PathBuf,
    /// The most the cache may hold on disk; past it, the least recently
    /// used modules are removed.
    pub cache_max_bytes: u64,
    /// Instances that can run at once (slots in the pooling allocator).
    pub max_instances: u32,
    /// The most linear memory any run may be given; per-run limits are
    /// capped at this.
    pub max_memory_bytes: usize,
    /// Native stack wasm code may use (deep recursion in guests).
    pub max_wasm_stack: usize,
    /// Limits on compiling untrusted source.
    pub compile: CompileLimits,
    /// The bubblewrap binary that jails compilers.
    pub bwrap: PathBuf,
    /// Where the guest runtimes (`sandbox/guests`, built by
    /// `scripts/setup.sh`) are: `rehearse-guest-sql.wasm`, ….
    pub runtimes_dir: PathBuf,
    /// Count instructions (fuel). On by default: it enforces `Limits::fuel`
    /// and yields the deterministic cost. Off only to measure what it costs.
    pub meter_fuel: bool,
}

/// Compilation is untrusted too: these bound what a hostile source can cost.
#[derive(Debug, Clone)]
pub struct CompileLimits {
    pub max_source_bytes: usize,
    /// CPU time each compiler process may use (RLIMIT_CPU): a compile bomb
    /// hits this, whatever the machine's load.
    pub cpu_time: Duration,
    /// Wall-clock time for the whole compilation. Reaching it before the
    /// CPU limit means the machine was too busy, not that the source is
    /// hostile: [`PrepareError::Overloaded`](crate::PrepareError::Overloaded).
    pub wall_time: Duration,
    /// Heap the compiler may allocate (RLIMIT_DATA).
    pub memory_bytes: u64,
    /// Largest file the compiler may write (RLIMIT_FSIZE), so the module too.
    pub max_output_bytes: u64,
    /// Compiler diagnostics kept for the user.
    pub max_diagnostics_bytes: usize,
}

impl Default for CompileLimits {
    fn default() -> Self {
        Self {
            max_source_bytes: 64 * 1024,
            cpu_time: Duration::from_secs(10),
            wall_time: Duration::from_secs(40),
            memory_bytes: 1024 * 1024 * 1024,
            max_output_bytes: 32 * 1024 * 1024,
            max_diagnostics_bytes: 64 * 1024,
        }
    }
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            cache_dir: std::env::temp_dir().join("rehearse-sandbox-cache"),
            cache_max_bytes: 2 * 1024 * 1024 * 1024,
            max_instances: 64,
            max_memory_bytes: 512 * 1024 * 1024,
            max_wasm_stack: 8 * 1024 * 1024,
            compile: CompileLimits::default(),
            bwrap: PathBuf::from("/usr/bin/bwrap"),
            meter_fuel: true,
            runtimes_dir: PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/guests/target/wasm32-wasip1/release"
            )),
        }
    }
}
