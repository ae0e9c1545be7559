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
use super::manifest::{RawCode, RawManifest, RawSql, RawTest};
use super::model::*;
use super::rubric::RawRubric;
use super::signature::{check_class_name, parse_constructor, ClassSpec, Signature};
use super::skills;
use super::slug::check_slug;
use super::types::Type;
use crate::harness;

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
    pub pending: Vec<PendingTest>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PendingTest {
    /// Where the test goes in `CodeSpec::tests` once generated.
    pub index: usize,
    pub name: String,
    pub sample: bool,
    pub weight: u32,
    pub script_path: String,
    pub script: String,
    pub args: Vec<String>,
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

/// Reads and checks the package in `dir`.
pub fn load_package(dir: &Path) -> Result<Package, Vec<Problem>> {
    let mut reader = Reader::new(dir);
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

struct Reader {
    dir: PathBuf,
    /// The package folder's name, prefixed to every file in problems.
    prefix: String,
    problems: Vec<Problem>,
}

impl Reader {
    fn new(dir: &Path) -> Self {
        let prefix = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| dir.display().to_string());
        Self {
            dir: dir.to_path_buf(),
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
        let mut pending = Vec::new();
        let spec = match raw.kind.as_str() {
            "code" => match &raw.code {
                Some(code) => self.code(code, &raw, &mut pending).map(Spec::Code),
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
        Some(Package {
            dir: self.dir.clone(),
            hash: content_hash(&self.dir),
            challenge,
            pending,
        })
    }

    // ------------------------------------------------------------ code

    fn code(
        &mut self,
        raw: &RawCode,
        manifest: &RawManifest,
        pending: &mut Vec<PendingTest>,
    ) -> Option<CodeSpec> {
        let m = "challenge.toml";
        let mode = match raw.mode.as_str() {
            "function" => {
                let Some(text) = &raw.signature else {
                    self.field(
                        m,
                        "code.signature",
                        "function mode needs `signature = \"name(param: type, …) -> type\"`",
                    );
                    return None;
                };
                match Signature::parse(text) {
                    Ok(signature) if signature.returns == crate::challenges::types::Type::Void => {
                        self.field(m, "code.signature", "a function must return its answer (`-> type`); in-place changes cannot be checked");
                        return None;
                    }
                    Ok(signature) => CodeMode::Function { signature },
                    Err(e) => {
                        self.field(m, "code.signature", e);
                        return None;
                    }
                }
            }
            "class" => self.class_mode(raw)?,
            "stdio" => CodeMode::Stdio,
            other => {
                self.field(
                    m,
                    "code.mode",
                    format!("`{other}`: expected function, class or stdio"),
                );
                return None;
            }
        };
        let comparator = self.comparator(raw.comparator.as_ref(), &mode);
        let limits = self.limits(manifest);
        let checker = if comparator == Some(Comparator::Checker) {
            self.read("checker.py", MAX_SOURCE_BYTES)
        } else {
            None
        };
        let languages = self.languages(raw, &mode);
        let mut starters = BTreeMap::new();
        for file in self.sources("starter") {
            if !languages.contains(&file.language) {
                self.problem(
                    &file.path,
                    None,
                    format!("{} is not offered for this challenge", file.language),
                );
            }
            starters.insert(file.language, file.source);
        }
        for &language in &languages {
            starters
                .entry(language)
                .or_insert_with(|| harness::starter(language, &mode));
        }
        let comparator = comparator?;
        let constraints = self.constraints(manifest, &mode);
        let validator = if self.dir.join("validator.py").is_file() {
            self.read("validator.py", MAX_SOURCE_BYTES)
        } else {
            None
        };
        let tests = self.tests(&mode, &comparator, pending)?;
        for (i, test) in tests.iter().enumerate() {
            if let Err(e) = super::constraints::check_input(&mode, &constraints, &test.input) {
                self.problem(
                    "tests.json",
                    Some(format!("test {} ({})", i + 1, test.name)),
                    format!("the input breaks the constraints: {e}"),
                );
            }
        }
        let solutions = self.sources("solutions");
        let wrong = self.sources("wrong");
        if solutions.is_empty() {
            self.problem(
                "solutions",
                None,
                "add at least one reference solution (solutions/<name>.<ext>)",
            );
        }
        for file in solutions.iter().chain(&wrong) {
            if !languages.contains(&file.language) {
                self.problem(
                    &file.path,
                    None,
                    format!("{} is not offered for this challenge", file.language),
                );
            }
        }
        Some(CodeSpec {
            mode,
            comparator,
            limits,
            languages,
            starters,
            tests,
            solutions,
            wrong,
            checker,
            constraints,
            validator,
        })
    }

    /// `[constraints]`, each checked against the parameters it names.
    fn constraints(&mut self, manifest: &RawManifest, mode: &CodeMode) -> Vec<Constraint> {
        let params: Vec<(Option<&str>, &str, &Type)> = match mode {
            CodeMode::Function { signature } => signature
                .params
                .iter()
                .map(|p| (None, p.name.as_str(), &p.ty))
                .collect(),
            CodeMode::Class { class } => class
                .constructor
                .iter()
                .map(|p| (Some(class.name.as_str()), p.name.as_str(), &p.ty))
                .chain(class.methods.iter().flat_map(|m| {
                    m.params
                        .iter()
                        .map(move |p| (Some(m.name.as_str()), p.name.as_str(), &p.ty))
                }))
                .collect(),
            CodeMode::Stdio => Vec::new(),
        };
        let class = matches!(mode, CodeMode::Class { .. });
        let mut out = Vec::new();
        for (key, bounds) in &manifest.constraints {
            if matches!(mode, CodeMode::Stdio) {
                self.field(
                    "challenge.toml",
                    &format!("constraints.{key}"),
                    "stdio programs read text: check their input with a validator.py instead",
                );
                continue;
            }
            let constraint = Constraint {
                key: key.clone(),
                bounds: bounds.clone(),
            };
            match super::constraints::check_declaration(&constraint, &params, class) {
                Ok(()) => out.push(constraint),
                Err(e) => self.field("challenge.toml", &format!("constraints.{key}"), e),
            }
        }
        out
    }

    fn class_mode(&mut self, raw: &RawCode) -> Option<CodeMode> {
        let m = "challenge.toml";
        let Some(name) = &raw.class else {
            self.field(m, "code.class", "class mode needs `class = \"ClassName\"`");
            return None;
        };
        if let Err(e) = check_class_name(name) {
            self.field(m, "code.class", e);
        }
        let constructor = match parse_constructor(raw.constructor.as_deref().unwrap_or("")) {
            Ok(params) => params,
            Err(e) => {
                self.field(m, "code.constructor", e);
                return None;
            }
        };
        if raw.methods.is_empty() {
            self.field(m, "code.methods", "class mode needs at least one method");
        }
        let mut methods: Vec<Signature> = Vec::new();
        for (i, text) in raw.methods.iter().enumerate() {
            match Signature::parse(text) {
                Ok(sig) if methods.iter().any(|s| s.name == sig.name) => {
                    self.field(
                        m,
                        &format!("code.methods[{i}]"),
                        format!("method `{}` appears twice", sig.name),
                    );
                }
                Ok(sig) => methods.push(sig),
                Err(e) => self.field(m, &format!("code.methods[{i}]"), e),
            }
        }
        Some(CodeMode::Class {
            class: ClassSpec {
                name: name.clone(),
                constructor,
                methods,
            },
        })
    }

    fn comparator(&mut self, raw: Option<&toml::Value>, mode: &CodeMode) -> Option<Comparator> {
        let m = "challenge.toml";
        let (kind, table) = match raw {
            None => ("exact".to_owned(), None),
            Some(toml::Value::String(kind)) => (kind.clone(), None),
            Some(toml::Value::Table(table)) => match table.get("kind").and_then(|k| k.as_str()) {
                Some(kind) => (kind.to_owned(), Some(table)),
                None => {
                    self.field(m, "code.comparator", "a comparator table needs `kind`");
                    return None;
                }
            },
            Some(_) => {
                self.field(
                    m,
                    "code.comparator",
                    "expected a name or a table like { kind = \"float\", tolerance = 1e-6 }",
                );
                return None;
            }
        };
        let number = |key: &str| {
            table
                .and_then(|t| t.get(key))
                .and_then(|v| v.as_float().or(v.as_integer().map(|i| i as f64)))
        };
        let stdio = matches!(mode, CodeMode::Stdio);
        let comparator = match kind.as_str() {
            "exact" => Comparator::Exact,
            "float" => {
                let tolerance = number("tolerance").unwrap_or(1e-6);
                if !(tolerance > 0.0 && tolerance < 1.0) {
                    self.field(
                        m,
                        "code.comparator.tolerance",
                        "tolerance must be between 0 and 1",
                    );
                }
                Comparator::Float { tolerance }
            }
            "unordered" if !stdio => {
                let depth = number("depth").unwrap_or(1.0);
                if !(1.0..=3.0).contains(&depth) || depth.fract() != 0.0 {
                    self.field(m, "code.comparator.depth", "depth is 1, 2 or 3");
                }
                Comparator::Unordered {
                    depth: depth as u32,
                }
            }
            "tokens" if stdio => Comparator::Tokens,
            "checker" => Comparator::Checker,
            other => {
                let known = if stdio {
                    "exact, tokens, float or checker"
                } else {
                    "exact, float, unordered or checker"
                };
                self.field(
                    m,
                    "code.comparator",
                    format!("`{other}`: expected {known} in {} mode", mode.as_str()),
                );
                return None;
            }
        };
        if let Some(table) = table {
            for key in table.keys() {
                if !["kind", "tolerance", "depth"].contains(&key.as_str()) {
                    self.field(m, "code.comparator", format!("unknown key `{key}`"));
                }
            }
        }
        Some(comparator)
    }

    fn limits(&mut self, raw: &RawManifest) -> CodeLimits {
        let m = "challenge.toml";
        let time_ms = raw.limits.time_ms.unwrap_or(1000);
        if !(10..=20_000).contains(&time_ms) {
            self.field(
                m,
                "limits.time_ms",
                "the time limit is 10–20000 ms per test",
            );
        }
        let memory_mb = raw.limits.memory_mb.unwrap_or(256);
        if !(16..=512).contains(&memory_mb) {
            self.field(m, "limits.memory_mb", "the memory limit is 16–512 MiB");
        }
        let mut multipliers = BTreeMap::new();
        for (name, value) in &raw.limits.multipliers {
            match Language::parse(name) {
                Some(language) if (0.5..=50.0).contains(value) => {
                    multipliers.insert(language, *value);
                }
                Some(_) => self.field(
                    m,
                    &format!("limits.multipliers.{name}"),
                    "a multiplier is between 0.5 and 50",
                ),
                None => self.field(m, &format!("limits.multipliers.{name}"), "unknown language"),
            }
        }
        CodeLimits {
            time_ms,
            memory_mb,
            multipliers,
        }
    }

    fn languages(&mut self, raw: &RawCode, mode: &CodeMode) -> Vec<Language> {
        let m = "challenge.toml";
        let offered: Vec<Language> = harness::LANGUAGES
            .iter()
            .copied()
            .filter(|&l| harness::unsupported(l, mode).is_none())
            .collect();
        let Some(names) = &raw.languages else {
            return offered;
        };
        let mut chosen = Vec::new();
        for name in names {
            match Language::parse(name) {
                Some(language) => match harness::unsupported(language, mode) {
                    Some(reason) => {
                        self.field(m, "code.languages", format!("{language}: {reason}"))
                    }
                    None if !chosen.contains(&language) => chosen.push(language),
                    None => {}
                },
                None => self.field(m, "code.languages", format!("unknown language `{name}`")),
            }
        }
        if chosen.is_empty() {
            self.field(m, "code.languages", "offer at least one language");
        }
        chosen.sort();
        chosen
    }

    fn tests(
        &mut self,
        mode: &CodeMode,
        comparator: &Comparator,
        pending: &mut Vec<PendingTest>,
    ) -> Option<Vec<TestCase>> {
        let file = "tests.json";
        let text = self.read(file, MAX_FILE_BYTES)?;
        let raw: Vec<RawTest> = match serde_json::from_str(&text) {
            Ok(raw) => raw,
            Err(e) => {
                // serde_json repeats the position in its message; keep it once.
                let message = e.to_string();
                let message = message
                    .rsplit_once(" at line ")
                    .map_or(message.as_str(), |(m, _)| m);
                self.problem(
                    file,
                    Some(format!("line {}, column {}", e.line(), e.column())),
                    message,
                );
                return None;
            }
        };
        let mut tests = Vec::new();
        let mut names = HashSet::new();
        let before = self.problems.len();
        for (i, raw) in raw.into_iter().enumerate() {
            let name = raw
                .name
                .clone()
                .unwrap_or_else(|| format!("test {}", i + 1));
            let at = format!("test {} ({name})", i + 1);
            if !names.insert(name.clone()) {
                self.field(file, &at, "test names must be unique");
            }
            let weight = raw.weight.unwrap_or(1);
            if weight == 0 || weight > 100 {
                self.field(file, &at, "weight is 1–100");
            }
            if let Some(command) = &raw.generate {
                if raw.input.is_some()
                    || raw.calls.is_some()
                    || raw.stdin.is_some()
                    || raw.stdin_file.is_some()
                    || raw.expected.is_some()
                    || raw.expected_file.is_some()
                    || raw.expected_any.is_some()
                {
                    self.field(file, &at, "a generated test has no input or expected answer of its own: the generator makes the input and the reference solution the answer");
                }
                let Some((script_path, args)) = command.split_first() else {
                    self.field(
                        file,
                        &at,
                        "`generate` names a script: [\"generators/x.py\", args…]",
                    );
                    continue;
                };
                if !script_path.ends_with(".py") {
                    self.field(file, &at, "generators are Python scripts (.py)");
                    continue;
                }
                if let Some(script) = self.read(script_path, MAX_SOURCE_BYTES) {
                    pending.push(PendingTest {
                        index: i,
                        name,
                        sample: raw.sample,
                        weight,
                        script_path: script_path.clone(),
                        script,
                        args: args.to_vec(),
                    });
                }
                continue;
            }
            if let Some(test) = self.test(mode, comparator, raw, name, weight, &at) {
                tests.push(test);
            }
        }
        if self.problems.len() > before {
            return None;
        }
        let samples =
            tests.iter().filter(|t| t.sample).count() + pending.iter().filter(|t| t.sample).count();
        let total = tests.len() + pending.len();
        if samples == 0 {
            self.problem(
                file,
                None,
                "mark at least one test `\"sample\": true` so candidates see an example",
            );
        }
        if samples == total {
            self.problem(
                file,
                None,
                "add at least one hidden test (not a sample), so that hard-coded answers fail",
            );
        }
        Some(tests)
    }

    fn test(
        &mut self,
        mode: &CodeMode,
        comparator: &Comparator,
        raw: RawTest,
        name: String,
        weight: u32,
        at: &str,
    ) -> Option<TestCase> {
        let file = "tests.json";
        let checker = *comparator == Comparator::Checker;
        let (input, expected) = match mode {
            CodeMode::Function { signature } => {
                let Some(mut args) = raw.input else {
                    self.field(
                        file,
                        at,
                        "needs `input`: an object with one entry per parameter",
                    );
                    return None;
                };
                let mut values = Vec::new();
                for param in &signature.params {
                    match args.remove(&param.name) {
                        Some(value) => {
                            if let Err(e) = param.ty.check(&value) {
                                self.field(file, &format!("{at}: input.{}", param.name), e);
                            }
                            values.push(value);
                        }
                        None => self.field(file, at, format!("input has no `{}`", param.name)),
                    }
                }
                for extra in args.keys() {
                    self.field(
                        file,
                        at,
                        format!("input has `{extra}`, which is not a parameter"),
                    );
                }
                let expected = self.expected_value(
                    raw.expected,
                    raw.expected_any,
                    &signature.returns,
                    checker,
                    at,
                )?;
                (TestInput::Args(values), expected)
            }
            CodeMode::Class { class } => {
                let (Some(calls), Some(args)) = (raw.calls, raw.args) else {
                    self.field(file, at, "needs `calls` (the class name, then method names) and `args` (one list per call)");
                    return None;
                };
                if calls.len() != args.len() || calls.is_empty() {
                    self.field(file, at, format!("`calls` has {} entries and `args` {}; they must match and not be empty", calls.len(), args.len()));
                    return None;
                }
                let mut out = Vec::new();
                let mut returns = Vec::new();
                for (k, (call, call_args)) in calls.into_iter().zip(args).enumerate() {
                    let (params, ret) = if k == 0 {
                        if call != class.name {
                            self.field(
                                file,
                                at,
                                format!(
                                    "the first call must be the constructor `{}`, found `{call}`",
                                    class.name
                                ),
                            );
                            return None;
                        }
                        (&class.constructor, crate::challenges::types::Type::Void)
                    } else {
                        match class.method(&call) {
                            Some(method) => (&method.params, method.returns.clone()),
                            None => {
                                self.field(
                                    file,
                                    at,
                                    format!("call {k}: `{call}` is not a method of {}", class.name),
                                );
                                return None;
                            }
                        }
                    };
                    if call_args.len() != params.len() {
                        self.field(
                            file,
                            at,
                            format!(
                                "call {k} (`{call}`) takes {} arguments, got {}",
                                params.len(),
                                call_args.len()
                            ),
                        );
                        return None;
                    }
                    for (param, value) in params.iter().zip(&call_args) {
                        if let Err(e) = param.ty.check(value) {
                            self.field(
                                file,
                                &format!("{at}: call {k} (`{call}`) {}", param.name),
                                e,
                            );
                        }
                    }
                    returns.push(ret);
                    out.push(Call {
                        method: call,
                        args: call_args,
                    });
                }
                let expected = match raw.expected {
                    Some(Value::Array(values)) if values.len() == returns.len() => {
                        for (k, (value, ty)) in values.iter().zip(&returns).enumerate() {
                            if let Err(e) = ty.check(value) {
                                self.field(file, &format!("{at}: expected[{k}]"), e);
                            }
                        }
                        Expected::Value(Value::Array(values))
                    }
                    None if checker => Expected::Checker,
                    _ => {
                        self.field(file, at, format!("`expected` must be a list with one result per call ({}; null for the constructor and void methods)", returns.len()));
                        return None;
                    }
                };
                (TestInput::Calls(out), expected)
            }
            CodeMode::Stdio => {
                let stdin = match (raw.stdin, raw.stdin_file) {
                    (Some(text), None) => text,
                    (None, Some(path)) => self.read(&path, MAX_FILE_BYTES)?,
                    _ => {
                        self.field(file, at, "give exactly one of `stdin` and `stdin_file`");
                        return None;
                    }
                };
                let expected = match (raw.expected, raw.expected_file) {
                    (Some(Value::String(text)), None) => Expected::Stdout(text),
                    (None, Some(path)) => Expected::Stdout(self.read(&path, MAX_FILE_BYTES)?),
                    (None, None) if checker => Expected::Checker,
                    _ => {
                        self.field(file, at, "give the expected output as a string in `expected` or a file in `expected_file`");
                        return None;
                    }
                };
                (TestInput::Stdin(stdin), expected)
            }
        };
        Some(TestCase {
            name,
            sample: raw.sample,
            weight,
            input,
            expected,
        })
    }

    fn expected_value(
        &mut self,
        expected: Option<Value>,
        any: Option<Vec<Value>>,
        ty: &crate::challenges::types::Type,
        checker: bool,
        at: &str,
    ) -> Option<Expected> {
        let file = "tests.json";
        match (expected, any) {
            (Some(value), None) => {
                if let Err(e) = ty.check(&value) {
                    self.field(file, &format!("{at}: expected"), e);
                }
                Some(Expected::Value(value))
            }
            (None, Some(values)) if !values.is_empty() => {
                for (k, value) in values.iter().enumerate() {
                    if let Err(e) = ty.check(value) {
                        self.field(file, &format!("{at}: expected_any[{k}]"), e);
                    }
                }
                Some(Expected::AnyOf(values))
            }
            (None, None) if checker => Some(Expected::Checker),
            _ => {
                self.field(
                    file,
                    at,
                    "give exactly one of `expected` and a non-empty `expected_any`",
                );
                None
            }
        }
    }

    // ------------------------------------------------------------ sql

    fn sql(&mut self, raw: &RawSql, manifest: &RawManifest) -> Option<SqlSpec> {
        let m = "challenge.toml";
        let schema = self.read("schema.sql", MAX_FILE_BYTES);
        let mut datasets = Vec::new();
        let mut names = HashSet::new();
        for (i, ds) in raw.datasets.iter().enumerate() {
            if !names.insert(ds.name.clone()) || ds.name.trim().is_empty() {
                self.field(
                    m,
                    &format!("sql.datasets[{i}].name"),
                    "dataset names must be non-empty and unique",
                );
            }
            if let Some(sql) = self.read(&ds.file, MAX_FILE_BYTES) {
                datasets.push(Dataset {
                    name: ds.name.clone(),
                    sql,
                    hidden: ds.hidden,
                });
            }
        }
        if raw.datasets.len() < 2
            || raw.datasets.iter().all(|d| !d.hidden)
            || raw.datasets.iter().all(|d| d.hidden)
        {
            self.field(m, "sql.datasets", "give at least two datasets: one visible, and one `hidden = true` so that hard-coded answers fail");
        }
        let mode = match raw.mode.as_str() {
            "query" => {
                if raw.verify.is_some() || raw.plan.is_some() {
                    self.field(
                        m,
                        "sql.verify",
                        "`verify` and `plan` belong to statement mode",
                    );
                }
                Some(SqlMode::Query)
            }
            "statement" => {
                let verify = match &raw.verify {
                    Some(path) => self.read(path, MAX_SOURCE_BYTES),
                    None => {
                        self.field(m, "sql.verify", "statement mode needs `verify`: a file with the query that checks the result");
                        None
                    }
                };
                let plan = match &raw.plan {
                    Some(path) => self.read(path, MAX_SOURCE_BYTES).map(Some),
                    None => Some(None),
                };
                match (verify, plan) {
                    (Some(verify), Some(plan)) => Some(SqlMode::Statement {
                        verify: verify.trim().to_owned(),
                        plan: plan.map(|p| p.trim().to_owned()),
                    }),
                    _ => None,
                }
            }
            other => {
                self.field(
                    m,
                    "sql.mode",
                    format!("`{other}`: expected query or statement"),
                );
                None
            }
        };
        let solutions = self.sources("solutions");
        let reference = match solutions.as_slice() {
            [one] if one.language == Language::Sql => Some(one.source.trim().to_owned()),
            _ => {
                self.problem(
                    "solutions",
                    None,
                    "a SQL challenge has exactly one reference, solutions/<name>.sql",
                );
                None
            }
        };
        let wrong = self.sources("wrong");
        for file in &wrong {
            if file.language != Language::Sql {
                self.problem(
                    &file.path,
                    None,
                    "wrong answers of a SQL challenge are .sql files",
                );
            }
        }
        let float_tolerance = raw.float_tolerance.unwrap_or(1e-9);
        if !(0.0..1.0).contains(&float_tolerance) {
            self.field(m, "sql.float_tolerance", "between 0 and 1");
        }
        let time_ms = manifest.limits.time_ms.unwrap_or(2000);
        if !(10..=20_000).contains(&time_ms) {
            self.field(
                m,
                "limits.time_ms",
                "the time limit is 10–20000 ms per dataset",
            );
        }
        Some(SqlSpec {
            schema: schema?,
            datasets,
            mode: mode?,
            reference: reference?,
            order_matters: raw.order_matters,
            column_names: raw.column_names,
            float_tolerance,
            limits: SqlLimits { time_ms },
            wrong,
        })
    }

    // ------------------------------------------------------------ design

    fn design(&mut self, raw: Option<&super::manifest::RawDesign>) -> Option<DesignSpec> {
        let file = "rubric.toml";
        let text = self.read(file, MAX_SOURCE_BYTES)?;
        let rubric = match toml::from_str::<RawRubric>(&text) {
            Ok(raw) => match raw.validate() {
                Ok(rubric) => Some(rubric),
                Err(problems) => {
                    for (field, message) in problems {
                        self.field(file, &field, message);
                    }
                    None
                }
            },
            Err(e) => {
                let place = e.span().map(|span| line_col(&text, span.start));
                self.problem(file, place, e.message().to_owned());
                None
            }
        };
        let mut answers = Vec::new();
        for (i, a) in raw
            .map(|d| d.answers.as_slice())
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let field = format!("design.answers[{i}]");
            if a.min_score.is_none() && a.max_score.is_none() {
                self.field(
                    "challenge.toml",
                    &field,
                    "give `min_score` or `max_score` (0–1)",
                );
            }
            for score in [a.min_score, a.max_score].into_iter().flatten() {
                if !(0.0..=1.0).contains(&score) {
                    self.field("challenge.toml", &field, "scores are between 0 and 1");
                }
            }
            let Some(text) = self.read(&a.file, MAX_SOURCE_BYTES) else {
                continue;
            };
            match DesignAnswer::from_markdown(&text) {
                Ok(answer) => answers.push(AnswerCheck {
                    path: a.file.clone(),
                    answer,
                    min_score: a.min_score,
                    max_score: a.max_score,
                }),
                Err(e) => self.problem(&a.file, None, e),
            }
        }
        Some(DesignSpec {
            rubric: rubric?,
            answers,
        })
    }
}

/// SHA-256 over every file under `dir` (sorted relative paths and their
/// bytes), hex-encoded.
pub fn content_hash(dir: &Path) -> String {
    use sha2::{Digest, Sha256};
    fn walk(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                walk(&path, base, out);
            } else if let Ok(rel) = path.strip_prefix(base) {
                out.push(rel.to_path_buf());
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files);
    files.sort();
    let mut hasher = Sha256::new();
    for rel in files {
        hasher.update(rel.to_string_lossy().as_bytes());
        hasher.update([0]);
        let bytes = std::fs::read(dir.join(&rel)).unwrap_or_default();
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
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

/// Every file of a package as text, by relative path.
pub fn read_files(dir: &Path) -> Result<BTreeMap<String, String>, String> {
    fn walk(
        dir: &Path,
        base: &Path,
        out: &mut BTreeMap<String, String>,
        total: &mut usize,
    ) -> Result<(), String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.filter_map(|e| e.ok()) {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                walk(&path, base, out, total)?;
                continue;
            }
            let rel = path
                .strip_prefix(base)
                .map_err(|e| e.to_string())?
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("{rel}: {e} (package files are UTF-8 text)"))?;
            *total += text.len();
            if out.len() >= MAX_PACKAGE_FILES || *total > MAX_PACKAGE_BYTES {
                return Err(format!(
                    "the package has more than {MAX_PACKAGE_FILES} files or {} MiB",
                    MAX_PACKAGE_BYTES / (1024 * 1024)
                ));
            }
            out.insert(rel, text);
        }
        Ok(())
    }
    let mut out = BTreeMap::new();
    let mut total = 0;
    walk(dir, dir, &mut out, &mut total)?;
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
