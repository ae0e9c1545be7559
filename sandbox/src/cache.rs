//! The on-disk caches: compiled wasm by source, and precompiled native code
//! (`.cwasm`) by wasm content and engine. Files are written atomically
//! (temporary file, then rename), so a crash never leaves half a module.

use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use wasmtime::{Engine, Module};

pub(crate) struct Cache {
    dir: PathBuf,
    /// Distinguishes this engine's configuration and wasmtime version, so a
    /// cache shared across upgrades never hands back foreign code.
    engine_key: String,
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn sha256(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hex(&hasher.finalize())
}

impl Cache {
    pub(crate) fn open(dir: &Path, engine: &Engine) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir.join("modules"))?;
        std::fs::create_dir_all(dir.join("compiled"))?;
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        engine.precompile_compatibility_hash().hash(&mut hasher);
        let engine_key = format!("wasmtime-48.0.8-{:016x}", hasher.finish());
        Ok(Self {
            dir: dir.to_path_buf(),
            engine_key,
        })
    }

    fn write_atomically(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let parent = path.parent().unwrap_or(&self.dir);
        let mut tmp = tempfile::NamedTempFile::new_in(parent)?;
        tmp.write_all(bytes)?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }

    /// A compiled wasm module for this key, if one was stored.
    pub(crate) fn compiled(&self, key: &str) -> Option<Vec<u8>> {
        std::fs::read(self.dir.join("compiled").join(format!("{key}.wasm"))).ok()
    }

    pub(crate) fn store_compiled(&self, key: &str, wasm: &[u8]) {
        let path = self.dir.join("compiled").join(format!("{key}.wasm"));
        if let Err(e) = self.write_atomically(&path, wasm) {
            tracing::warn!(error = %e, "cannot cache a compiled module");
        }
    }

    /// The module for these wasm bytes: from the native-code cache when this
    /// engine compiled it before, otherwise compiled now and cached.
    pub(crate) fn module(&self, engine: &Engine, wasm: &[u8]) -> wasmtime::Result<Module> {
        let key = sha256(&[self.engine_key.as_bytes(), wasm]);
        let path = self.dir.join("modules").join(format!("{key}.cwasm"));
        if path.exists() {
            // SAFETY: the file is in our private cache directory and was
            // written by `Engine::precompile_module` of an engine with the
            // same configuration (the key includes its compatibility hash);
            // wasmtime also checks the header before loading.
            #[allow(unsafe_code)]
            let loaded = unsafe { Module::deserialize_file(engine, &path) };
            match loaded {
                Ok(module) => return Ok(module),
                Err(e) => {
                    tracing::warn!(error = %e, path = %path.display(), "discarding a bad cache entry");
                    let _ = std::fs::remove_file(&path);
                }
            }
        }
        let native = engine.precompile_module(wasm)?;
        if let Err(e) = self.write_atomically(&path, &native) {
            tracing::warn!(error = %e, "cannot cache a precompiled module");
        }
        // SAFETY: `native` was produced just now by this very engine.
        #[allow(unsafe_code)]
        let module = unsafe { Module::deserialize(engine, &native) }?;
        Ok(module)
    }
}
