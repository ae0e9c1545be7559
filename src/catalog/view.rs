//! [`ChallengeView`]: a challenge as candidates may see it, made once per
//! version when it is stored and kept beside the package.
//!
//! Pages and the API read this small projection, never the package: a
//! package holds every hidden test (some are tens of MiB), so parsing it
//! per request cost seconds and gigabytes (issue 11, item 12). The view
//! also carries the statement already rendered to HTML (rendering is not
//! free either) and, for SQL, the visible datasets as tables (computed in
//! the sandbox). Hidden tests, hidden datasets, solutions and rubric
//! internals are not in it, so nothing built from it can leak them.

use serde::{Deserialize, Serialize};

use crate::challenges::model::{Challenge, CodeMode, Expected, Section, Spec, SqlMode};
use crate::challenges::statement;
use crate::domain::{Difficulty, Kind};
use crate::grading::sql::DatasetPreview;
use crate::grading::{code, limits};

/// A challenge without anything hidden.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ChallengeView {
    pub slug: String,
    pub title: String,
    pub kind: Kind,
    pub difficulty: Difficulty,
    pub skills: Vec<String>,
    pub tags: Vec<String>,
    pub points: u32,
    pub version: u32,
    pub published: bool,
    /// The statement as its author wrote it (Markdown).
    pub statement: String,
    /// The statement rendered and sanitised (no script survives).
    pub statement_html: String,
    pub details: Details,
}

/// What each kind of challenge adds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum Details {
    Code(CodeDetails),
    Sql(SqlDetails),
    Design(DesignDetails),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeDetails {
    /// `function`, `class` or `stdio`.
    pub mode: String,
    /// The function or class to write; absent for stdio programs.
    pub signature: Option<SignatureView>,
    /// How answers are compared, in words.
    pub comparator: String,
    pub memory_limit_mb: u32,
    pub languages: Vec<LanguageView>,
    pub samples: Vec<SampleView>,
    /// All tests, samples and hidden ones.
    pub tests: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum SignatureView {
    Function {
        name: String,
        params: Vec<ParamView>,
        returns: String,
    },
    Class {
        class: String,
        constructor: Vec<ParamView>,
        methods: Vec<MethodView>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ParamView {
    pub name: String,
    /// In the type language: `list<int>`, `tree`, …
    #[serde(rename = "type")]
    pub ty: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MethodView {
    pub name: String,
    pub params: Vec<ParamView>,
    pub returns: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LanguageView {
    /// `python`, `cpp`, …
    pub language: String,
    /// `Python`, `C++`, …
    pub name: String,
    pub time_limit_ms: u64,
    pub instruction_budget: u64,
    pub starter: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SampleView {
    pub name: String,
    pub input: String,
    /// Absent when a checker decides (any valid answer passes).
    pub expected: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SqlDetails {
    /// `query` or `statement`.
    pub mode: String,
    pub schema: String,
    pub datasets: Vec<DatasetView>,
    pub hidden_datasets: usize,
    pub order_matters: bool,
    pub column_names: bool,
    pub time_limit_ms: u32,
    /// The visible datasets' tables (the first rows of each).
    #[schema(value_type = Vec<Object>)]
    pub previews: Vec<DatasetPreview>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DatasetView {
    pub name: String,
    pub sql: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DesignDetails {
    pub sections: Vec<SectionView>,
    /// How many rubric criteria the answer is read against.
    pub criteria: usize,
    pub expected_words: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SectionView {
    pub key: String,
    pub title: String,
}

fn params(list: &[crate::challenges::signature::Param]) -> Vec<ParamView> {
    list.iter()
        .map(|p| ParamView {
            name: p.name.clone(),
            ty: p.ty.to_string(),
        })
        .collect()
}

fn expected_text(expected: &Expected) -> Option<String> {
    match expected {
        Expected::Value(v) => Some(v.to_string()),
        Expected::AnyOf(vs) => Some(
            vs.iter()
                .map(serde_json::Value::to_string)
                .collect::<Vec<_>>()
                .join(" or "),
        ),
        Expected::Stdout(s) => Some(s.clone()),
        Expected::Checker => None,
    }
}

impl ChallengeView {
    /// The view of `challenge` at `version`. `previews` are the visible
    /// datasets as tables (SQL only; computed by the caller in the sandbox).
    pub fn new(
        challenge: &Challenge,
        version: u32,
        published: bool,
        previews: Vec<DatasetPreview>,
    ) -> Self {
        let details = match &challenge.spec {
            Spec::Code(spec) => Details::Code(CodeDetails {
                mode: spec.mode.as_str().to_owned(),
                signature: match &spec.mode {
                    CodeMode::Function { signature } => Some(SignatureView::Function {
                        name: signature.name.clone(),
                        params: params(&signature.params),
                        returns: signature.returns.to_string(),
                    }),
                    CodeMode::Class { class } => Some(SignatureView::Class {
                        class: class.name.clone(),
                        constructor: params(&class.constructor),
                        methods: class
                            .methods
                            .iter()
                            .map(|m| MethodView {
                                name: m.name.clone(),
                                params: params(&m.params),
                                returns: m.returns.to_string(),
                            })
                            .collect(),
                    }),
                    CodeMode::Stdio => None,
                },
                comparator: spec.comparator.describe(),
                memory_limit_mb: spec.limits.memory_mb,
                languages: spec
                    .languages
                    .iter()
                    .map(|&language| LanguageView {
                        language: language.as_str().to_owned(),
                        name: language.to_string(),
                        time_limit_ms: limits::time_limit(&spec.limits, language).as_millis()
                            as u64,
                        instruction_budget: limits::for_test(&spec.limits, language).fuel,
                        starter: spec.starters.get(&language).cloned().unwrap_or_default(),
                    })
                    .collect(),
                samples: spec
                    .tests
                    .iter()
                    .filter(|t| t.sample)
                    .map(|t| SampleView {
                        name: t.name.clone(),
                        input: code::describe_input(&spec.mode, &t.input),
                        expected: expected_text(&t.expected),
                    })
                    .collect(),
                tests: spec.tests.len() + spec.generate.len(),
            }),
            Spec::Sql(spec) => Details::Sql(SqlDetails {
                mode: match spec.mode {
                    SqlMode::Query => "query",
                    SqlMode::Statement { .. } => "statement",
                }
                .to_owned(),
                schema: spec.schema.clone(),
                datasets: spec
                    .datasets
                    .iter()
                    .filter(|d| !d.hidden)
                    .map(|d| DatasetView {
                        name: d.name.clone(),
                        sql: d.sql.clone(),
                    })
                    .collect(),
                hidden_datasets: spec.datasets.iter().filter(|d| d.hidden).count(),
                order_matters: spec.order_matters,
                column_names: spec.column_names,
                time_limit_ms: spec.limits.time_ms,
                previews,
            }),
            Spec::Design(spec) => Details::Design(DesignDetails {
                sections: Section::ALL
                    .iter()
                    .map(|s| SectionView {
                        key: s.key().to_owned(),
                        title: s.title().to_owned(),
                    })
                    .collect(),
                criteria: spec.rubric.criteria.len(),
                expected_words: spec.rubric.expected_words,
            }),
        };
        Self {
            slug: challenge.slug.clone(),
            title: challenge.title.clone(),
            kind: challenge.kind(),
            difficulty: challenge.difficulty,
            skills: challenge.skills.clone(),
            tags: challenge.tags.clone(),
            points: challenge.points,
            version,
            published,
            statement: challenge.statement.clone(),
            statement_html: statement::to_html(&challenge.statement),
            details,
        }
    }

    /// Whether every word (lower case) appears in the title or statement.
    pub fn mentions_all(&self, words: &[String]) -> bool {
        let title = self.title.to_lowercase();
        let text = self.statement.to_lowercase();
        words
            .iter()
            .all(|w| title.contains(w.as_str()) || text.contains(w.as_str()))
    }
}
