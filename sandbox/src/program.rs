//! [`Program`]: a loaded module ready to run many times, each run in a
//! fresh `Store` (its own memory, WASI context, fuel and deadline), so
//! nothing from one run is visible to the next.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use wasmtime::{InstancePre, ResourceLimiter, Store, Trap, UpdateDeadline};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::p2::pipe::MemoryInputPipe;
use wasmtime_wasi::{I32Exit, WasiCtxBuilder};

use crate::engine::Inner;
use crate::language::Language;
use crate::limits::Limits;
use crate::outcome::{RunOutcome, RunStatus};
use crate::output::CappedOutput;

/// Host stack for the thread a run executes on: room for the guest's
/// `max_wasm_stack` plus host frames. A host stack overflow would abort the
/// whole process, so guests never run on a caller's (possibly small) stack.
const HOST_STACK_MARGIN: usize = 4 * 1024 * 1024;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    WallTime,
    Cancelled,
}

pub(crate) struct RunState {
    pub(crate) wasi: WasiP1Ctx,
    memory: MemoryGuard,
    deadline: Instant,
    cancel: CancelToken,
    stop: Option<Stop>,
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
    pub fn run_cancellable(
        &self,
        input: &RunInput,
        limits: &Limits,
        cancel: &CancelToken,
    ) -> RunOutcome {
        let _slot = self.sandbox.slots().acquire();
        let stack = self.sandbox.config.max_wasm_stack + HOST_STACK_MARGIN;
        let spawned = std::thread::scope(|scope| {
            std::thread::Builder::new()
                .name("sandbox-run".into())
                .stack_size(stack)
                .spawn_scoped(scope, || self.execute(input, limits, cancel))
                .map(|handle| handle.join())
        });
        match spawned {
            Ok(Ok(outcome)) => outcome,
            Ok(Err(_)) => internal_error("the run's thread panicked".into()),
            Err(e) => internal_error(format!("cannot start the run's thread: {e}")),
        }
    }

    fn execute(&self, input: &RunInput, limits: &Limits, cancel: &CancelToken) -> RunOutcome {
        let started = Instant::now();
        let stdout = CappedOutput::new(limits.stdout_bytes);
        let stderr = CappedOutput::new(limits.stderr_bytes);
        let mut wasi = WasiCtxBuilder::new();
        wasi.stdin(MemoryInputPipe::new(self.stdin_for(input)))
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
        for arg in &input.args {
            wasi.arg(arg);
        }
        for (key, value) in &input.env {
            wasi.env(key, value);
        }
        let state = RunState {
            wasi: wasi.build_p1(),
            memory: MemoryGuard {
                limit: limits
                    .memory_bytes
                    .min(self.sandbox.config.max_memory_bytes),
                peak: 0,
                exceeded: false,
            },
            deadline: started + limits.wall_time,
            cancel: cancel.clone(),
            stop: None,
        };
        let mut store = Store::new(&self.sandbox.engine, state);
        store.limiter(|state| &mut state.memory);
        let metered = self.sandbox.config.meter_fuel;
        if metered {
            if let Err(e) = store.set_fuel(limits.fuel) {
                return internal_error(format!("cannot set fuel: {e}"));
            }
        }
        store.set_epoch_deadline(1);
        store.epoch_deadline_callback(|mut ctx| {
            let state = ctx.data_mut();
            if state.cancel.is_cancelled() {
                state.stop = Some(Stop::Cancelled);
                return Ok(UpdateDeadline::Interrupt);
            }
            if Instant::now() >= state.deadline {
                state.stop = Some(Stop::WallTime);
                return Ok(UpdateDeadline::Interrupt);
            }
            Ok(UpdateDeadline::Continue(1))
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
    if state.stop == Some(Stop::WallTime) {
        return (
            RunStatus::TimeLimit,
            None,
            format!("wall-clock limit of {:?} exceeded", limits.wall_time),
        );
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
