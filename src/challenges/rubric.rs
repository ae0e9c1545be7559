//! The rubric of a system-design challenge (`rubric.toml`): weighted
//! criteria the answer should meet and anti-patterns that cost points.
//! `grading::design` scores an answer against it.

use serde::{Deserialize, Serialize};

use super::model::Section;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rubric {
    pub criteria: Vec<Criterion>,
    pub penalties: Vec<Penalty>,
    /// Words a complete answer is expected to have; shorter answers have
    /// their score scaled down (a list of keywords is not a design).
    pub expected_words: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: String,
    /// What the criterion asks for, shown with the result.
    pub label: String,
    pub weight: u32,
    /// Where it must appear; anywhere when `None`.
    pub section: Option<Section>,
    pub check: Check,
    /// Why it matters: shown when the point is missed.
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Check {
    /// Any of these terms (synonyms), in a sentence with substance.
    Concept { terms: Vec<String> },
    /// A number within `tolerance` (relative: 0.5 = ±50 %, read as a factor
    /// of 1.5 either way) of `value`, in a sentence that mentions one of
    /// `cues`.
    Estimate {
        value: f64,
        tolerance: f64,
        cues: Vec<String>,
    },
    /// The section is there with at least this many words.
    Section { min_words: u32 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Penalty {
    pub id: String,
    pub label: String,
    pub weight: u32,
    pub terms: Vec<String>,
    pub section: Option<Section>,
    pub why: String,
}

impl Rubric {
    pub fn total_weight(&self) -> u32 {
        self.criteria.iter().map(|c| c.weight).sum()
    }
}

/// `rubric.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRubric {
    #[serde(default)]
    pub expected_words: Option<u32>,
    #[serde(default, rename = "criterion")]
    pub criteria: Vec<RawCriterion>,
    #[serde(default, rename = "penalty")]
    pub penalties: Vec<RawPenalty>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCriterion {
    pub id: String,
    pub label: String,
    pub kind: String,
    #[serde(default = "one")]
    pub weight: u32,
    pub section: Option<String>,
    #[serde(default)]
    pub terms: Vec<String>,
    pub value: Option<f64>,
    pub tolerance: Option<f64>,
    #[serde(default)]
    pub cues: Vec<String>,
    pub min_words: Option<u32>,
    #[serde(default)]
    pub why: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPenalty {
    pub id: String,
    pub label: String,
    #[serde(default = "one")]
    pub weight: u32,
    #[serde(default)]
    pub terms: Vec<String>,
    pub section: Option<String>,
    #[serde(default)]
    pub why: String,
}

fn one() -> u32 {
    1
}

/// Default for `expected_words`.
pub const DEFAULT_EXPECTED_WORDS: u32 = 250;

impl RawRubric {
    /// Checks every entry; each problem is `(field, message)` with the field
    /// written as `criterion[3].terms`.
    pub(super) fn validate(self) -> Result<Rubric, Vec<(String, String)>> {
        let mut problems = Vec::new();
        let mut ids = std::collections::HashSet::new();
        let mut criteria = Vec::new();
        if self.criteria.is_empty() {
            problems.push((
                "criterion".into(),
                "a rubric needs at least one [[criterion]]".into(),
            ));
        }
        for (i, raw) in self.criteria.into_iter().enumerate() {
            let at = |field: &str| format!("criterion[{i}] ({}).{field}", raw.id);
            if !ids.insert(raw.id.clone()) || raw.id.trim().is_empty() {
                problems.push((at("id"), "ids must be non-empty and unique".into()));
            }
            if raw.weight == 0 {
                problems.push((at("weight"), "weight must be at least 1".into()));
            }
            let section = match raw.section.as_deref().map(|s| (s, Section::parse(s))) {
                None => None,
                Some((_, Some(section))) => Some(section),
                Some((name, None)) => {
                    problems.push((at("section"), unknown_section(name)));
                    None
                }
            };
            let check = match raw.kind.as_str() {
                "concept" => {
                    let terms = clean_terms(&raw.terms);
                    if terms.is_empty() {
                        problems.push((at("terms"), "a concept needs at least one term".into()));
                    }
                    Check::Concept { terms }
                }
                "estimate" => {
                    let value = raw.value.unwrap_or(0.0);
                    if !(value.is_finite() && value > 0.0) {
                        problems.push((at("value"), "an estimate needs a positive `value`".into()));
                    }
                    let tolerance = raw.tolerance.unwrap_or(0.5);
                    if !(tolerance.is_finite() && tolerance > 0.0) {
                        problems.push((
                            at("tolerance"),
                            "tolerance must be positive (0.5 = ±50 %)".into(),
                        ));
                    }
                    let cues = clean_terms(&raw.cues);
                    if cues.is_empty() {
                        problems.push((
                            at("cues"),
                            "an estimate needs `cues`: words that mark the sentence giving the number".into(),
                        ));
                    }
                    Check::Estimate {
                        value,
                        tolerance,
                        cues,
                    }
                }
                "section" => {
                    if section.is_none() {
                        problems.push((
                            at("section"),
                            "a `section` criterion must name its section".into(),
                        ));
                    }
                    Check::Section {
                        min_words: raw.min_words.unwrap_or(30),
                    }
                }
                other => {
                    problems.push((
                        at("kind"),
                        format!("unknown kind `{other}`; expected concept, estimate or section"),
                    ));
                    continue;
                }
            };
            criteria.push(Criterion {
                id: raw.id,
                label: raw.label,
                weight: raw.weight,
                section,
                check,
                why: raw.why,
            });
        }
        let mut penalties = Vec::new();
        for (i, raw) in self.penalties.into_iter().enumerate() {
            let at = |field: &str| format!("penalty[{i}] ({}).{field}", raw.id);
            if !ids.insert(raw.id.clone()) || raw.id.trim().is_empty() {
                problems.push((at("id"), "ids must be non-empty and unique".into()));
            }
            let terms = clean_terms(&raw.terms);
            if terms.is_empty() {
                problems.push((at("terms"), "a penalty needs at least one term".into()));
            }
            let section = match raw.section.as_deref().map(|s| (s, Section::parse(s))) {
                None => None,
                Some((_, Some(section))) => Some(section),
                Some((name, None)) => {
                    problems.push((at("section"), unknown_section(name)));
                    None
                }
            };
            if raw.weight == 0 {
                problems.push((at("weight"), "weight must be at least 1".into()));
            }
            penalties.push(Penalty {
                id: raw.id,
                label: raw.label,
                weight: raw.weight,
                terms,
                section,
                why: raw.why,
            });
        }
        if self.expected_words == Some(0) {
            problems.push((
                "expected_words".into(),
                "expected_words must be at least 1 (the answer's length the rubric assumes)".into(),
            ));
        }
        if problems.is_empty() {
            Ok(Rubric {
                criteria,
                penalties,
                expected_words: self.expected_words.unwrap_or(DEFAULT_EXPECTED_WORDS),
            })
        } else {
            Err(problems)
        }
    }
}

fn unknown_section(name: &str) -> String {
    let keys: Vec<&str> = Section::ALL.iter().map(|s| s.key()).collect();
    format!(
        "unknown section `{name}`; expected one of {}",
        keys.join(", ")
    )
}

fn clean_terms(terms: &[String]) -> Vec<String> {
    terms
        .iter()
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
}
