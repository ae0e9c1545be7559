//! Compiling Rust, C and C++ to `wasm32-wasip1` with the host's compilers,
//! jailed (see [`jail`]). Results are cached by source and toolchain.

mod jail;

pub use jail::JAIL_BASE_ARGS;

use std::path::{Path, PathBuf};

use crate::config::CompileLimits;
use crate::language::Language;
use crate::PrepareError;

/// The guests' shadow stack: 8 MiB, placed first in memory so that an
/// overflow traps (it would run below address 0) instead of silently
/// corrupting the heap.
const STACK_BYTES: u32 = 8 * 1024 * 1024;

/// Linked into every C++ program. libc++ for wasm32 is built without
/// exceptions, so its `operator new` returns null when memory runs out —
/// and compiled code, assuming `new` never does, then writes through null
/// (address 0 is valid wasm memory). These make running out of memory end
/// the program instead.
const CPP_OPERATOR_NEW: &str = r#"#include <cstdlib>
#include <new>
void* operator new(std::size_t n) { void* p = std::malloc(n ? n : 1); if (!p) std::abort(); return p; }
void* operator new[](std::size_t n) { return ::operator new(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
"#;
const CPP_OPERATOR_NEW_FILE: &str = "rehearse_operator_new.cpp";

/// GCC's `<bits/stdc++.h>`, which competitive programmers include
/// everywhere; libc++ has no such header, so the jail provides one.
const BITS_STDCXX: &str = "#pragma once\n\
#include <algorithm>\n#include <array>\n#include <bitset>\n#include <cassert>\n#include <cctype>\n\
#include <cfloat>\n#include <climits>\n#include <cmath>\n#include <complex>\n#include <cstdint>\n\
#include <cstdio>\n#include <cstdlib>\n#include <cstring>\n#include <deque>\n#include <functional>\n\
#include <iomanip>\n#include <iostream>\n#include <iterator>\n#include <limits>\n#include <list>\n\
#include <map>\n#include <memory>\n#include <numeric>\n#include <optional>\n#include <queue>\n\
#include <random>\n#include <set>\n#include <sstream>\n#include <stack>\n#include <string>\n\
#include <string_view>\n#include <tuple>\n#include <unordered_map>\n#include <unordered_set>\n\
#include <utility>\n#include <variant>\n#include <vector>\n";
const BITS_STDCXX_DIR: &str = "include/bits";

/// Which compiler driver a toolchain is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compiler {
    Rustc,
    Clang,
    ClangCxx,
}

/// A toolchain able to build one language, found on this machine.
#[derive(Debug, Clone)]
pub struct Toolchain {
    pub language: Language,
    pub compiler: Compiler,
    /// Compiler path inside the jail (the same as on the host).
    pub program: PathBuf,
    pub version: String,
    /// Host directories to mount read-only besides `/usr`.
    pub extra_ro: Vec<PathBuf>,
}

impl Toolchain {
    fn args(&self, source: &str, output: &str) -> Vec<String> {
        let stack = STACK_BYTES;
        let mut args: Vec<String> = match self.compiler {
            Compiler::Rustc => vec![
                "--edition=2021".into(),
                "-O".into(),
                "--target=wasm32-wasip1".into(),
                "--crate-name=main".into(),
                "--crate-type=bin".into(),
                "-Cstrip=debuginfo".into(),
                format!("-Clink-arg=-zstack-size={stack}"),
            ],
            Compiler::Clang | Compiler::ClangCxx => vec![
                "--target=wasm32-wasi".into(),
                "-O2".into(),
                "-ferror-limit=50".into(),
                format!("-Wl,-z,stack-size={stack}"),
                "-Wl,--stack-first".into(),
                "-D_WASI_EMULATED_SIGNAL".into(),
                "-D_WASI_EMULATED_PROCESS_CLOCKS".into(),
            ],
        };
        match self.compiler {
            // clang 14 has no exception support for wasm32.
            Compiler::ClangCxx => args.extend([
                "-std=c++17".into(),
                "-fno-exceptions".into(),
                "-isystem".into(),
                "/work/include".into(),
            ]),
            Compiler::Clang => args.push("-std=gnu17".into()),
            Compiler::Rustc => {}
        }
        args.extend(["-o".into(), output.into(), source.into()]);
        if self.compiler == Compiler::ClangCxx {
            args.push(format!("/work/{CPP_OPERATOR_NEW_FILE}"));
        }
        if self.compiler != Compiler::Rustc {
            args.extend([
                "-lwasi-emulated-signal".into(),
                "-lwasi-emulated-process-clocks".into(),
            ]);
        }
        if self.compiler == Compiler::Clang {
            args.push("-lm".into());
        }
        args
    }

    /// A stable description of everything that shapes the output, for the cache key.
    pub(crate) fn fingerprint(&self) -> String {
        format!(
            "{}|{}|{:?}|{}",
            self.language.as_str(),
            self.version,
            self.args("s", "o"),
            if self.compiler == Compiler::ClangCxx {
                format!("{CPP_OPERATOR_NEW}{BITS_STDCXX}")
            } else {
                String::new()
            }
        )
    }
}

/// Removes host paths from diagnostics: the jail's working directory and
/// the toolchain's location say nothing useful to a candidate.
fn scrub(diagnostics: &str, toolchain: &Toolchain) -> String {
    let mut text = diagnostics.replace("/work/", "");
    for dir in &toolchain.extra_ro {
        text = text.replace(&*dir.to_string_lossy(), "<toolchain>");
    }
    text.replace("/usr/lib/llvm-14", "<toolchain>")
        .replace("/usr/include", "<include>")
}

/// Compiles `source` to a wasm module, or says why not.
pub(crate) fn compile(
    bwrap: &Path,
    toolchain: &Toolchain,
    source: &str,
    limits: &CompileLimits,
) -> Result<Vec<u8>, PrepareError> {
    let workdir = tempfile::Builder::new()
        .prefix("rehearse-compile-")
        .tempdir()
        .map_err(|e| PrepareError::Internal(format!("cannot create a build directory: {e}")))?;
    let file = toolchain.language.source_file();
    std::fs::write(workdir.path().join(file), source)
        .map_err(|e| PrepareError::Internal(format!("cannot write the source: {e}")))?;
    if toolchain.compiler == Compiler::ClangCxx {
        let support = || -> std::io::Result<()> {
            std::fs::write(workdir.path().join(CPP_OPERATOR_NEW_FILE), CPP_OPERATOR_NEW)?;
            std::fs::create_dir_all(workdir.path().join(BITS_STDCXX_DIR))?;
            std::fs::write(
                workdir.path().join(BITS_STDCXX_DIR).join("stdc++.h"),
                BITS_STDCXX,
            )
        };
        support().map_err(|e| {
            PrepareError::Internal(format!("cannot write the runtime support: {e}"))
        })?;
    }
    let jail = jail::Jail {
        bwrap,
        workdir: workdir.path(),
        extra_ro: toolchain.extra_ro.clone(),
        limits,
    };
    let output = jail
        .run(
            &toolchain.program.to_string_lossy(),
            &toolchain.args(&format!("/work/{file}"), "/work/main.wasm"),
        )
        .map_err(|e| PrepareError::Internal(format!("cannot start the compiler jail: {e}")))?;
    if output.timed_out {
        return Err(PrepareError::Compile {
            message: format!(
                "compilation took longer than {} seconds and was stopped",
                limits.wall_time.as_secs()
            ),
        });
    }
    if !output.success {
        let mut message = scrub(&output.diagnostics, toolchain);
        if message.trim().is_empty() {
            message = "the compiler stopped without a message (it may have hit the memory or output limit)".into();
        }
        return Err(PrepareError::Compile { message });
    }
    let wasm =
        std::fs::read(workdir.path().join("main.wasm")).map_err(|_| PrepareError::Compile {
            message: "the compiler produced no module (it may have hit the output size limit)"
                .into(),
        })?;
    if wasm.len() as u64 > limits.max_output_bytes {
        return Err(PrepareError::Compile {
            message: format!(
                "the compiled module is {} bytes; the limit is {}",
                wasm.len(),
                limits.max_output_bytes
            ),
        });
    }
    Ok(wasm)
}
