//! Running a compiler on untrusted source inside bubblewrap.
//!
//! The jail has no network and no host files but the toolchain, mounted
//! read-only (`/usr`, and Rust's sysroot); a throw-away working directory is
//! the only writable place besides a private `/tmp`. There is no `/proc`:
//! with one, `include_str!("/proc/1/environ")` read the environment of
//! bubblewrap's init, which is the server's (issue 11), and `/proc/1/cmdline`
//! or `/proc/self/mountinfo` named host paths. bubblewrap itself starts with
//! an empty environment, so nothing of the server's reaches the jail at all.
//! `prlimit` caps heap, file size and CPU time; a wall-clock timer kills
//! whatever is left.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::config::CompileLimits;

/// What the jailed compiler did.
pub(crate) struct JailOutput {
    pub success: bool,
    /// stdout and stderr together, cut at the diagnostics cap.
    pub diagnostics: String,
    /// The wall clock ran out (the CPU limit ends the compiler by itself).
    pub timed_out: bool,
    /// A compiler process was killed for using its CPU time.
    pub out_of_cpu: bool,
}

/// How bubblewrap reports a child killed by SIGXCPU (128 + 24), which is
/// what RLIMIT_CPU sends at its soft limit.
const KILLED_BY_SIGXCPU: i32 = 128 + 24;

/// The bubblewrap arguments every jail starts with: new namespaces of every
/// kind (so no network), no capabilities, and `/usr` read-only as the only
/// host tree. (Public so the benchmark can time a process-based judge in the
/// very same jail.)
pub const JAIL_BASE_ARGS: &[&str] = &[
    "--unshare-all",
    "--die-with-parent",
    "--new-session",
    "--cap-drop",
    "ALL",
    "--ro-bind",
    "/usr",
    "/usr",
    "--symlink",
    "usr/lib",
    "/lib",
    "--symlink",
    "usr/lib64",
    "/lib64",
    "--symlink",
    "usr/bin",
    "/bin",
];

pub(crate) struct Jail<'a> {
    pub bwrap: &'a Path,
    pub workdir: &'a Path,
    /// Host directories the compiler needs besides `/usr`, mounted read-only
    /// at the same path.
    pub extra_ro: Vec<PathBuf>,
    /// Variables set in the jail besides `PATH`, `HOME` and `TMPDIR`.
    pub env: Vec<(String, String)>,
    pub limits: &'a CompileLimits,
}

/// Reads at most `cap` bytes from `reader` and drains the rest, so a flood of
/// diagnostics neither blocks the compiler nor fills our memory.
fn read_capped(mut reader: impl Read, cap: usize) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match reader.read(&mut buf) {
            Ok(0) | Err(_) => return kept,
            Ok(n) => {
                let room = cap.saturating_sub(kept.len());
                kept.extend_from_slice(&buf[..n.min(room)]);
            }
        }
    }
}

impl Jail<'_> {
    pub(crate) fn run(&self, program: &str, args: &[String]) -> std::io::Result<JailOutput> {
        let mut cmd = Command::new(self.bwrap);
        // Nothing of the server's environment, in the jail or in bwrap's
        // own init (process 1 inside): DATABASE_URL and friends stay out.
        cmd.env_clear();
        cmd.args(JAIL_BASE_ARGS);
        for dir in &self.extra_ro {
            cmd.arg("--ro-bind").arg(dir).arg(dir);
        }
        cmd.args(["--dev", "/dev", "--tmpfs", "/tmp", "--bind"])
            .arg(self.workdir)
            .args([
                "/work",
                "--chdir",
                "/work",
                "--clearenv",
                "--setenv",
                "PATH",
                "/usr/bin",
                "--setenv",
                "HOME",
                "/work",
                "--setenv",
                "TMPDIR",
                "/tmp",
            ]);
        for (key, value) in &self.env {
            cmd.args(["--setenv", key, value]);
        }
        cmd.arg("/usr/bin/prlimit")
            .arg(format!("--data={}", self.limits.memory_bytes))
            .arg(format!("--fsize={}", self.limits.max_output_bytes))
            .arg(format!("--cpu={}", self.limits.cpu_time.as_secs().max(1)))
            .arg("--nofile=256")
            .arg("--")
            .arg(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn()?;
        let cap = self.limits.max_diagnostics_bytes;
        let stdout = child.stdout.take();
        let stderr = child.stderr.take();
        let out_reader =
            std::thread::spawn(move || stdout.map(|s| read_capped(s, cap)).unwrap_or_default());
        let err_reader =
            std::thread::spawn(move || stderr.map(|s| read_capped(s, cap)).unwrap_or_default());

        let started = Instant::now();
        let mut timed_out = false;
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break status;
            }
            if started.elapsed() > self.limits.wall_time {
                timed_out = true;
                // bwrap dies, and --die-with-parent takes the compiler with it.
                let _ = child.kill();
                break child.wait()?;
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let mut diagnostics = err_reader.join().unwrap_or_default();
        let stdout = out_reader.join().unwrap_or_default();
        diagnostics.extend_from_slice(&stdout);
        diagnostics.truncate(cap);
        Ok(JailOutput {
            success: status.success() && !timed_out,
            diagnostics: String::from_utf8_lossy(&diagnostics).into_owned(),
            timed_out,
            out_of_cpu: status.code() == Some(KILLED_BY_SIGXCPU),
        })
    }
}
