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

/// A `qsort` for C programs: wasi-libc's (musl's smoothsort) is about ten
/// times slower than C++'s `std::sort` here, which would make C solutions
/// that sort pay for the platform. Introsort: median-of-three quicksort,
/// heapsort when recursion gets deep, insertion sort for short runs.
const C_QSORT: &str = r#"#include <stddef.h>
#include <stdint.h>
#include <string.h>
typedef int (*rehearse_cmp)(const void *, const void *);
static void rehearse_swap(char *a, char *b, size_t w) {
    while (w >= 8) { uint64_t t; memcpy(&t, a, 8); memcpy(a, b, 8); memcpy(b, &t, 8); a += 8; b += 8; w -= 8; }
    while (w--) { char t = *a; *a++ = *b; *b++ = t; }
}
static void rehearse_sift(char *base, size_t root, size_t n, size_t w, rehearse_cmp cmp) {
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n) return;
        if (child + 1 < n && cmp(base + child * w, base + (child + 1) * w) < 0) child++;
        if (cmp(base + root * w, base + child * w) >= 0) return;
        rehearse_swap(base + root * w, base + child * w, w);
        root = child;
    }
}
static void rehearse_heapsort(char *base, size_t n, size_t w, rehearse_cmp cmp) {
    for (size_t i = n / 2; i-- > 0;) rehearse_sift(base, i, n, w, cmp);
    for (size_t end = n; end-- > 1;) { rehearse_swap(base, base + end * w, w); rehearse_sift(base, 0, end, w, cmp); }
}
static void rehearse_sort(char *lo, size_t n, size_t w, rehearse_cmp cmp, int depth) {
    while (n > 16) {
        if (depth-- == 0) { rehearse_heapsort(lo, n, w, cmp); return; }
        char *mid = lo + (n / 2) * w, *hi = lo + (n - 1) * w;
        if (cmp(mid, lo) < 0) rehearse_swap(mid, lo, w);
        if (cmp(hi, mid) < 0) { rehearse_swap(hi, mid, w); if (cmp(mid, lo) < 0) rehearse_swap(mid, lo, w); }
        rehearse_swap(lo, mid, w);
        char *i = lo, *j = lo + n * w, *end = lo + n * w;
        for (;;) {
            do i += w; while (i < end && cmp(i, lo) < 0);
            do j -= w; while (cmp(j, lo) > 0);
            if (i >= j) break;
            rehearse_swap(i, j, w);
        }
        rehearse_swap(lo, j, w);
        size_t left = (size_t)(j - lo) / w, right = n - left - 1;
        if (left < right) { rehearse_sort(lo, left, w, cmp, depth); lo = j + w; n = right; }
        else { rehearse_sort(j + w, right, w, cmp, depth); n = left; }
    }
    for (size_t i = 1; i < n; i++)
        for (char *p = lo + i * w; p > lo && cmp(p - w, p) > 0; p -= w) rehearse_swap(p - w, p, w);
}
void qsort(void *base, size_t n, size_t w, rehearse_cmp cmp) {
    if (n < 2 || w == 0) return;
    int depth = 0;
    for (size_t m = n; m > 1; m >>= 1) depth += 2;
    rehearse_sort((char *)base, n, w, cmp, depth);
}
"#;
const C_QSORT_FILE: &str = "rehearse_qsort.c";

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
    /// Environment the compiler needs in the jail, beyond `PATH`/`HOME`.
    /// The jail has no `/proc`, so the dynamic loader cannot resolve
    /// `$ORIGIN` and rustc is told where its libraries are.
    pub env: Vec<(String, String)>,
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
        if self.compiler == Compiler::Clang {
            args.push(format!("/work/{C_QSORT_FILE}"));
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
            match self.compiler {
                Compiler::ClangCxx => format!("{CPP_OPERATOR_NEW}{BITS_STDCXX}"),
                Compiler::Clang => C_QSORT.to_owned(),
                Compiler::Rustc => String::new(),
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
    if toolchain.compiler == Compiler::Clang {
        std::fs::write(workdir.path().join(C_QSORT_FILE), C_QSORT).map_err(|e| {
            PrepareError::Internal(format!("cannot write the runtime support: {e}"))
        })?;
    }
    let jail = jail::Jail {
        bwrap,
        workdir: workdir.path(),
        extra_ro: toolchain.extra_ro.clone(),
        env: toolchain.env.clone(),
        limits,
    };
    let output = jail
        .run(
            &toolchain.program.to_string_lossy(),
            &toolchain.args(&format!("/work/{file}"), "/work/main.wasm"),
        )
        .map_err(|e| PrepareError::Internal(format!("cannot start the compiler jail: {e}")))?;
    if output.out_of_cpu {
        return Err(PrepareError::Compile {
            message: format!(
                "compilation used more than {} seconds of CPU time and was stopped",
                limits.cpu_time.as_secs()
            ),
        });
    }
    if output.timed_out {
        return Err(PrepareError::Overloaded(format!(
            "compilation did not finish within {} seconds of wall-clock time",
            limits.wall_time.as_secs()
        )));
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
