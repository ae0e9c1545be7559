//! `challenge.toml` as written, before checking. Unknown keys are errors
//! (a misspelt key must not be silently ignored).

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawManifest {
    pub kind: String,
    pub title: String,
    pub difficulty: String,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub points: Option<u32>,
    #[serde(default)]
    pub limits: RawLimits,
    pub code: Option<RawCode>,
    pub sql: Option<RawSql>,
    pub design: Option<RawDesign>,
    /// Code challenges: bounds on each parameter (see `constraints`).
    #[serde(default)]
    pub constraints: BTreeMap<String, super::constraints::Bounds>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLimits {
    pub time_ms: Option<u32>,
    pub memory_mb: Option<u32>,
    #[serde(default)]
    pub multipliers: BTreeMap<String, f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCode {
    pub mode: String,
    pub signature: Option<String>,
    pub class: Option<String>,
    pub constructor: Option<String>,
    #[serde(default)]
    pub methods: Vec<String>,
    pub comparator: Option<toml::Value>,
    pub languages: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSql {
    #[serde(default = "query_mode")]
    pub mode: String,
    #[serde(default)]
    pub order_matters: bool,
    #[serde(default)]
    pub column_names: bool,
    pub float_tolerance: Option<f64>,
    pub datasets: Vec<RawDataset>,
    pub verify: Option<String>,
    pub plan: Option<String>,
}

fn query_mode() -> String {
    "query".into()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDataset {
    pub name: String,
    pub file: String,
    #[serde(default)]
    pub hidden: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDesign {
    #[serde(default)]
    pub answers: Vec<RawAnswer>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAnswer {
    pub file: String,
    pub min_score: Option<f64>,
    pub max_score: Option<f64>,
}

/// One entry of `tests.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTest {
    pub name: Option<String>,
    #[serde(default)]
    pub sample: bool,
    pub weight: Option<u32>,
    /// Function mode: arguments by parameter name.
    pub input: Option<serde_json::Map<String, serde_json::Value>>,
    /// Class mode: the constructor's class name, then method names.
    pub calls: Option<Vec<String>>,
    /// Class mode: each call's arguments.
    pub args: Option<Vec<Vec<serde_json::Value>>>,
    /// Stdio mode.
    pub stdin: Option<String>,
    pub stdin_file: Option<String>,
    pub expected: Option<serde_json::Value>,
    pub expected_file: Option<String>,
    pub expected_any: Option<Vec<serde_json::Value>>,
    /// `["generators/big.py", "100000", "7"]`: the input comes from this
    /// generator, the expected answer from the reference solution.
    pub generate: Option<Vec<String>>,
}
