//! [`Program`]: a loaded module ready to run many times, each run in a
//! fresh `Store` (its own memory, WASI context, fuel and deadline), so
//! nothing from one run is visible to the next.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use wasmtime::{InstancePre, ResourceLimiter, Store, Trap, UpdateDeadline};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::p2::pipe::MemoryInputPipe;
use wasmtime_wasi::{I32Exit, WasiCtxBuilder};

use crate::clock::VirtualTime;
use crate::engine::Inner;
use crate::language::Language;
use crate::limits::Limits;
use crate::outcome::{RunOutcome, RunStatus};
use crate::output::CappedOutput;

/// Host stack for the thread a run executes on: room for the guest's
/// `max_wasm_stack` plus host frames. A host stack overflow would abort the
/// whole process, so guests never run on a caller's (possibly small) stack.
const HOST_STACK_MARGIN: usize = 4 * 1024 * 1024;

/// How long past its wall-clock limit a run may take before the watchdog
/// gives up on it. Every wait a guest can make is virtual (see `clock`), so
/// only a bug of ours could hold a run here; the watchdog makes sure such a
/// bug costs one thread, not a grading worker.
const WATCHDOG_GRACE: Duration = Duration::from_secs(5);

/// What a run reads: its standard input, arguments and environment. Nothing
/// else from the host is visible (no files, no network, no other variables).
#[derive(Debug, Clone, Default)]
pub struct RunInput {
    pub stdin: Vec<u8>,
    /// Arguments after the program name.
    pub args: Vec<String>,
    /// Environment variables set on purpose; there are no others.
    pub env: Vec<(String, String)>,
}

impl RunInput {
    pub fn stdin(bytes: Vec<u8>) -> Self {
        Self {
            stdin: bytes,
            ..Self::default()
        }
    }
}

/// Stops a run from another thread (within about a millisecond).
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Enforces the run's memory limit and remembers the peak.
struct MemoryGuard {
    limit: usize,
    peak: usize,
    exceeded: bool,
}

impl ResourceLimiter for MemoryGuard {
    fn memory_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        if desired > self.limit {
            self.exceeded = true;
            return Ok(false);
        }
        self.peak = self.peak.max(desired);
        Ok(true)
    }

    fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(desired <= 1_000_000)
    }
}

/// Why the runtime stopped a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// The run used its CPU time: a genuine time limit.
    CpuTime,
    /// The wall clock ran out before the CPU time did: the machine did not
    /// give the run its share, which says nothing about the program.
    WallTime,
    /// Clock waits (all virtual) cost more than the fuel left.
    WaitedPastBudget,
    Cancelled,
}

pub(crate) struct RunState {
    pub(crate) wasi: WasiP1Ctx,
    memory: MemoryGuard,
    pub(crate) started: Instant,
    pub(crate) wall_time: Duration,
    /// This thread's CPU time when the run began (the run stays on this
    /// thread, and so does the epoch callback that checks it), and how much
    /// it may add.
    cpu_started: Duration,
    cpu_time: Duration,
    cancel: CancelToken,
    pub(crate) stop: Option<Stop>,
    /// Fuel is being metered, so waits are charged in fuel.
    pub(crate) metered: bool,
    pub(crate) wait_fuel_per_ms: u64,
    pub(crate) time: VirtualTime,
}

impl RunState {
    /// Whether a limit or a cancellation should stop the run now (checked
    /// on every epoch tick, about once a millisecond).
    fn due_stop(&self) -> Option<Stop> {
        if self.cancel.is_cancelled() {
            return Some(Stop::Cancelled);
        }
        if thread_cpu_time().saturating_sub(self.cpu_started) >= self.cpu_time {
            return Some(Stop::CpuTime);
        }
        if self.started.elapsed() >= self.wall_time {
            return Some(Stop::WallTime);
        }
        None
    }
}

/// How a SQL program runs, beyond "setup, then the query".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SqlOptions {
    /// Refuse a query that would change the database.
    pub readonly: bool,
    /// A query run after the program's statement; its rows are the output.
    pub verify: Option<String>,
    /// A query whose `EXPLAIN QUERY PLAN` details are added to the output
    /// as `"plan": ["SEARCH t USING INDEX i (x=?)", …]`.
    pub plan: Option<String>,
}

/// What an interpreted program adds to each run of its runtime.
#[derive(Clone)]
pub(crate) enum Payload {
    /// A compiled module: the input goes to stdin as it is.
    None,
    /// The SQL runtime reads `{"setup": <run input>, "query": <this>, …}`.
    Sql(String, SqlOptions),
    /// A script runtime reads `<length>\n<script><run input>`.
    Script(String),
    /// The Python runtime (a snapshot of CPython after start-up, see
    /// `sandbox/guests/python/driver.c`) reads `<length>\n<source><run input>`
    /// like a script runtime, with the standard library mounted at `/lib`.
    Python(String),
}

impl Payload {
    /// The payload that carries `source` to the guest runtime interpreting
    /// `language`; `None` for compiled languages, which have no runtime.
    pub(crate) fn interpreted(language: Language, source: &str) -> Option<Payload> {
        let source = source.to_owned();
        match language {
            Language::Sql => Some(Payload::Sql(source, SqlOptions::default())),
            Language::JavaScript => Some(Payload::Script(source)),
            Language::Python => Some(Payload::Python(source)),
            Language::Rust | Language::C | Language::Cpp => None,
        }
    }
}

/// Everything a run's thread owns, so the watchdog can let go of it.
struct RunJob {
    program: Program,
    stdin: bytes::Bytes,
    args: Vec<String>,
    env: Vec<(String, String)>,
    limits: Limits,
    cancel: CancelToken,
}

/// A program ready to run. Cheap to clone; runs may happen on many threads
/// at once.
#[derive(Clone)]
pub struct Program {
    sandbox: Arc<Inner>,
    pre: InstancePre<RunState>,
    payload: Payload,
}

impl Program {
    pub(crate) fn with_sql_options(mut self, options: SqlOptions) -> Self {
        if let Payload::Sql(_, current) = &mut self.payload {
            *current = options;
        }
        self
    }

    pub(crate) fn new(sandbox: Arc<Inner>, pre: InstancePre<RunState>, payload: Payload) -> Self {
        Self {
            sandbox,
            pre,
            payload,
        }
    }

    /// The bytes the guest reads on stdin for this run.
    fn stdin_for(&self, input: &RunInput) -> Vec<u8> {
        match &self.payload {
            Payload::None => input.stdin.clone(),
            Payload::Sql(query, options) => serde_json::json!({
                "setup": String::from_utf8_lossy(&input.stdin),
                "query": query,
                "readonly": options.readonly,
                "verify": options.verify,
                "plan": options.plan,
            })
            .to_string()
            .into_bytes(),
            Payload::Script(source) | Payload::Python(source) => {
                let mut bytes = format!("{}\n{source}", source.len()).into_bytes();
                bytes.extend_from_slice(&input.stdin);
                bytes
            }
        }
    }

    /// Runs once with `input` under `limits`.
    pub fn run(&self, input: &RunInput, limits: &Limits) -> RunOutcome {
        self.run_cancellable(input, limits, &CancelToken::default())
    }

    /// Runs once; `cancel` stops the run early (status `Cancelled`).
    ///
    /// The run executes on a thread of its own with a large stack; a
    /// watchdog gives up on it if it overstays its wall-clock limit by
    /// [`WATCHDOG_GRACE`] (reported as an internal error, never as the
    /// program's fault).
    pub fn run_cancellable(
        &self,
        input: &RunInput,
        limits: &Limits,
        cancel: &CancelToken,
    ) -> RunOutcome {
        let slot = self.sandbox.acquire_slot();
        let stack = self.sandbox.config.max_wasm_stack + HOST_STACK_MARGIN;
        let (send, receive) = std::sync::mpsc::sync_channel(1);
        let job = RunJob {
            program: self.clone(),
            stdin: self.stdin_for(input).into(),
            args: input.args.clone(),
            env: input.env.clone(),
            limits: limits.clone(),
            cancel: cancel.clone(),
        };
        let spawned = std::thread::Builder::new()
            .name("sandbox-run".into())
            .stack_size(stack)
            .spawn(move || {
                let outcome = job.program.execute(&job);
                // The slot is free once the store is gone, whoever waits.
                drop(slot);
                let _ = send.send(outcome);
            });
        if let Err(e) = spawned {
            return internal_error(format!("cannot start the run's thread: {e}"));
        }
        match receive.recv_timeout(limits.wall_time + WATCHDOG_GRACE) {
            Ok(outcome) => outcome,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                internal_error("the run's thread panicked".into())
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                // Ask it to stop, in case it ever returns to wasm code.
                cancel.cancel();
                internal_error(format!(
                    "the run did not stop within {:?} of its wall-clock limit and was abandoned",
                    WATCHDOG_GRACE
                ))
            }
        }
    }

    fn execute(&self, job: &RunJob) -> RunOutcome {
        let (limits, cancel) = (&job.limits, &job.cancel);
        let started = Instant::now();
        let stdout = CappedOutput::new(limits.stdout_bytes);
        let stderr = CappedOutput::new(limits.stderr_bytes);
        let mut wasi = WasiCtxBuilder::new();
        wasi.stdin(MemoryInputPipe::new(job.stdin.clone()))
            .stdout(stdout.clone())
            .stderr(stderr.clone());
        wasi.arg("main");
        if let Payload::Python(_) = &self.payload {
            // The same mount, at the same place, as when the snapshot was
            // taken: the interpreter remembers its file descriptor.
            let lib = crate::toolchain::python_lib(&self.sandbox.config.runtimes_dir);
            if let Err(e) = wasi.preopened_dir(&lib, "/lib", wasmtime_wasi::FsPerms::ReadOnly) {
                return internal_error(format!("cannot mount the Python library: {e}"));
            }
        }
        for arg in &job.args {
            wasi.arg(arg);
        }
        for (key, value) in &job.env {
            wasi.env(key, value);
        }
        let metered = self.sandbox.config.meter_fuel;
        let state = RunState {
            wasi: wasi.build_p1(),
            memory: MemoryGuard {
                limit: limits
                    .memory_bytes
                    .min(self.sandbox.config.max_memory_bytes),
                peak: 0,
                exceeded: false,
            },
            started,
            wall_time: limits.wall_time,
            cpu_started: thread_cpu_time(),
            cpu_time: limits.cpu_time,
            cancel: cancel.clone(),
            stop: None,
            metered,
            wait_fuel_per_ms: limits.wait_fuel_per_ms,
            time: VirtualTime::default(),
        };
        let mut store = Store::new(&self.sandbox.engine, state);
        store.limiter(|state| &mut state.memory);
        if metered {
            if let Err(e) = store.set_fuel(limits.fuel) {
                return internal_error(format!("cannot set fuel: {e}"));
            }
        }
        store.set_epoch_deadline(1);
        store.epoch_deadline_callback(|mut ctx| {
            let state = ctx.data_mut();
            match state.due_stop() {
                Some(stop) => {
                    state.stop = Some(stop);
                    Ok(UpdateDeadline::Interrupt)
                }
                None => Ok(UpdateDeadline::Continue(1)),
            }
        });

        let instance = match self.pre.instantiate(&mut store) {
            Ok(instance) => instance,
            Err(e) => {
                let state = store.data();
                let mut outcome = internal_error(format!("cannot instantiate: {e}"));
                if state.memory.exceeded {
                    outcome.status = RunStatus::MemoryLimit;
                    outcome.detail =
                        "the program's initial memory is larger than the memory limit".into();
                }
                return outcome;
            }
        };
        let result = instance
            .get_typed_func::<(), ()>(&mut store, "_start")
            .and_then(|start| start.call(&mut store, ()));
        let wall_time = started.elapsed();
        let fuel_used = if metered {
            limits.fuel.saturating_sub(store.get_fuel().unwrap_or(0))
        } else {
            0
        };
        let state = store.data();
        let (out, stdout_overflowed) = stdout.take();
        let (err, stderr_overflowed) = stderr.take();
        let output_exceeded = stdout_overflowed || stderr_overflowed;

        let (status, exit_code, detail) = classify(result, state, output_exceeded, limits);
        RunOutcome {
            status,
            exit_code,
            stdout: out,
            stderr: err,
            detail,
            fuel_used,
            wall_time,
            peak_memory: state.memory.peak,
        }
    }
}

/// CPU time the calling thread has used.
fn thread_cpu_time() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(
        u64::try_from(t.tv_sec).unwrap_or(0),
        u32::try_from(t.tv_nsec).unwrap_or(0),
    )
}

fn internal_error(detail: String) -> RunOutcome {
    tracing::error!(%detail, "sandbox run failed");
    RunOutcome {
        status: RunStatus::InternalError,
        exit_code: None,
        stdout: Vec::new(),
        stderr: Vec::new(),
        detail,
        fuel_used: 0,
        wall_time: std::time::Duration::ZERO,
        peak_memory: 0,
    }
}

/// Decides how a run ended. Limits come first: a program that hit one may
/// also have crashed because of it (a failed allocation, a write error).
fn classify(
    result: wasmtime::Result<()>,
    state: &RunState,
    output_exceeded: bool,
    limits: &Limits,
) -> (RunStatus, Option<i32>, String) {
    let error = match result {
        Ok(()) if output_exceeded => return output_limit(Some(0), limits),
        Ok(()) => return (RunStatus::Ok, Some(0), String::new()),
        Err(error) => error,
    };
    let exit_code = error.downcast_ref::<I32Exit>().map(|exit| exit.0);
    if state.stop == Some(Stop::Cancelled) {
        return (RunStatus::Cancelled, None, "the run was cancelled".into());
    }
    // Hitting a cap is the cause of whatever followed (a trap, an abort, a
    // program spinning on failed allocations until its time ran out).
    if output_exceeded {
        return output_limit(exit_code, limits);
    }
    if exit_code == Some(0) {
        return (RunStatus::Ok, Some(0), String::new());
    }
    if state.memory.exceeded {
        return (
            RunStatus::MemoryLimit,
            exit_code,
            format!(
                "memory limit of {} MiB exceeded",
                limits.memory_bytes / (1024 * 1024)
            ),
        );
    }
    match state.stop {
        Some(Stop::CpuTime) => {
            return (
                RunStatus::TimeLimit,
                None,
                format!("CPU time limit of {:?} exceeded", limits.cpu_time),
            )
        }
        Some(Stop::WaitedPastBudget) => {
            return (
                RunStatus::TimeLimit,
                None,
                format!(
                    "instruction budget of {} exhausted, {:?} of it waiting on a clock (waiting counts as running)",
                    limits.fuel, state.time.waited
                ),
            )
        }
        Some(Stop::WallTime) => {
            return (
                RunStatus::Overloaded,
                None,
                format!(
                    "the wall-clock limit of {:?} passed before the program had used its CPU time: the machine was too busy",
                    limits.wall_time
                ),
            )
        }
        Some(Stop::Cancelled) | None => {}
    }
    let trap = error.downcast_ref::<Trap>().copied();
    if trap == Some(Trap::OutOfFuel) {
        return (
            RunStatus::TimeLimit,
            None,
            format!("instruction budget of {} exhausted", limits.fuel),
        );
    }
    if let Some(code) = exit_code {
        return (
            RunStatus::RuntimeError,
            Some(code),
            format!("exited with status {code}"),
        );
    }
    let detail = match trap {
        Some(Trap::StackOverflow) => "stack overflow (recursion too deep)".to_owned(),
        Some(trap) => trap.to_string(),
        // proc_exit with a code of 126 or more arrives as a plain error.
        None => error.to_string(),
    };
    (RunStatus::RuntimeError, None, detail)
}

fn output_limit(exit_code: Option<i32>, limits: &Limits) -> (RunStatus, Option<i32>, String) {
    (
        RunStatus::OutputLimit,
        exit_code,
        format!(
            "output limit exceeded (stdout {} bytes, stderr {} bytes)",
            limits.stdout_bytes, limits.stderr_bytes
        ),
    )
}
