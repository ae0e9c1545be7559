//! Which languages this machine can run, and why not when it cannot.
//!
//! Compiled languages need bubblewrap and their compiler with the wasm32
//! target; detection runs once per language and is remembered.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::compile::{Compiler, Toolchain};
use crate::language::Language;

/// Whether a language can be used here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Availability {
    Ready { version: String },
    Unavailable { reason: String },
}

/// One row of `rehearse doctor`.
#[derive(Debug, Clone)]
pub struct LanguageStatus {
    pub language: Language,
    pub availability: Availability,
}

fn first_line(program: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new(program)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    if !output.status.success() {
        return Err(format!(
            "{} {} failed: {}",
            program.display(),
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned())
}

fn require_file(path: &str, package: &str) -> Result<(), String> {
    if Path::new(path).exists() {
        Ok(())
    } else {
        Err(format!(
            "{path} is missing (Debian package {package}; run scripts/setup.sh)"
        ))
    }
}

fn rust() -> Result<Toolchain, String> {
    let rustc = std::env::var_os("RUSTC")
        .map(PathBuf::from)
        .unwrap_or_else(|| "rustc".into());
    let sysroot = first_line(&rustc, &["--print", "sysroot"])
        .map_err(|e| format!("no Rust compiler: {e}"))?;
    let sysroot = std::fs::canonicalize(&sysroot).unwrap_or_else(|_| PathBuf::from(&sysroot));
    let program = sysroot.join("bin").join("rustc");
    let version = first_line(&program, &["--version"])?;
    if version.contains("nightly") || version.contains("beta") {
        return Err(format!("{version} is not a stable compiler"));
    }
    if !sysroot.join("lib/rustlib/wasm32-wasip1").exists() {
        return Err("the wasm32-wasip1 target is not installed (rustup target add wasm32-wasip1; scripts/setup.sh does it)".into());
    }
    // The jail has no /proc, so the loader cannot resolve rustc's
    // `$ORIGIN` runpath: it is told where rustc's libraries are.
    let env = vec![(
        "LD_LIBRARY_PATH".to_owned(),
        sysroot.join("lib").to_string_lossy().into_owned(),
    )];
    // A sysroot under /usr is mounted with /usr already.
    let extra_ro = if sysroot.starts_with("/usr") {
        Vec::new()
    } else {
        vec![sysroot]
    };
    Ok(Toolchain {
        language: Language::Rust,
        compiler: Compiler::Rustc,
        program,
        version,
        extra_ro,
        env,
    })
}

fn clang(language: Language) -> Result<Toolchain, String> {
    let (compiler, program) = match language {
        Language::Cpp => (Compiler::ClangCxx, PathBuf::from("/usr/bin/clang++")),
        _ => (Compiler::Clang, PathBuf::from("/usr/bin/clang")),
    };
    require_file(&program.to_string_lossy(), "clang")?;
    require_file("/usr/lib/wasm32-wasi/libc.a", "wasi-libc")?;
    if language == Language::Cpp {
        require_file("/usr/lib/wasm32-wasi/libc++.a", "libc++-14-dev-wasm32")?;
    }
    let version = first_line(&program, &["--version"])?;
    Ok(Toolchain {
        language,
        compiler,
        program,
        version,
        extra_ro: Vec::new(),
        env: Vec::new(),
    })
}

/// Where CPython's standard library is, mounted read-only at `/lib` in runs.
pub(crate) fn python_lib(runtimes_dir: &Path) -> PathBuf {
    runtimes_dir.join("python-lib")
}

/// The guest runtime module that interprets `language`, if it is built.
pub(crate) fn runtime_module(language: Language, runtimes_dir: &Path) -> Result<PathBuf, String> {
    let file = match language {
        Language::Sql => "rehearse-guest-sql.wasm",
        Language::JavaScript => "rehearse-guest-javascript.wasm",
        Language::Python => "rehearse-guest-python.wasm",
        other => return Err(format!("{other} is compiled; it has no guest runtime")),
    };
    let path = runtimes_dir.join(file);
    if language == Language::Python && !python_lib(runtimes_dir).join("python3.11/os.py").exists() {
        return Err(format!(
            "the Python standard library is missing under {} (scripts/setup.sh installs it)",
            python_lib(runtimes_dir).display()
        ));
    }
    if path.exists() {
        Ok(path)
    } else {
        Err(format!(
            "{} is not built (scripts/setup.sh builds it)",
            path.display()
        ))
    }
}

/// Finds the toolchain for a compiled language.
pub(crate) fn detect(language: Language, bwrap: &Path) -> Result<Toolchain, String> {
    if !bwrap.exists() {
        return Err(format!(
            "bubblewrap is missing at {} (Debian package bubblewrap; run scripts/setup.sh)",
            bwrap.display()
        ));
    }
    match language {
        Language::Rust => rust(),
        Language::C | Language::Cpp => clang(language),
        Language::Python | Language::JavaScript | Language::Sql => Err(format!(
            "{language} is interpreted by a guest runtime, not compiled"
        )),
    }
}
