//! What a challenge is once loaded and checked: the types every other part
//! (graders, storage, pages) reads. A `Challenge` is plain data and
//! serialises to JSON, which is how a published version is stored.

use std::collections::BTreeMap;

use rehearse_sandbox::Language;
use serde::{Deserialize, Serialize};

use super::constraints::Constraint;
use serde_json::Value;

use super::rubric::Rubric;
use super::signature::{ClassSpec, Signature};

pub use crate::domain::{Difficulty, Kind};

/// A challenge, fully loaded: every test concrete (generated ones included),
/// every file read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Challenge {
    pub slug: String,
    pub title: String,
    pub difficulty: Difficulty,
    pub skills: Vec<String>,
    pub tags: Vec<String>,
    pub points: u32,
    /// Markdown, as the author wrote it.
    pub statement: String,
    pub spec: Spec,
}

impl Challenge {
    pub fn kind(&self) -> Kind {
        match self.spec {
            Spec::Code(_) => Kind::Code,
            Spec::Sql(_) => Kind::Sql,
            Spec::Design(_) => Kind::Design,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Spec {
    Code(CodeSpec),
    Sql(SqlSpec),
    Design(DesignSpec),
}

/// A source file from the package (a reference or known-wrong solution).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    /// Path inside the package, e.g. `solutions/hash_map.py`.
    pub path: String,
    pub language: Language,
    pub source: String,
}

// ---------------------------------------------------------------- code

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodeSpec {
    pub mode: CodeMode,
    pub comparator: Comparator,
    pub limits: CodeLimits,
    /// Languages a candidate may submit in (those the signature's types
    /// allow, narrowed by the manifest).
    pub languages: Vec<Language>,
    /// Starter code per language; generated from the signature unless the
    /// package gives its own under `starter/`.
    pub starters: BTreeMap<Language, String>,
    pub tests: Vec<TestCase>,
    /// Tests a generator script makes, not yet concrete: `grading::
    /// materialise` runs each and puts the result at its place in `tests`.
    /// A version is stored before they are made (the library is imported
    /// at once), and made concrete before anything is graded against it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub generate: Vec<GeneratedTest>,
    pub solutions: Vec<SourceFile>,
    pub wrong: Vec<SourceFile>,
    /// A Python program that judges an answer (comparator `checker`).
    pub checker: Option<String>,
    /// Bounds on the input, from `[constraints]` (see `constraints`).
    #[serde(default)]
    pub constraints: Vec<Constraint>,
    /// A Python program that checks an input beyond the declared bounds
    /// (`validator.py`): it reads `{"input": …}` and prints why the input
    /// is not allowed, or nothing.
    #[serde(default)]
    pub validator: Option<String>,
}

/// A test that a Python script in the package prints the input of; the
/// reference solution gives its expected answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeneratedTest {
    /// Where the test goes in `CodeSpec::tests` once generated.
    pub index: usize,
    pub name: String,
    pub sample: bool,
    pub weight: u32,
    pub script_path: String,
    pub script: String,
    pub args: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "lowercase")]
pub enum CodeMode {
    /// LeetCode-style: the candidate writes one function or method.
    Function { signature: Signature },
    /// LeetCode-style design problem: the tests call methods in sequence.
    Class { class: ClassSpec },
    /// A classic judge problem: read stdin, write stdout.
    Stdio,
}

impl CodeMode {
    pub fn as_str(&self) -> &'static str {
        match self {
            CodeMode::Function { .. } => "function",
            CodeMode::Class { .. } => "class",
            CodeMode::Stdio => "stdio",
        }
    }
}

/// How an answer is compared with the expected one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Comparator {
    /// Equal values (function mode) or equal output, ignoring trailing
    /// whitespace on each line and trailing blank lines (stdio mode).
    Exact,
    /// Numbers equal within `tolerance`, absolute or relative.
    Float { tolerance: f64 },
    /// Lists equal as multisets, down to `depth` levels of nesting.
    Unordered { depth: u32 },
    /// Whitespace-separated tokens equal (stdio mode).
    Tokens,
    /// The package's `checker.py` decides, in the sandbox.
    Checker,
}

impl Comparator {
    pub fn describe(&self) -> String {
        match self {
            Comparator::Exact => "exact".into(),
            Comparator::Float { tolerance } => format!("numbers within {tolerance}"),
            Comparator::Unordered { depth: 1 } => "any order".into(),
            Comparator::Unordered { depth } => format!("any order, {depth} levels deep"),
            Comparator::Tokens => "tokens".into(),
            Comparator::Checker => "custom checker".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodeLimits {
    /// Per test, for a compiled language (C, C++, Rust); other languages get
    /// this times their multiplier.
    pub time_ms: u32,
    pub memory_mb: u32,
    /// Per-language overrides of the calibrated multipliers.
    pub multipliers: BTreeMap<Language, f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestCase {
    pub name: String,
    /// Shown to candidates with input and expected output; hidden tests
    /// never reveal either.
    pub sample: bool,
    pub weight: u32,
    pub input: TestInput,
    pub expected: Expected,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TestInput {
    /// Function mode: arguments in signature order.
    Args(Vec<Value>),
    /// Class mode: the constructor call first, then method calls.
    Calls(Vec<Call>),
    /// Stdio mode.
    Stdin(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Call {
    /// The class name for the constructor, otherwise a method name.
    pub method: String,
    pub args: Vec<Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// Function and class mode (for class mode, one value per call).
    Value(Value),
    /// Any of these is right.
    AnyOf(Vec<Value>),
    /// Stdio mode.
    Stdout(String),
    /// Only the checker judges (comparator `checker` without an expected
    /// answer).
    Checker,
}

// ---------------------------------------------------------------- sql

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SqlSpec {
    /// `CREATE TABLE …` statements, shown to candidates.
    pub schema: String,
    pub datasets: Vec<Dataset>,
    pub mode: SqlMode,
    /// The reference answer (a query, or a statement in statement mode).
    pub reference: String,
    /// Rows compare as an ordered list (the statement asks for an order) or
    /// as a multiset.
    pub order_matters: bool,
    /// Column names must match the reference's (the statement names them).
    pub column_names: bool,
    pub float_tolerance: f64,
    pub limits: SqlLimits,
    pub wrong: Vec<SourceFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub name: String,
    /// `INSERT …` statements run after the schema.
    pub sql: String,
    pub hidden: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum SqlMode {
    /// The answer is one read-only query whose rows are compared.
    Query,
    /// The answer is one statement that changes the database (an upsert, a
    /// `CREATE INDEX`); `verify` is a query whose rows after the candidate's
    /// statement must equal its rows after the reference's, and `plan`, when
    /// set, a query whose `EXPLAIN QUERY PLAN` must use an index and never
    /// scan a whole table.
    Statement {
        verify: String,
        plan: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SqlLimits {
    pub time_ms: u32,
}

// ---------------------------------------------------------------- design

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesignSpec {
    pub rubric: Rubric,
    /// Answers kept in the package with the score range each must get.
    pub answers: Vec<AnswerCheck>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerCheck {
    pub path: String,
    pub answer: DesignAnswer,
    pub min_score: Option<f64>,
    pub max_score: Option<f64>,
}

/// The sections a design answer is written in, in the order shown.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Requirements,
    Estimates,
    Api,
    DataModel,
    HighLevel,
    DeepDives,
    Tradeoffs,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Requirements,
        Section::Estimates,
        Section::Api,
        Section::DataModel,
        Section::HighLevel,
        Section::DeepDives,
        Section::Tradeoffs,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Section::Requirements => "requirements",
            Section::Estimates => "estimates",
            Section::Api => "api",
            Section::DataModel => "data_model",
            Section::HighLevel => "high_level",
            Section::DeepDives => "deep_dives",
            Section::Tradeoffs => "tradeoffs",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Section::Requirements => "Requirements",
            Section::Estimates => "Capacity estimates",
            Section::Api => "API",
            Section::DataModel => "Data model",
            Section::HighLevel => "High-level design",
            Section::DeepDives => "Deep dives and scaling",
            Section::Tradeoffs => "Trade-offs",
        }
    }

    /// Accepts the key or the title, in any case (`## Data model`).
    pub fn parse(raw: &str) -> Option<Section> {
        let norm: String = raw
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Section::ALL.into_iter().find(|s| {
            norm == s.key().replace('_', " ")
                || norm == s.title().to_ascii_lowercase().replace('-', " ")
                || match s {
                    Section::Estimates => norm == "estimates" || norm == "capacity",
                    Section::HighLevel => norm == "high level" || norm == "architecture",
                    Section::DeepDives => norm == "deep dives" || norm == "scaling",
                    Section::Tradeoffs => norm == "trade offs",
                    _ => false,
                }
        })
    }
}

/// A design answer: text per section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DesignAnswer {
    pub sections: BTreeMap<Section, String>,
}

impl DesignAnswer {
    /// Reads a markdown answer whose sections are `## <Section>` headings.
    /// Text under an unknown heading stays with the section before it, so
    /// nothing written is dropped; the error lists unknown headings when no
    /// section is recognised at all.
    pub fn from_markdown(text: &str) -> Result<DesignAnswer, String> {
        let mut answer = DesignAnswer::default();
        let mut current: Option<Section> = None;
        let mut unknown = Vec::new();
        for line in text.lines() {
            if let Some(heading) = line.strip_prefix("## ") {
                match Section::parse(heading) {
                    Some(section) => {
                        current = Some(section);
                        continue;
                    }
                    None => unknown.push(heading.trim().to_owned()),
                }
            }
            if let Some(section) = current {
                let body = answer.sections.entry(section).or_default();
                body.push_str(line);
                body.push('\n');
            }
        }
        if answer.sections.is_empty() {
            let known: Vec<&str> = Section::ALL.iter().map(|s| s.title()).collect();
            return Err(format!(
                "no `## <section>` heading found{}; sections are: {}",
                if unknown.is_empty() {
                    String::new()
                } else {
                    format!(" (unknown: {})", unknown.join(", "))
                },
                known.join(", ")
            ));
        }
        for body in answer.sections.values_mut() {
            *body = body.trim().to_owned();
        }
        Ok(answer)
    }

    pub fn section(&self, section: Section) -> &str {
        self.sections
            .get(&section)
            .map(String::as_str)
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_markdown_answer_by_headings() {
        let answer = DesignAnswer::from_markdown(
            "# URL shortener\n\n## Requirements\nShort links.\n\n## Data Model\nA table.\n## Trade-offs\nSome.\n",
        )
        .unwrap();
        assert_eq!(answer.section(Section::Requirements), "Short links.");
        assert_eq!(answer.section(Section::DataModel), "A table.");
        assert_eq!(answer.section(Section::Tradeoffs), "Some.");
        assert_eq!(answer.section(Section::Api), "");
        assert!(DesignAnswer::from_markdown("just text")
            .unwrap_err()
            .contains("no `## <section>`"));
    }

    #[test]
    fn section_names_parse_from_keys_and_titles() {
        assert_eq!(Section::parse("high_level"), Some(Section::HighLevel));
        assert_eq!(
            Section::parse("High-level design"),
            Some(Section::HighLevel)
        );
        assert_eq!(
            Section::parse("Capacity estimates"),
            Some(Section::Estimates)
        );
        assert_eq!(Section::parse("Trade-offs"), Some(Section::Tradeoffs));
        assert_eq!(
            Section::parse("Deep dives and scaling"),
            Some(Section::DeepDives)
        );
        assert_eq!(Section::parse("Whatever"), None);
    }
}
