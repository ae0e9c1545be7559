//! [`Sandbox`]: the process-wide wasmtime engine, its epoch ticker, caches
//! and toolchains, and the entry point that turns source into a [`Program`].

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use wasmtime::{
    Config, Engine, InstanceAllocationStrategy, InstancePre, Linker, OptLevel,
    PoolingAllocationConfig,
};

use crate::cache::{sha256, Cache};
use crate::compile::{self, Toolchain};
use crate::config::SandboxConfig;
use crate::language::Language;
use crate::program::{Payload, Program, RunState, SqlOptions};
use crate::toolchain::{self, Availability, LanguageStatus};
use crate::PrepareError;

/// How often the epoch advances: the resolution of wall-clock limits and
/// cancellation.
pub(crate) const EPOCH_TICK: Duration = Duration::from_millis(1);

/// The sandbox could not be set up at all.
#[derive(Debug, thiserror::Error)]
#[error("cannot set up the sandbox: {0}")]
pub struct SetupError(String);

/// The sandbox: create one per process and share it (it is cheap to clone
/// and safe to use from many threads at once).
#[derive(Clone)]
pub struct Sandbox {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) engine: Engine,
    pub(crate) linker: Linker<RunState>,
    pub(crate) config: SandboxConfig,
    cache: Cache,
    toolchains: Mutex<HashMap<Language, Result<Toolchain, String>>>,
    /// Guest runtimes (interpreters), loaded once each.
    runtimes: Mutex<HashMap<Language, InstancePre<RunState>>>,
    /// Runs in flight, bounded by the pooling allocator's slots.
    slots: Slots,
    stop_ticker: Arc<AtomicBool>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.stop_ticker.store(true, Ordering::Relaxed);
    }
}

/// A counting semaphore: a run waits for a free instance slot rather than
/// failing when every slot is busy.
pub(crate) struct Slots {
    free: Mutex<u32>,
    available: Condvar,
}

/// A taken slot, given back when dropped; it owns its sandbox, so it can
/// move to the thread that runs.
pub(crate) struct OwnedSlot(Arc<Inner>);

impl Slots {
    fn new(n: u32) -> Self {
        Self {
            free: Mutex::new(n),
            available: Condvar::new(),
        }
    }

    fn acquire(&self) {
        let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
        while *free == 0 {
            free = self.available.wait(free).unwrap_or_else(|e| e.into_inner());
        }
        *free -= 1;
    }

    fn release(&self) {
        let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
        *free += 1;
        self.available.notify_one();
    }
}

impl Drop for OwnedSlot {
    fn drop(&mut self) {
        self.0.slots.release();
    }
}

fn engine_config(config: &SandboxConfig) -> Config {
    let mut pool = PoolingAllocationConfig::default();
    pool.total_core_instances(config.max_instances)
        .total_memories(config.max_instances)
        .total_tables(config.max_instances)
        .max_memory_size(config.max_memory_bytes)
        // Interpreters have large function tables.
        .table_elements(100_000)
        // Runs are synchronous: no fiber stacks are ever taken from the pool.
        .total_stacks(1);
    let mut wasm = Config::new();
    wasm.consume_fuel(config.meter_fuel)
        .epoch_interruption(true)
        .max_wasm_stack(config.max_wasm_stack)
        // wasmtime-wasi pulls in async support, whose (unused) fiber stacks
        // must be at least as large as the wasm stack.
        .async_stack_size(config.max_wasm_stack + 1024 * 1024)
        .cranelift_opt_level(OptLevel::Speed)
        .memory_init_cow(true)
        .parallel_compilation(true)
        .allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
    wasm
}

impl Sandbox {
    pub fn new(config: SandboxConfig) -> Result<Self, SetupError> {
        let engine = Engine::new(&engine_config(&config)).map_err(|e| SetupError(e.to_string()))?;
        let mut linker = Linker::new(&engine);
        wasmtime_wasi::p1::add_to_linker_sync(&mut linker, |state: &mut RunState| &mut state.wasi)
            .map_err(|e| SetupError(e.to_string()))?;
        crate::clock::add_to_linker(&mut linker).map_err(|e| SetupError(e.to_string()))?;
        let cache =
            Cache::open(&config.cache_dir, &engine, config.cache_max_bytes).map_err(|e| {
                SetupError(format!(
                    "cache directory {}: {e}",
                    config.cache_dir.display()
                ))
            })?;
        let stop_ticker = Arc::new(AtomicBool::new(false));
        let ticker_engine = engine.clone();
        let stop = stop_ticker.clone();
        std::thread::Builder::new()
            .name("sandbox-epoch".into())
            .spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(EPOCH_TICK);
                    ticker_engine.increment_epoch();
                }
            })
            .map_err(|e| SetupError(format!("cannot start the epoch ticker: {e}")))?;
        Ok(Self {
            inner: Arc::new(Inner {
                engine,
                linker,
                cache,
                toolchains: Mutex::new(HashMap::new()),
                runtimes: Mutex::new(HashMap::new()),
                slots: Slots::new(config.max_instances),
                config,
                stop_ticker,
            }),
        })
    }

    fn toolchain(&self, language: Language) -> Result<Toolchain, String> {
        let mut known = self
            .inner
            .toolchains
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        known
            .entry(language)
            .or_insert_with(|| toolchain::detect(language, &self.inner.config.bwrap))
            .clone()
    }

    /// Compiles (or fetches from the cache) and loads a program.
    pub fn prepare(&self, language: Language, source: &str) -> Result<Program, PrepareError> {
        let limit = self.inner.config.compile.max_source_bytes;
        if source.len() > limit {
            return Err(PrepareError::SourceTooLarge {
                size: source.len(),
                limit,
            });
        }
        if let Some(payload) = Payload::interpreted(language, source) {
            let runtime = self.runtime(language)?;
            return Ok(Program::new(self.inner.clone(), runtime, payload));
        }
        let toolchain = self
            .toolchain(language)
            .map_err(|reason| PrepareError::Unavailable { language, reason })?;
        let key = sha256(&[toolchain.fingerprint().as_bytes(), source.as_bytes()]);
        let wasm = match self.inner.cache.compiled(&key) {
            Some(wasm) => wasm,
            None => {
                let wasm = compile::compile(
                    &self.inner.config.bwrap,
                    &toolchain,
                    source,
                    &self.inner.config.compile,
                )?;
                self.inner.cache.store_compiled(&key, &wasm);
                wasm
            }
        };
        self.prepare_module(&wasm)
    }

    /// Prepares a SQL program with options for graders (read-only queries,
    /// a verification query, a query plan); see [`SqlOptions`].
    pub fn prepare_sql(&self, query: &str, options: SqlOptions) -> Result<Program, PrepareError> {
        Ok(self
            .prepare(Language::Sql, query)?
            .with_sql_options(options))
    }

    /// Loads a WebAssembly module (binary or text) that talks WASI preview 1
    /// and exports `_start`. The bytes are compiled and validated by
    /// wasmtime; they may come from anyone.
    pub fn prepare_module(&self, wasm: &[u8]) -> Result<Program, PrepareError> {
        let wasm = wat_or_binary(wasm)?;
        let module = self
            .inner
            .cache
            .module(&self.inner.engine, &wasm)
            .map_err(|e| PrepareError::Compile {
                message: format!("invalid WebAssembly module: {e}"),
            })?;
        let pre =
            self.inner
                .linker
                .instantiate_pre(&module)
                .map_err(|e| PrepareError::Compile {
                    message: format!("the module cannot be linked: {e}"),
                })?;
        Ok(Program::new(self.inner.clone(), pre, Payload::None))
    }

    /// The loaded guest runtime for an interpreted language.
    fn runtime(&self, language: Language) -> Result<InstancePre<RunState>, PrepareError> {
        let mut loaded = self
            .inner
            .runtimes
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(pre) = loaded.get(&language) {
            return Ok(pre.clone());
        }
        let unavailable = |reason| PrepareError::Unavailable { language, reason };
        let path = toolchain::runtime_module(language, &self.inner.config.runtimes_dir)
            .map_err(unavailable)?;
        let wasm = std::fs::read(&path)
            .map_err(|e| unavailable(format!("cannot read {}: {e}", path.display())))?;
        let module = self
            .inner
            .cache
            .module(&self.inner.engine, &wasm)
            .map_err(|e| PrepareError::Internal(format!("{language} runtime: {e}")))?;
        let pre = self
            .inner
            .linker
            .instantiate_pre(&module)
            .map_err(|e| PrepareError::Internal(format!("{language} runtime: {e}")))?;
        loaded.insert(language, pre.clone());
        Ok(pre)
    }

    /// The runtime's version, asked of the runtime itself: this proves it
    /// loads and runs, not just that its file exists.
    fn runtime_version(&self, language: Language) -> Result<String, String> {
        let probe = match language {
            Language::Sql => "SELECT sqlite_version()",
            Language::JavaScript => "console.log([1, 2].map((x) => x * 21).join(''))",
            Language::Python => "import sys; print('Python %d.%d.%d' % sys.version_info[:3])",
            other => return Err(format!("{other} is compiled; it has no guest runtime")),
        };
        let program = self.prepare(language, probe).map_err(|e| e.to_string())?;
        let outcome = program.run(&crate::RunInput::default(), &crate::Limits::default());
        let answer = outcome.stdout_text();
        match language {
            Language::Sql => serde_json::from_str::<serde_json::Value>(&answer)
                .ok()
                .and_then(|v| v["rows"][0][0].as_str().map(|v| format!("SQLite {v}")))
                .ok_or_else(|| format!("the runtime answered {answer:?} ({})", outcome.detail)),
            Language::Python if answer.starts_with("Python 3.") => Ok(answer.trim().to_owned()),
            Language::JavaScript if answer == "2142\n" => Ok("QuickJS (rquickjs 0.14)".to_owned()),
            _ => Err(format!(
                "the runtime answered {answer:?} ({})",
                outcome.detail
            )),
        }
    }

    /// Which languages can run here, with versions, or why not.
    pub fn status(&self) -> Vec<LanguageStatus> {
        Language::ALL
            .into_iter()
            .map(|language| LanguageStatus {
                language,
                availability: match if language.is_compiled() {
                    self.toolchain(language).map(|t| t.version)
                } else {
                    self.runtime_version(language)
                } {
                    Ok(version) => Availability::Ready { version },
                    Err(reason) => Availability::Unavailable { reason },
                },
            })
            .collect()
    }
}

impl Inner {
    /// Waits for a free instance slot and takes it.
    pub(crate) fn acquire_slot(self: &Arc<Self>) -> OwnedSlot {
        self.slots.acquire();
        OwnedSlot(self.clone())
    }
}

/// Accepts the text format too, which keeps hand-written test modules readable.
fn wat_or_binary(bytes: &[u8]) -> Result<std::borrow::Cow<'_, [u8]>, PrepareError> {
    if bytes.starts_with(b"\0asm") {
        return Ok(std::borrow::Cow::Borrowed(bytes));
    }
    wat::parse_bytes(bytes).map_err(|e| PrepareError::Compile {
        message: format!("invalid WebAssembly text: {e}"),
    })
}
