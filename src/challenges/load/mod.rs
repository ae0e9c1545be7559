//! Reading a challenge package from its folder and checking every part of
//! it. Loading reports *every* problem it finds — file, field or line, and
//! what was expected — and returns either a whole package or nothing: never
//! a panic, never a half-read challenge.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Component, Path, PathBuf};

use rehearse_sandbox::Language;
use serde_json::Value;

use super::constraints::Constraint;
use super::files::content_hash;
use super::languages::LanguageSupport;
use super::manifest::{RawCode, RawManifest, RawSql, RawTest};
use super::model::*;
use super::rubric::RawRubric;
use super::signature::{check_class_name, parse_constructor, ClassSpec, Signature};
use super::skills;
use super::slug::check_slug;
use super::types::Type;

mod code;
mod design;
mod sql;
mod test_cases;

/// Largest file read from a package (generated tests are not files).
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Largest source file (solutions, starters, checkers, generators).
const MAX_SOURCE_BYTES: u64 = 64 * 1024;

/// One thing wrong with a package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, relative to the folder the package sits in
    /// (`two-sum/tests.json`).
    pub file: String,
    /// The field (`code.signature`) or position (`line 4, column 7`).
    pub place: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Some(place) => write!(f, "{}: {place}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// A package as read from disk: the challenge, plus the tests that still
/// have to be generated (their input comes from a generator and their
/// expected answer from the reference solution, which needs the sandbox:
/// see `grading::materialise`).
#[derive(Debug, Clone)]
pub struct Package {
    pub dir: PathBuf,
    /// SHA-256 over the package's files (paths and contents): a changed
    /// package is a new version, an unchanged one is not.
    pub hash: String,
    pub challenge: Challenge,
}

/// Expands the paths given on a command line into package folders: a
/// folder with a `challenge.toml` is a package; any other folder is a
/// library whose sub-folders with a `challenge.toml` are packages (sorted).
pub fn find_packages(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Vec<Problem>> {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.join("challenge.toml").is_file() {
            found.push(path.clone());
            continue;
        }
        let entries = match std::fs::read_dir(path) {
            Ok(entries) => entries,
            Err(e) => {
                problems.push(Problem {
                    file: path.display().to_string(),
                    place: None,
                    message: format!("cannot read this folder: {e}"),
                });
                continue;
            }
        };
        let mut dirs: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("challenge.toml").is_file())
            .collect();
        dirs.sort();
        if dirs.is_empty() {
            problems.push(Problem {
                file: path.display().to_string(),
                place: None,
                message: "no challenge.toml here or in any sub-folder".into(),
            });
        }
        found.extend(dirs);
    }
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(problems)
    }
}

/// Reads and checks the package in `dir`; `support` says which languages
/// the grader offers (`harness::SUPPORT`).
pub fn load_package(dir: &Path, support: &dyn LanguageSupport) -> Result<Package, Vec<Problem>> {
    let mut reader = Reader::new(dir, support);
    let package = reader.package();
    match package {
        Some(package) if reader.problems.is_empty() => Ok(package),
        _ => {
            if reader.problems.is_empty() {
                reader.problem("challenge.toml", None, "the package could not be read");
            }
            Err(reader.problems)
        }
    }
}

struct Reader<'a> {
    dir: PathBuf,
    support: &'a dyn LanguageSupport,
    /// The package folder's name, prefixed to every file in problems.
    prefix: String,
    problems: Vec<Problem>,
}

impl<'a> Reader<'a> {
    fn new(dir: &Path, support: &'a dyn LanguageSupport) -> Self {
        let prefix = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| dir.display().to_string());
        Self {
            dir: dir.to_path_buf(),
            support,
            prefix,
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, file: &str, place: Option<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            file: format!("{}/{file}", self.prefix),
            place,
            message: message.into(),
        });
    }

    fn field(&mut self, file: &str, field: &str, message: impl Into<String>) {
        self.problem(file, Some(field.to_owned()), message);
    }

    /// Reads a UTF-8 file of the package; `None` (with a problem) if it is
    /// missing, too large, not UTF-8 or outside the package.
    fn read(&mut self, rel: &str, limit: u64) -> Option<String> {
        let inside = Path::new(rel)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        if !inside || rel.is_empty() {
            self.problem(
                rel,
                None,
                "paths must be relative and stay inside the package",
            );
            return None;
        }
        let path = self.dir.join(rel);
        let meta = match std::fs::metadata(&path) {
            Ok(meta) if meta.is_file() => meta,
            Ok(_) => {
                self.problem(rel, None, "expected a file, found a folder");
                return None;
            }
            Err(_) => {
                self.problem(rel, None, "file not found");
                return None;
            }
        };
        if meta.len() > limit {
            self.problem(
                rel,
                None,
                format!("the file is {} bytes; the limit is {limit}", meta.len()),
            );
            return None;
        }
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Some(text),
                Err(e) => {
                    self.problem(
                        rel,
                        None,
                        format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
                    );
                    None
                }
            },
            Err(e) => {
                self.problem(rel, None, format!("cannot read: {e}"));
                None
            }
        }
    }

    /// The files directly inside `sub` (sorted), or none if it is missing.
    fn list(&mut self, sub: &str) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.dir.join(sub)) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        names.sort();
        names.into_iter().map(|n| format!("{sub}/{n}")).collect()
    }

    /// Source files under `sub`, each with the language of its extension.
    fn sources(&mut self, sub: &str) -> Vec<SourceFile> {
        let mut out = Vec::new();
        for rel in self.list(sub) {
            let Some(language) = language_of(&rel) else {
                self.problem(
                    &rel,
                    None,
                    "unknown extension; expected .py, .js, .rs, .c, .cpp or .sql",
                );
                continue;
            };
            if let Some(source) = self.read(&rel, MAX_SOURCE_BYTES) {
                out.push(SourceFile {
                    path: rel,
                    language,
                    source,
                });
            }
        }
        out
    }

    fn package(&mut self) -> Option<Package> {
        let slug = self.prefix.clone();
        if let Err(e) = check_slug(&slug) {
            self.problem("", Some("folder name".into()), e);
        }
        let text = self.read("challenge.toml", MAX_SOURCE_BYTES)?;
        let raw: RawManifest = match toml::from_str(&text) {
            Ok(raw) => raw,
            Err(e) => {
                let place = e.span().map(|span| line_col(&text, span.start));
                self.problem("challenge.toml", place, e.message().to_owned());
                return None;
            }
        };
        let statement = self.read("statement.md", MAX_SOURCE_BYTES);
        if let Some(text) = &statement {
            if text.trim().is_empty() {
                self.problem("statement.md", None, "the statement is empty");
            } else if let Err(why) = super::statement::check(text) {
                self.problem("statement.md", None, why);
            }
        }
        let m = "challenge.toml";
        if raw.title.trim().is_empty() || raw.title.chars().count() > 120 {
            self.field(m, "title", "a title has 1–120 characters");
        }
        let difficulty = match raw.difficulty.as_str() {
            "easy" => Difficulty::Easy,
            "medium" => Difficulty::Medium,
            "hard" => Difficulty::Hard,
            other => {
                self.field(
                    m,
                    "difficulty",
                    format!("`{other}`: expected easy, medium or hard"),
                );
                Difficulty::Easy
            }
        };
        if raw.skills.is_empty() {
            self.field(m, "skills", "list at least one skill the challenge trains");
        }
        for skill in &raw.skills {
            if !skills::is_known(skill) {
                let hint = skills::closest(skill)
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                self.field(m, "skills", format!("unknown skill `{skill}`{hint}"));
            }
        }
        for tag in &raw.tags {
            if tag.trim().is_empty() || tag.chars().count() > 40 {
                self.field(m, "tags", "tags have 1–40 characters");
            }
        }
        let points = raw.points.unwrap_or(match difficulty {
            Difficulty::Easy => 100,
            Difficulty::Medium => 200,
            Difficulty::Hard => 300,
        });
        if points == 0 || points > 10_000 {
            self.field(m, "points", "points must be between 1 and 10000");
        }
        let sections = [
            ("code", raw.code.is_some()),
            ("sql", raw.sql.is_some()),
            ("design", raw.design.is_some()),
        ];
        for (name, present) in sections {
            if present && name != raw.kind {
                self.field(
                    m,
                    name,
                    format!(
                        "a [{name}] table does not belong in a `{}` challenge",
                        raw.kind
                    ),
                );
            }
        }
        if raw.kind != "code" && !raw.constraints.is_empty() {
            self.field(
                m,
                "constraints",
                "only code challenges declare input constraints",
            );
        }
        let spec = match raw.kind.as_str() {
            "code" => match &raw.code {
                Some(code) => self.code(code, &raw).map(Spec::Code),
                None => {
                    self.field(m, "code", "a code challenge needs a [code] table");
                    None
                }
            },
            "sql" => match &raw.sql {
                Some(sql) => self.sql(sql, &raw).map(Spec::Sql),
                None => {
                    self.field(m, "sql", "a SQL challenge needs a [sql] table");
                    None
                }
            },
            "design" => self.design(raw.design.as_ref()).map(Spec::Design),
            other => {
                self.field(
                    m,
                    "kind",
                    format!("`{other}`: expected code, sql or design"),
                );
                None
            }
        };
        let challenge = Challenge {
            slug,
            title: raw.title.trim().to_owned(),
            difficulty,
            skills: raw.skills.clone(),
            tags: raw.tags.iter().map(|t| t.trim().to_owned()).collect(),
            points,
            statement: statement?,
            spec: spec?,
        };
        let hash = match content_hash(&self.dir) {
            Ok(hash) => hash,
            Err(e) => {
                self.problem("", None, format!("the package cannot be read whole: {e}"));
                return None;
            }
        };
        Some(Package {
            dir: self.dir.clone(),
            hash,
            challenge,
        })
    }
}

fn language_of(path: &str) -> Option<Language> {
    match Path::new(path).extension()?.to_str()? {
        "py" => Some(Language::Python),
        "js" => Some(Language::JavaScript),
        "rs" => Some(Language::Rust),
        "c" => Some(Language::C),
        "cpp" | "cc" | "cxx" => Some(Language::Cpp),
        "sql" => Some(Language::Sql),
        _ => None,
    }
}

fn line_col(text: &str, offset: usize) -> String {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    format!("line {line}, column {column}")
}
