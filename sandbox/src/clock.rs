//! Clock waits that never block a thread.
//!
//! WASI preview 1 has one way to wait: `poll_oneoff` with clock
//! subscriptions (`sleep`, `nanosleep`, `usleep`, Python's `time.sleep`,
//! `select` and `poll` with a timeout all end up there). wasmtime-wasi
//! implements it by really sleeping in host code, where neither fuel, the
//! epoch deadline nor cancellation can reach the thread — so a guest that
//! sleeps forever holds a grading thread forever (issue 11, item 2).
//!
//! Here a wait is *virtual*: it returns at once, the run's clocks move
//! forward by the time waited, and the time is charged as instructions at
//! [`Limits::wait_fuel_per_ms`](crate::Limits::wait_fuel_per_ms) — waiting
//! counts as running. A program that sleeps past its budget ends as out of
//! fuel (Time Limit Exceeded), deterministically and without any real
//! waiting. Without fuel metering, virtual time is checked against the
//! wall-clock limit instead.
//!
//! Our guests have no sockets and no pipes: stdin is in memory (always
//! readable), stdout and stderr are in memory (always writable), and the
//! only files are read-only library files (always ready). So a poll with
//! any descriptor in it is ready at once, and only clock-only polls wait.

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use wasmtime::{Caller, Extern, Linker};

use crate::program::{RunState, Stop};

const MODULE: &str = "wasi_snapshot_preview1";

// WASI preview 1 constants (wasi_snapshot_preview1.witx).
const ERRNO_SUCCESS: i32 = 0;
const ERRNO_BADF: u16 = 8;
const ERRNO_FAULT: i32 = 21;
const ERRNO_INVAL: i32 = 28;
const CLOCK_REALTIME: u32 = 0;
const CLOCK_MONOTONIC: u32 = 1;
const EVENTTYPE_CLOCK: u8 = 0;
const EVENTTYPE_FD_READ: u8 = 1;
const EVENTTYPE_FD_WRITE: u8 = 2;
const SUBCLOCK_ABSTIME: u16 = 1;
const SUBSCRIPTION_SIZE: usize = 48;
const EVENT_SIZE: usize = 32;

/// Replaces wasmtime-wasi's `poll_oneoff` and `clock_time_get` in `linker`
/// (which must already hold WASI preview 1).
pub(crate) fn add_to_linker(linker: &mut Linker<RunState>) -> wasmtime::Result<()> {
    linker.allow_shadowing(true);
    linker.func_wrap(MODULE, "poll_oneoff", poll_oneoff)?;
    linker.func_wrap(MODULE, "clock_time_get", clock_time_get)?;
    linker.allow_shadowing(false);
    Ok(())
}

/// A run's view of time: the host's clocks plus what the run has waited.
#[derive(Debug, Default)]
pub(crate) struct VirtualTime {
    /// Time the run has spent in clock waits, all of it virtual.
    pub(crate) waited: Duration,
}

/// The monotonic clock's origin: any fixed instant will do, as on the host.
fn monotonic_origin() -> Instant {
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    *ORIGIN.get_or_init(Instant::now)
}

fn as_nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// The run's time on `clock`, in nanoseconds, or `None` for a clock
/// preview 1 guests cannot read (the process and thread CPU clocks, as in
/// wasmtime-wasi).
fn now(state: &RunState, clock: u32) -> Option<u64> {
    let host = match clock {
        CLOCK_REALTIME => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default(),
        CLOCK_MONOTONIC => monotonic_origin().elapsed(),
        _ => return None,
    };
    Some(as_nanos(host).saturating_add(as_nanos(state.time.waited)))
}

fn memory(caller: &mut Caller<'_, RunState>) -> wasmtime::Result<wasmtime::Memory> {
    match caller.get_export("memory") {
        Some(Extern::Memory(memory)) => Ok(memory),
        _ => Err(wasmtime::format_err!("the module exports no memory")),
    }
}

fn clock_time_get(
    mut caller: Caller<'_, RunState>,
    clock: i32,
    _precision: i64,
    out: i32,
) -> wasmtime::Result<i32> {
    let Some(time) = now(caller.data(), clock as u32) else {
        return Ok(i32::from(ERRNO_BADF));
    };
    let memory = memory(&mut caller)?;
    match memory.write(&mut caller, out as u32 as usize, &time.to_le_bytes()) {
        Ok(()) => Ok(ERRNO_SUCCESS),
        Err(_) => Ok(ERRNO_FAULT),
    }
}

/// One subscription, as the guest laid it out.
enum Subscription {
    Clock {
        userdata: u64,
        clock: u32,
        timeout: u64,
        absolute: bool,
    },
    Fd {
        userdata: u64,
        read: bool,
        fd: u32,
    },
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut word = [0u8; 4];
    word.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(word)
}

fn parse_subscription(bytes: &[u8]) -> Option<Subscription> {
    let userdata = u64_at(bytes, 0);
    match bytes[8] {
        EVENTTYPE_CLOCK => Some(Subscription::Clock {
            userdata,
            clock: u32_at(bytes, 16),
            timeout: u64_at(bytes, 24),
            absolute: u16::from_le_bytes([bytes[40], bytes[41]]) & SUBCLOCK_ABSTIME != 0,
        }),
        tag @ (EVENTTYPE_FD_READ | EVENTTYPE_FD_WRITE) => Some(Subscription::Fd {
            userdata,
            read: tag == EVENTTYPE_FD_READ,
            fd: u32_at(bytes, 16),
        }),
        _ => None,
    }
}

fn event(userdata: u64, error: u16, kind: u8, nbytes: u64) -> [u8; EVENT_SIZE] {
    let mut bytes = [0u8; EVENT_SIZE];
    bytes[0..8].copy_from_slice(&userdata.to_le_bytes());
    bytes[8..10].copy_from_slice(&error.to_le_bytes());
    bytes[10] = kind;
    bytes[16..24].copy_from_slice(&nbytes.to_le_bytes());
    bytes
}

/// Whether descriptor `fd` is ready for reading (or writing): stdin only
/// reads, stdout and stderr only write, library files only read.
fn fd_event(userdata: u64, read: bool, fd: u32) -> [u8; EVENT_SIZE] {
    let kind = if read {
        EVENTTYPE_FD_READ
    } else {
        EVENTTYPE_FD_WRITE
    };
    let usable = match fd {
        0 => read,
        1 | 2 => !read,
        _ => read,
    };
    let error = if usable { 0 } else { ERRNO_BADF };
    event(userdata, error, kind, u64::from(usable))
}

fn poll_oneoff(
    mut caller: Caller<'_, RunState>,
    subscriptions: i32,
    events: i32,
    count: i32,
    written: i32,
) -> wasmtime::Result<i32> {
    let count = count as u32 as usize;
    if count == 0 {
        return Ok(ERRNO_INVAL);
    }
    let memory = memory(&mut caller)?;
    let (subscriptions, events, written) = (
        subscriptions as u32 as usize,
        events as u32 as usize,
        written as u32 as usize,
    );
    // Bounds first: the guest chooses every address and the count.
    let data = memory.data(&caller);
    let fits = |at: usize, len: usize| at.checked_add(len).is_some_and(|end| end <= data.len());
    let Some(sub_bytes) = count.checked_mul(SUBSCRIPTION_SIZE) else {
        return Ok(ERRNO_FAULT);
    };
    if !fits(subscriptions, sub_bytes) || !fits(events, count * EVENT_SIZE) || !fits(written, 4) {
        return Ok(ERRNO_FAULT);
    }
    let mut parsed = Vec::with_capacity(count);
    for chunk in data[subscriptions..subscriptions + sub_bytes].chunks_exact(SUBSCRIPTION_SIZE) {
        match parse_subscription(chunk) {
            Some(sub) => parsed.push(sub),
            None => return Ok(ERRNO_INVAL),
        }
    }

    let mut out: Vec<[u8; EVENT_SIZE]> = parsed
        .iter()
        .filter_map(|sub| match *sub {
            Subscription::Fd { userdata, read, fd } => Some(fd_event(userdata, read, fd)),
            Subscription::Clock { .. } => None,
        })
        .collect();
    if out.is_empty() {
        // Only clocks: wait (virtually) for the earliest, and report every
        // clock due by then.
        let state = caller.data();
        let mut waits = Vec::with_capacity(count);
        for sub in &parsed {
            if let Subscription::Clock {
                userdata,
                clock,
                timeout,
                absolute,
            } = *sub
            {
                let Some(current) = now(state, clock) else {
                    return Ok(ERRNO_INVAL);
                };
                let wait = if absolute {
                    timeout.saturating_sub(current)
                } else {
                    timeout
                };
                waits.push((userdata, wait));
            }
        }
        let shortest = waits.iter().map(|&(_, w)| w).min().unwrap_or(0);
        charge_wait(&mut caller, Duration::from_nanos(shortest))?;
        out = waits
            .iter()
            .filter(|&&(_, wait)| wait <= shortest)
            .map(|&(userdata, _)| event(userdata, 0, EVENTTYPE_CLOCK, 0))
            .collect();
    }

    let mut bytes = Vec::with_capacity(out.len() * EVENT_SIZE);
    for e in &out {
        bytes.extend_from_slice(e);
    }
    let data = memory.data_mut(&mut caller);
    data[events..events + bytes.len()].copy_from_slice(&bytes);
    data[written..written + 4].copy_from_slice(&(out.len() as u32).to_le_bytes());
    Ok(ERRNO_SUCCESS)
}

/// Moves the run's clocks forward by `wait` and charges it as fuel; a wait
/// past the budget (or, unmetered, past the wall-clock limit) ends the run.
fn charge_wait(caller: &mut Caller<'_, RunState>, wait: Duration) -> wasmtime::Result<()> {
    let state = caller.data_mut();
    state.time.waited = state.time.waited.saturating_add(wait);
    let cost = u64::try_from(wait.as_nanos() * u128::from(state.wait_fuel_per_ms) / 1_000_000)
        .unwrap_or(u64::MAX);
    if state.metered {
        let left = caller.get_fuel()?;
        if cost >= left {
            caller.set_fuel(0)?;
            caller.data_mut().stop = Some(Stop::WaitedPastBudget);
            return Err(wasmtime::format_err!(
                "the program waited past its time limit"
            ));
        }
        caller.set_fuel(left - cost)?;
    } else if state.started.elapsed() + state.time.waited >= state.wall_time {
        state.stop = Some(Stop::WallTime);
        return Err(wasmtime::format_err!(
            "the program waited past its time limit"
        ));
    }
    Ok(())
}
