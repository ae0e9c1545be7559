//! A package as a zip file: how instructors export and import packages.
//! Reading refuses anything that could escape the package's folder, and
//! counts sizes as the data is read rather than trusting the headers.

use std::collections::BTreeMap;
use std::io::{Read, Write};

use super::files::{check_file_path, MAX_PACKAGE_BYTES, MAX_PACKAGE_FILES};

/// A zip with one folder, `<slug>/`, holding the files.
pub fn zip_folder(slug: &str, files: &BTreeMap<String, String>) -> zip::result::ZipResult<Vec<u8>> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (path, text) in files {
        writer.start_file(format!("{slug}/{path}"), options)?;
        writer.write_all(text.as_bytes())?;
    }
    writer.finish()?;
    Ok(out.into_inner())
}

/// Reads a package from a zip: its slug (the one top folder, or the hint)
/// and its files, refusing anything that could escape the folder.
pub fn unzip_package(
    bytes: &[u8],
    slug_hint: Option<&str>,
) -> Result<(String, BTreeMap<String, String>), String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a zip file: {e}"))?;
    if archive.len() > MAX_PACKAGE_FILES * 2 {
        return Err(format!("the zip has more than {MAX_PACKAGE_FILES} files"));
    }
    let mut raw: Vec<(String, String)> = Vec::new();
    let mut total = 0usize;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| format!("entry {i}: {e}"))?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().to_owned();
        if name.starts_with("__MACOSX/")
            || name.rsplit('/').next().is_some_and(|f| f.starts_with('.'))
        {
            continue;
        }
        // Sizes are checked as the data is read, not trusted from headers.
        let mut text = String::new();
        let limit = (MAX_PACKAGE_BYTES - total) as u64 + 1;
        (&mut entry)
            .take(limit)
            .read_to_string(&mut text)
            .map_err(|e| format!("{name}: {e} (package files are UTF-8 text)"))?;
        total += text.len();
        if total > MAX_PACKAGE_BYTES {
            return Err(format!(
                "the package is larger than {} MiB",
                MAX_PACKAGE_BYTES / (1024 * 1024)
            ));
        }
        raw.push((name, text));
    }
    let tops: std::collections::BTreeSet<&str> = raw
        .iter()
        .filter_map(|(n, _)| n.split_once('/').map(|(t, _)| t))
        .collect();
    let at_root = raw.iter().any(|(n, _)| !n.contains('/'));
    let (slug, strip) =
        match (tops.len(), at_root, slug_hint) {
            (1, false, _) => {
                let top = tops.iter().next().copied().unwrap_or_default().to_owned();
                (top.clone(), Some(top))
            }
            (_, true, Some(hint)) => (hint.to_owned(), None),
            _ => return Err(
                "the zip must hold one folder named after the challenge's slug (or give the slug)"
                    .into(),
            ),
        };
    let mut files = BTreeMap::new();
    for (name, text) in raw {
        let path = match &strip {
            Some(top) => name
                .strip_prefix(&format!("{top}/"))
                .unwrap_or(&name)
                .to_owned(),
            None => name,
        };
        check_file_path(&path)?;
        files.insert(path, text);
    }
    Ok((slug, files))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_package_round_trips_through_a_zip() {
        let mut files = BTreeMap::new();
        files.insert("challenge.toml".to_owned(), "kind = \"code\"\n".to_owned());
        files.insert("solutions/ok.py".to_owned(), "print(1)\n".to_owned());
        let bytes = zip_folder("my-challenge", &files).unwrap();
        let (slug, back) = unzip_package(&bytes, None).unwrap();
        assert_eq!(slug, "my-challenge");
        assert_eq!(back, files);
    }

    #[test]
    fn zips_that_escape_their_folder_or_are_not_zips_are_refused() {
        let mut evil = BTreeMap::new();
        evil.insert("../etc/passwd".to_owned(), "x".to_owned());
        let mut out = std::io::Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut out);
        writer
            .start_file(
                "pkg/../../escape.txt",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
        writer.write_all(b"x").unwrap();
        writer.finish().unwrap();
        let error = unzip_package(&out.into_inner(), None).unwrap_err();
        assert!(error.contains("not a valid file path"), "{error}");
        assert!(unzip_package(b"not a zip", None)
            .unwrap_err()
            .starts_with("not a zip file"));
        assert!(super::super::files::check_files(&evil).is_err());
    }
}
