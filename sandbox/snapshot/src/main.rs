//! `rehearse-snapshot INPUT.wasm OUTPUT.wasm LIB_DIR`: runs INPUT's
//! `wizer.initialize` export with LIB_DIR mounted read-only at `/lib` (the
//! same mount, in the same place, that every sandbox run gets), snapshots its
//! memory and globals, and writes a module whose `_start` is INPUT's
//! `wizer.resume`. scripts/setup.sh runs it on the Python guest.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use anyhow::{bail, Context as _};
use wasmtime::{Engine, Linker, Store};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::{FsPerms, WasiCtxBuilder};
use wasmtime_wizer::Wizer;

/// Drives a future that never really waits: with synchronous WASI, wizer's
/// calls complete on the first poll or a few more.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
        std::thread::yield_now();
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output, lib] = args.as_slice() else {
        bail!("usage: rehearse-snapshot INPUT.wasm OUTPUT.wasm LIB_DIR");
    };
    let wasm = std::fs::read(input).with_context(|| format!("reading {input}"))?;
    let engine = Engine::default();
    let mut linker: Linker<WasiP1Ctx> = Linker::new(&engine);
    wasmtime_wasi::p1::add_to_linker_sync(&mut linker, |ctx| ctx)?;
    let mut wasi = WasiCtxBuilder::new();
    wasi.inherit_stderr();
    wasi.preopened_dir(lib, "/lib", FsPerms::ReadOnly)
        .map_err(|e| anyhow::anyhow!("mounting {lib}: {e:?}"))?;
    let mut store = Store::new(&engine, wasi.build_p1());
    let mut wizer = Wizer::new();
    wizer
        .init_func("wizer.initialize")
        .func_rename("_start", "wizer.resume");
    let snapshot = block_on(wizer.run(&mut store, &wasm, async |store, module| {
        linker.instantiate(store, module)
    }))
    .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    std::fs::write(output, &snapshot).with_context(|| format!("writing {output}"))?;
    println!("snapshot: {} bytes -> {output}", snapshot.len());
    Ok(())
}
