//! A package's files as a whole: reading them all (for storing beside a
//! version, for export and editing), writing them back, checking paths
//! that come from authors or zip files, and the content hash that tells an
//! unchanged package from a changed one.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// The most files a package may have, and their total size: authoring and
/// zip import refuse more.
pub const MAX_PACKAGE_FILES: usize = 500;
pub const MAX_PACKAGE_BYTES: usize = 32 * 1024 * 1024;

/// Checks a path inside a package: relative, no `..`, no hidden parts,
/// plain characters.
pub fn check_file_path(path: &str) -> Result<(), String> {
    let ok_chars = path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    let parts_ok = !path.is_empty()
        && path.len() <= 200
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        && path
            .split('/')
            .all(|p| !p.is_empty() && !p.starts_with('.'));
    if ok_chars && parts_ok {
        Ok(())
    } else {
        Err(format!(
            "`{path}` is not a valid file path: use relative paths of letters, digits, `-`, `_`, `.` and `/`, without `..` or hidden parts"
        ))
    }
}

/// Every file under `dir` but hidden ones, by relative path (`/`-separated),
/// sorted. An entry that cannot be read is an error, never skipped: a
/// package is read whole or not at all.
fn package_paths(dir: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) -> Result<(), String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                walk(&path, base, out)?;
                continue;
            }
            let rel = path
                .strip_prefix(base)
                .map_err(|e| e.to_string())?
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, path));
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    out.sort();
    Ok(out)
}

/// SHA-256 over every file under `dir` (sorted relative paths and their
/// bytes), hex-encoded: a package's identity, so an unchanged package is
/// not checked or stored again.
pub fn content_hash(dir: &Path) -> Result<String, String> {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for (rel, path) in package_paths(dir)? {
        let bytes = std::fs::read(&path).map_err(|e| format!("{rel}: {e}"))?;
        hasher.update(rel.as_bytes());
        hasher.update([0]);
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Every file of a package as text, by relative path.
pub fn read_files(dir: &Path) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    let mut total = 0;
    for (rel, path) in package_paths(dir)? {
        if out.len() >= MAX_PACKAGE_FILES {
            return Err(format!(
                "the package has more than {MAX_PACKAGE_FILES} files"
            ));
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{rel}: {e} (package files are UTF-8 text)"))?;
        total += text.len();
        if total > MAX_PACKAGE_BYTES {
            return Err(format!(
                "the package is larger than {} MiB",
                MAX_PACKAGE_BYTES / (1024 * 1024)
            ));
        }
        out.insert(rel, text);
    }
    Ok(out)
}

/// Writes `files` under `dir` (a fresh folder), checking every path.
pub fn write_files(dir: &Path, files: &BTreeMap<String, String>) -> Result<(), String> {
    for (path, text) in files {
        check_file_path(path)?;
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{path}: {e}"))?;
        }
        std::fs::write(&target, text).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(())
}

/// Checks a set of files before it is stored: paths, count and size.
pub fn check_files(files: &BTreeMap<String, String>) -> Result<(), String> {
    if files.len() > MAX_PACKAGE_FILES {
        return Err(format!("a package has at most {MAX_PACKAGE_FILES} files"));
    }
    let total: usize = files.values().map(String::len).sum();
    if total > MAX_PACKAGE_BYTES {
        return Err(format!(
            "a package holds at most {} MiB",
            MAX_PACKAGE_BYTES / (1024 * 1024)
        ));
    }
    for (path, text) in files {
        check_file_path(path)?;
        if let Some(line) = crate::domain::nul_byte_line(text) {
            return Err(format!(
                "{path} contains a NUL byte (character 0) on line {line}; package files are text"
            ));
        }
    }
    if !files.contains_key("challenge.toml") {
        return Err("a package needs a challenge.toml".into());
    }
    Ok(())
}
