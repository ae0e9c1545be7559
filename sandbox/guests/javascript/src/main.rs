//! The JavaScript runtime: QuickJS (through rquickjs), run inside the sandbox
//! as a wasm32-wasip1 program.
//!
//! stdin carries the program and its input: the program's length in bytes on
//! the first line, then the program, then the program's own stdin. Programs
//! get Node-flavoured globals (`console`, `print`, `readline()`,
//! `require("fs").readFileSync(0)`, `process.stdout.write`, `process.exit`),
//! defined in `prelude.js`. An uncaught exception prints `Uncaught …` with its
//! stack to stderr and exits with status 1; so does a promise still rejected
//! without a handler once the job queue is empty (`Uncaught (in promise) …`),
//! as Node exits on an unhandled rejection.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::{Read, Write};

use rquickjs::{Context, Ctx, Function, Runtime, Value};

const PRELUDE: &str = include_str!("prelude.js");

/// Set on a rejected promise to find its entry in `UNHANDLED` again when a
/// handler is attached later.
const REJECTION_KEY: &str = "__rehearseRejection";

thread_local! {
    /// Promises rejected with no handler yet: id → what to print.
    static UNHANDLED: RefCell<BTreeMap<u32, String>> = const { RefCell::new(BTreeMap::new()) };
    static INPUT: RefCell<String> = const { RefCell::new(String::new()) };
    static STDOUT: RefCell<std::io::BufWriter<std::io::Stdout>> =
        RefCell::new(std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout()));
}

fn write(fd: i32, text: String) {
    if fd == 2 {
        STDOUT.with(|out| {
            let _ = out.borrow_mut().flush();
        });
        let _ = std::io::stderr().write_all(text.as_bytes());
    } else {
        STDOUT.with(|out| {
            if out.borrow_mut().write_all(text.as_bytes()).is_err() {
                // The sandbox's output cap was hit; it ends the run.
                std::process::exit(120);
            }
        });
    }
}

fn finish(code: i32) -> ! {
    STDOUT.with(|out| {
        let _ = out.borrow_mut().flush();
    });
    std::process::exit(code);
}

/// Splits `<len>\n<program><stdin>`.
fn split_input(raw: &str) -> Option<(&str, &str)> {
    let (len, rest) = raw.split_once('\n')?;
    let len: usize = len.trim().parse().ok()?;
    if !rest.is_char_boundary(len) {
        return None;
    }
    Some(rest.split_at(len))
}

/// What an uncaught exception looks like, as Node prints it.
fn describe_exception<'js>(ctx: &Ctx<'js>, value: Value<'js>) -> Result<i32, String> {
    if let Some(obj) = value.as_object() {
        if let Ok(code) = obj.get::<_, i32>("__rehearseExit") {
            return Ok(code);
        }
        let name: Option<String> = obj.get("name").ok();
        let message: Option<String> = obj.get("message").ok();
        let stack: Option<String> = obj.get("stack").ok();
        if let (Some(name), Some(message)) = (name, message) {
            let mut text = format!("Uncaught {name}: {message}\n");
            if let Some(stack) = stack {
                text.push_str(&stack);
            }
            return Err(text);
        }
    }
    let shown: String = ctx
        .globals()
        .get::<_, Function>("String")
        .and_then(|f| f.call((value,)))
        .unwrap_or_else(|_| "an exception".into());
    Err(format!("Uncaught {shown}\n"))
}

fn main() {
    let mut raw = String::new();
    if std::io::stdin().read_to_string(&mut raw).is_err() {
        eprintln!("the input is not valid UTF-8");
        finish(2);
    }
    let Some((source, input)) = split_input(&raw) else {
        eprintln!("malformed runtime input");
        finish(2);
    };
    INPUT.with(|i| *i.borrow_mut() = input.to_owned());

    let code = match run(source) {
        Ok(code) => code,
        Err(e) => {
            write(2, e);
            1
        }
    };
    finish(code);
}

/// Called by QuickJS when a promise is rejected with no handler
/// (`handled == false`) and when one is attached afterwards (`true`).
fn track_rejection<'js>(ctx: Ctx<'js>, promise: Value<'js>, reason: Value<'js>, handled: bool) {
    let Some(promise) = promise.as_object() else {
        return;
    };
    if handled {
        if let Ok(id) = promise.get::<_, u32>(REJECTION_KEY) {
            UNHANDLED.with(|u| u.borrow_mut().remove(&id));
        }
        return;
    }
    let text = match describe_exception(&ctx, reason) {
        // `process.exit()` inside an async function: exit now, as Node does.
        Ok(code) => finish(code),
        Err(text) => text.replacen("Uncaught ", "Uncaught (in promise) ", 1),
    };
    let id = UNHANDLED.with(|u| {
        let mut u = u.borrow_mut();
        let id = u.keys().next_back().map_or(0, |last| last + 1);
        u.insert(id, text);
        id
    });
    let _ = promise.set(REJECTION_KEY, id);
}

fn run(source: &str) -> Result<i32, String> {
    let runtime = Runtime::new().map_err(|e| format!("cannot start QuickJS: {e}"))?;
    // Deep recursion becomes a RangeError instead of overflowing the wasm stack.
    runtime.set_max_stack_size(4 * 1024 * 1024);
    runtime.set_host_promise_rejection_tracker(Some(Box::new(track_rejection)));
    let context = Context::full(&runtime).map_err(|e| format!("cannot start QuickJS: {e}"))?;
    let code = context.with(|ctx| -> Result<i32, String> {
        let globals = ctx.globals();
        let setup = (|| -> rquickjs::Result<()> {
            globals.set("__write", Function::new(ctx.clone(), write)?)?;
            globals.set(
                "__readAll",
                Function::new(ctx.clone(), || {
                    INPUT.with(|i| std::mem::take(&mut *i.borrow_mut()))
                })?,
            )?;
            ctx.eval::<(), _>(PRELUDE)
        })();
        setup.map_err(|e| format!("cannot set up the runtime: {e}"))?;
        match ctx.eval::<(), _>(source) {
            Ok(()) => {}
            Err(rquickjs::Error::Exception) => return describe_exception(&ctx, ctx.catch()),
            Err(e) => return Err(format!("Uncaught {e}\n")),
        }
        Ok(0)
    })?;
    // Promises and other queued jobs run to completion, as Node's event loop would.
    loop {
        match runtime.execute_pending_job() {
            Ok(true) => continue,
            Ok(false) => break,
            Err(e) => {
                let result = e.0.with(|ctx| describe_exception(&ctx, ctx.catch()));
                return result;
            }
        }
    }
    if let Some(first) = UNHANDLED.with(|u| u.borrow().values().next().cloned()) {
        return Err(first);
    }
    Ok(code)
}
