//! The `[sql]` table: schema, datasets (visible and hidden), the query or
//! statement mode and its checks.

use super::*;

impl Reader<'_> {
    pub(super) fn sql(&mut self, raw: &RawSql, manifest: &RawManifest) -> Option<SqlSpec> {
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
}
