//! The on-disk caches: compiled wasm by source, and precompiled native code
//! (`.cwasm`) by wasm content and engine. Files are written atomically
//! (temporary file, then rename), so a crash never leaves half a module.
//!
//! The cache is bounded: every distinct program adds files (tens of MB for
//! a Rust program with a large static), so past `max_bytes` the least
//! recently used files go. Use is recorded in each file's modification
//! time, so the order survives a restart.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use sha2::{Digest, Sha256};
use wasmtime::{Engine, Module};

pub(crate) struct Cache {
    dir: PathBuf,
    /// Distinguishes this engine's configuration and wasmtime version, so a
    /// cache shared across upgrades never hands back foreign code.
    engine_key: String,
    max_bytes: u64,
    /// Every cached file: its size and when it was last used.
    files: Mutex<Files>,
}

#[derive(Default)]
struct Files {
    entries: HashMap<PathBuf, (u64, SystemTime)>,
    total: u64,
}

impl Files {
    fn insert(&mut self, path: PathBuf, size: u64, used: SystemTime) {
        if let Some((old, _)) = self.entries.insert(path, (size, used)) {
            self.total -= old;
        }
        self.total += size;
    }

    fn remove(&mut self, path: &Path) {
        if let Some((size, _)) = self.entries.remove(path) {
            self.total -= size;
        }
    }
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
    pub(crate) fn open(dir: &Path, engine: &Engine, max_bytes: u64) -> std::io::Result<Self> {
        let mut files = Files::default();
        for sub in ["modules", "compiled"] {
            std::fs::create_dir_all(dir.join(sub))?;
            for entry in std::fs::read_dir(dir.join(sub))? {
                let entry = entry?;
                let meta = entry.metadata()?;
                if meta.is_file() {
                    let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                    files.insert(entry.path(), meta.len(), used);
                }
            }
        }
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        engine.precompile_compatibility_hash().hash(&mut hasher);
        let engine_key = format!("wasmtime-48.0.8-{:016x}", hasher.finish());
        let cache = Self {
            dir: dir.to_path_buf(),
            engine_key,
            max_bytes,
            files: Mutex::new(files),
        };
        cache.evict();
        Ok(cache)
    }

    fn write_atomically(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let parent = path.parent().unwrap_or(&self.dir);
        let mut tmp = tempfile::NamedTempFile::new_in(parent)?;
        tmp.write_all(bytes)?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        self.files.lock().unwrap_or_else(|e| e.into_inner()).insert(
            path.to_path_buf(),
            bytes.len() as u64,
            SystemTime::now(),
        );
        self.evict();
        Ok(())
    }

    /// Records a use of `path` (in memory, and as its modification time).
    fn used(&self, path: &Path) {
        let now = SystemTime::now();
        if let Ok(file) = std::fs::File::options().append(true).open(path) {
            let _ = file.set_modified(now);
        }
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(entry) = files.entries.get_mut(path) {
            entry.1 = now;
        }
    }

    /// Removes the least recently used files until the cache is within
    /// nine tenths of its bound (so it is not trimmed on every write).
    fn evict(&self) {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        if files.total <= self.max_bytes {
            return;
        }
        let mut by_age: Vec<(SystemTime, PathBuf)> = files
            .entries
            .iter()
            .map(|(path, (_, used))| (*used, path.clone()))
            .collect();
        by_age.sort();
        let target = self.max_bytes / 10 * 9;
        for (_, path) in by_age {
            if files.total <= target {
                break;
            }
            // A module still loaded keeps its mapping; only the name goes.
            if let Err(e) = std::fs::remove_file(&path) {
                if e.kind() != std::io::ErrorKind::NotFound {
                    tracing::warn!(error = %e, path = %path.display(), "cannot evict a cache entry");
                    continue;
                }
            }
            files.remove(&path);
        }
    }

    /// Bytes the cache holds now.
    #[cfg(test)]
    fn size(&self) -> u64 {
        self.files.lock().unwrap_or_else(|e| e.into_inner()).total
    }

    /// A compiled wasm module for this key, if one was stored.
    pub(crate) fn compiled(&self, key: &str) -> Option<Vec<u8>> {
        let path = self.dir.join("compiled").join(format!("{key}.wasm"));
        let bytes = std::fs::read(&path).ok()?;
        self.used(&path);
        Some(bytes)
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
                Ok(module) => {
                    self.used(&path);
                    return Ok(module);
                }
                Err(e) => {
                    tracing::warn!(error = %e, path = %path.display(), "discarding a bad cache entry");
                    let _ = std::fs::remove_file(&path);
                    self.files
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .remove(&path);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_recently_used_files_go_past_the_bound() {
        let dir = tempfile::tempdir().unwrap();
        let engine = Engine::default();
        let cache = Cache::open(dir.path(), &engine, 10_000).unwrap();
        cache.store_compiled("a", &[0; 4000]);
        std::thread::sleep(std::time::Duration::from_millis(20));
        cache.store_compiled("b", &[0; 4000]);
        std::thread::sleep(std::time::Duration::from_millis(20));
        // `a` is used, so `b` is now the oldest.
        assert!(cache.compiled("a").is_some());
        cache.store_compiled("c", &[0; 4000]);
        assert!(cache.size() <= 9_000, "{}", cache.size());
        assert!(cache.compiled("a").is_some());
        assert!(cache.compiled("b").is_none());
        assert!(cache.compiled("c").is_some());
        // A restart finds the same files and sizes.
        drop(cache);
        let reopened = Cache::open(dir.path(), &engine, 10_000).unwrap();
        assert_eq!(reopened.size(), 8000);
    }
}
