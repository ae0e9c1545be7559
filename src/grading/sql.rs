//! The SQL grader: the candidate's query (or statement) and the reference
//! run on a fresh SQLite database per dataset, inside the sandbox; result
//! tables compare as ordered lists or multisets, NULL-aware and with float
//! tolerance.

use std::collections::BTreeMap;

use rehearse_sandbox::{Language, Limits, PrepareError, Program, RunInput, RunStatus, SqlOptions};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::compare::floats_equal;
use super::{limits, truncate, GradeError, Report, Run, Scope, TestReport, Verdict};
use crate::challenges::model::{Dataset, SqlMode, SqlSpec};

/// The longest SQL answer accepted.
pub const MAX_SOURCE_BYTES: usize = 16 * 1024;
/// Rows of the candidate's result kept for display.
const PREVIEW_ROWS: usize = 50;
/// Rows listed as missing or unexpected.
const DIFF_ROWS: usize = 20;

/// A result table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// How a result differs from the expected one, shown for visible datasets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TableDiff {
    pub expected_columns: Vec<String>,
    pub actual_columns: Vec<String>,
    pub expected_rows: usize,
    pub actual_rows: usize,
    /// Expected rows the answer lacks (up to a few).
    pub missing: Vec<Vec<Value>>,
    /// Rows the answer has that were not expected (up to a few).
    pub unexpected: Vec<Vec<Value>>,
    /// The rows are right but out of order, first differing at this row.
    pub out_of_order_at: Option<usize>,
    /// The start of the answer's table.
    pub actual_preview: Vec<Vec<Value>>,
}

/// What one run of the SQL runtime gave.
enum Outcome {
    Table {
        table: Table,
        plan: Vec<String>,
        fuel: u64,
        time_ms: f64,
        memory: u64,
    },
    SqlError {
        stage: String,
        message: String,
    },
    Limit(Verdict, String),
}

pub(crate) fn grade(
    run: &mut Run<'_>,
    spec: &SqlSpec,
    source: &str,
    scope: &Scope,
) -> Result<Report, GradeError> {
    if source.trim().is_empty() {
        return Err(GradeError::BadInput(
            "the answer is empty: write a SQL statement".into(),
        ));
    }
    if source.len() > MAX_SOURCE_BYTES {
        return Err(GradeError::BadInput(format!(
            "the answer is {} bytes; the limit is {MAX_SOURCE_BYTES}",
            source.len()
        )));
    }
    let datasets: Vec<&Dataset> = match scope {
        Scope::All | Scope::Samples => spec
            .datasets
            .iter()
            .filter(|d| scope.includes_dataset(d))
            .collect(),
        Scope::Custom(_) => {
            return Err(GradeError::BadInput(
                "SQL challenges run on their own datasets; custom input is not available".into(),
            ))
        }
    };
    let options = match &spec.mode {
        SqlMode::Query => SqlOptions {
            readonly: true,
            ..SqlOptions::default()
        },
        SqlMode::Statement { verify, plan } => SqlOptions {
            readonly: false,
            verify: Some(verify.clone()),
            plan: plan.clone(),
        },
    };
    let candidate = prepare(run, source, options.clone())?;
    let reference = prepare(run, &spec.reference, options)?;
    let baseline = prepare(run, "SELECT 1", SqlOptions::default())?;
    let limits = sql_limits(spec);
    let mut reports = Vec::new();
    for (i, dataset) in datasets.iter().enumerate() {
        run.check_cancelled()?;
        let setup = format!("{}\n;\n{}", spec.schema, dataset.sql);
        let expected = match execute(run, &reference, &setup, &limits)? {
            Outcome::Table { table, .. } => table,
            Outcome::SqlError { stage, message } => {
                return Err(GradeError::Internal(format!(
                    "the reference fails on dataset `{}` ({stage}): {message}",
                    dataset.name
                )))
            }
            Outcome::Limit(verdict, message) => {
                return Err(GradeError::Internal(format!(
                    "the reference fails on dataset `{}`: {verdict}: {message}",
                    dataset.name
                )))
            }
        };
        let base_fuel = match execute(run, &baseline, &setup, &limits)? {
            Outcome::Table { fuel, .. } => fuel,
            _ => 0,
        };
        let outcome = execute(run, &candidate, &setup, &limits)?;
        let report = judge(spec, dataset, &expected, outcome, base_fuel);
        run.report(i + 1, datasets.len(), &report);
        reports.push(report);
    }
    Ok(Report::from_tests(reports))
}

/// A visible dataset's tables, for the challenge page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasetPreview {
    pub name: String,
    pub tables: Vec<(String, Table)>,
}

/// Runs each visible dataset in the sandbox and reads back every table
/// (the first 50 rows of each), so candidates see the data as tables.
pub fn preview_tables(
    grader: &super::Grader,
    spec: &SqlSpec,
) -> Result<Vec<DatasetPreview>, GradeError> {
    let cancel = rehearse_sandbox::CancelToken::default();
    let mut ignore = |_| {};
    let run = Run {
        grader,
        cancel: &cancel,
        progress: &mut ignore,
    };
    let limits = sql_limits(spec);
    let list = prepare(
        &run,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
        SqlOptions { readonly: true, ..SqlOptions::default() },
    )?;
    let mut out = Vec::new();
    for dataset in spec.datasets.iter().filter(|d| !d.hidden) {
        let setup = format!("{}\n;\n{}", spec.schema, dataset.sql);
        let names = match execute(&run, &list, &setup, &limits)? {
            Outcome::Table { table, .. } => table
                .rows
                .iter()
                .filter_map(|r| r.first().and_then(Value::as_str).map(str::to_owned))
                .collect::<Vec<_>>(),
            _ => {
                return Err(GradeError::Internal(format!(
                    "dataset `{}` does not load",
                    dataset.name
                )))
            }
        };
        let mut tables = Vec::new();
        for name in names {
            let query = format!(
                "SELECT * FROM \"{}\" LIMIT {PREVIEW_ROWS}",
                name.replace('"', "\"\"")
            );
            let program = prepare(
                &run,
                &query,
                SqlOptions {
                    readonly: true,
                    ..SqlOptions::default()
                },
            )?;
            if let Outcome::Table { table, .. } = execute(&run, &program, &setup, &limits)? {
                tables.push((name, table));
            }
        }
        out.push(DatasetPreview {
            name: dataset.name.clone(),
            tables,
        });
    }
    Ok(out)
}

fn prepare(run: &Run<'_>, query: &str, options: SqlOptions) -> Result<Program, GradeError> {
    run.sandbox()
        .prepare_sql(query, options)
        .map_err(|e| match e {
            PrepareError::Unavailable { language, reason } => {
                GradeError::Unavailable { language, reason }
            }
            PrepareError::Overloaded(e) => GradeError::Overloaded(e),
            other => GradeError::Internal(other.to_string()),
        })
}

fn sql_limits(spec: &SqlSpec) -> Limits {
    let cost = limits::calibrated(Language::Sql);
    let time = std::time::Duration::from_millis(u64::from(spec.limits.time_ms));
    let (cpu_time, wall_time) = limits::backstops(time);
    Limits {
        cpu_time,
        wall_time,
        fuel: u64::from(spec.limits.time_ms) * cost.fuel_per_ms,
        wait_fuel_per_ms: cost.fuel_per_ms,
        memory_bytes: 256 * 1024 * 1024,
        ..Limits::default()
    }
}

fn execute(
    run: &Run<'_>,
    program: &Program,
    setup: &str,
    limits: &Limits,
) -> Result<Outcome, GradeError> {
    let outcome = run.execute(program, &RunInput::stdin(setup.as_bytes().to_vec()), limits)?;
    let limit = |verdict: Verdict, message: &str| Ok(Outcome::Limit(verdict, message.to_owned()));
    match outcome.status {
        RunStatus::Ok => {}
        // `Run::execute` turns both into errors.
        RunStatus::Cancelled => return Err(GradeError::Cancelled),
        RunStatus::Overloaded => return Err(GradeError::Overloaded(outcome.detail)),
        RunStatus::TimeLimit => {
            return limit(
                Verdict::TimeLimitExceeded,
                "the query ran longer than the time limit",
            )
        }
        RunStatus::MemoryLimit => {
            return limit(
                Verdict::MemoryLimitExceeded,
                "the query used more than the memory limit",
            )
        }
        RunStatus::OutputLimit => {
            return limit(
                Verdict::OutputLimitExceeded,
                "the result is larger than the output limit",
            )
        }
        RunStatus::RuntimeError | RunStatus::InternalError => {
            return limit(
                Verdict::InternalError,
                "the SQL runtime failed; this is not your fault",
            )
        }
    }
    let value: Value = serde_json::from_slice(&outcome.stdout)
        .map_err(|e| GradeError::Internal(format!("the SQL runtime's answer is not JSON: {e}")))?;
    if let Some(error) = value.get("error") {
        return Ok(Outcome::SqlError {
            stage: error["stage"].as_str().unwrap_or("query").to_owned(),
            message: error["message"].as_str().unwrap_or("").to_owned(),
        });
    }
    let table: Table = serde_json::from_value(serde_json::json!({
        "columns": value["columns"],
        "rows": value["rows"],
    }))
    .map_err(|e| GradeError::Internal(format!("the SQL runtime's table is malformed: {e}")))?;
    let plan = value["plan"]
        .as_array()
        .map(|lines| {
            lines
                .iter()
                .filter_map(|l| l.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    Ok(Outcome::Table {
        table,
        plan,
        fuel: outcome.fuel_used,
        time_ms: outcome.wall_time.as_secs_f64() * 1000.0,
        memory: outcome.peak_memory as u64,
    })
}

/// Judges one dataset; a hidden dataset's report keeps only what
/// `conceal` allows (an SQL error message can quote the hidden rows).
fn judge(
    spec: &SqlSpec,
    dataset: &Dataset,
    expected: &Table,
    outcome: Outcome,
    base_fuel: u64,
) -> TestReport {
    let mut report = judge_table(spec, dataset, expected, outcome, base_fuel);
    if dataset.hidden {
        let error = (report.verdict == Verdict::RuntimeError)
            .then_some("the query failed on this dataset (its error is hidden with the data)");
        super::conceal::conceal(&mut report, error);
    }
    report
}

fn judge_table(
    spec: &SqlSpec,
    dataset: &Dataset,
    expected: &Table,
    outcome: Outcome,
    base_fuel: u64,
) -> TestReport {
    let shown = !dataset.hidden;
    let mut report = TestReport {
        name: dataset.name.clone(),
        sample: shown,
        weight: 1,
        verdict: Verdict::Accepted,
        message: String::new(),
        fuel: 0,
        time_ms: 0.0,
        memory_bytes: 0,
        input: None,
        expected: shown.then(|| render(expected)),
        actual: None,
        printed: None,
        diff: None,
    };
    let (table, plan) = match outcome {
        Outcome::Table {
            table,
            plan,
            fuel,
            time_ms,
            memory,
        } => {
            report.fuel = fuel.saturating_sub(base_fuel);
            report.time_ms = time_ms;
            report.memory_bytes = memory;
            (table, plan)
        }
        Outcome::SqlError { stage, message } => {
            report.verdict = Verdict::RuntimeError;
            report.message = match stage.as_str() {
                "verify" => format!("after your statement, the check query failed: {message}"),
                "plan" => format!("the query plan could not be taken: {message}"),
                _ => format!("SQL error: {message}"),
            };
            return report;
        }
        Outcome::Limit(verdict, message) => {
            report.verdict = verdict;
            report.message = message;
            return report;
        }
    };
    report.actual = shown.then(|| render(&table));
    if let SqlMode::Statement {
        plan: Some(query), ..
    } = &spec.mode
    {
        if let Err(why) = plan_uses_index(&plan) {
            report.verdict = Verdict::WrongAnswer;
            report.message = format!(
                "`{}` still {why}: {}",
                truncate(query.trim(), 80),
                plan.join("; ")
            );
            return report;
        }
    }
    if let Some((why, diff)) = differences(spec, expected, &table) {
        report.verdict = Verdict::WrongAnswer;
        report.message = if shown { why } else { "wrong answer".into() };
        report.diff = shown.then_some(diff);
    }
    report
}

/// A plan passes when it uses an index and never scans a whole table.
fn plan_uses_index(plan: &[String]) -> Result<(), &'static str> {
    let scans = plan.iter().any(|line| {
        let line = line.trim();
        line.starts_with("SCAN ")
            && !line.contains(" USING ")
            && !line.starts_with("SCAN CONSTANT ROW")
    });
    if scans {
        return Err("scans a whole table");
    }
    let indexed = plan.iter().any(|line| {
        line.contains("USING INDEX")
            || line.contains("USING COVERING INDEX")
            || line.contains("PRIMARY KEY")
    });
    if indexed {
        Ok(())
    } else {
        Err("uses no index")
    }
}

/// `None` when the tables match; otherwise why not, and the diff.
fn differences(spec: &SqlSpec, expected: &Table, actual: &Table) -> Option<(String, TableDiff)> {
    let tol = spec.float_tolerance;
    let mut diff = TableDiff {
        expected_columns: expected.columns.clone(),
        actual_columns: actual.columns.clone(),
        expected_rows: expected.rows.len(),
        actual_rows: actual.rows.len(),
        missing: Vec::new(),
        unexpected: Vec::new(),
        out_of_order_at: None,
        actual_preview: actual.rows.iter().take(PREVIEW_ROWS).cloned().collect(),
    };
    if expected.columns.len() != actual.columns.len() {
        return Some((
            format!(
                "expected {} columns ({}), got {} ({})",
                expected.columns.len(),
                expected.columns.join(", "),
                actual.columns.len(),
                actual.columns.join(", ")
            ),
            diff,
        ));
    }
    if spec.column_names {
        let mismatch = expected
            .columns
            .iter()
            .zip(&actual.columns)
            .find(|(e, a)| !e.eq_ignore_ascii_case(a));
        if let Some((e, a)) = mismatch {
            return Some((format!("expected a column named `{e}`, found `{a}`"), diff));
        }
    }
    let same_multiset = {
        let mut e = expected.rows.clone();
        let mut a = actual.rows.clone();
        e.sort_by_key(|r| key(r));
        a.sort_by_key(|r| key(r));
        e.len() == a.len() && e.iter().zip(&a).all(|(x, y)| rows_equal(x, y, tol))
    };
    if same_multiset {
        if !spec.order_matters {
            return None;
        }
        let first = expected
            .rows
            .iter()
            .zip(&actual.rows)
            .position(|(x, y)| !rows_equal(x, y, tol));
        return first.map(|at| {
            diff.out_of_order_at = Some(at);
            (
                format!("the rows are right but not in the order asked for (first difference at row {})", at + 1),
                diff,
            )
        });
    }
    // Multiset difference by rounded key.
    let mut counts: BTreeMap<String, (i64, Vec<Value>)> = BTreeMap::new();
    for row in &expected.rows {
        counts.entry(key(row)).or_insert((0, row.clone())).0 += 1;
    }
    for row in &actual.rows {
        counts.entry(key(row)).or_insert((0, row.clone())).0 -= 1;
    }
    for (count, row) in counts.values() {
        for _ in 0..count.unsigned_abs() {
            let list = if *count > 0 {
                &mut diff.missing
            } else {
                &mut diff.unexpected
            };
            if list.len() < DIFF_ROWS {
                list.push(row.clone());
            }
        }
    }
    let missing: i64 = counts
        .values()
        .filter(|(c, _)| *c > 0)
        .map(|(c, _)| *c)
        .sum();
    let unexpected: i64 = counts
        .values()
        .filter(|(c, _)| *c < 0)
        .map(|(c, _)| -*c)
        .sum();
    let why = format!(
        "expected {} rows, got {}: {missing} missing, {unexpected} unexpected",
        expected.rows.len(),
        actual.rows.len()
    );
    Some((why, diff))
}

fn rows_equal(a: &[Value], b: &[Value], tol: f64) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| cells_equal(x, y, tol))
}

/// NULL equals NULL here (a result cell, not SQL's three-valued logic);
/// integers and floats compare as numbers.
fn cells_equal(a: &Value, b: &Value, tol: f64) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x == y,
            _ => floats_equal(
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
                tol,
            ),
        },
        _ => a == b,
    }
}

/// A sort key for a row: floats rounded so that values within tolerance
/// land together.
fn key(row: &[Value]) -> String {
    let cells: Vec<String> = row
        .iter()
        .map(|v| match v {
            Value::Null => "\u{0}".to_owned(),
            // Integers and floats of one value share a key, as they compare equal.
            Value::Number(n) => format!("n{:.6e}", n.as_f64().unwrap_or(0.0)),
            other => format!("s{other}"),
        })
        .collect();
    cells.join("\u{1}")
}

/// A small text rendering of a table (header, then rows), for the
/// expected/actual fields of a report.
fn render(table: &Table) -> String {
    let mut out = table.columns.join(" | ");
    for row in table.rows.iter().take(PREVIEW_ROWS) {
        out.push('\n');
        let cells: Vec<String> = row
            .iter()
            .map(|v| match v {
                Value::Null => "NULL".to_owned(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        out.push_str(&cells.join(" | "));
    }
    if table.rows.len() > PREVIEW_ROWS {
        out.push_str(&format!(
            "\n… {} more rows",
            table.rows.len() - PREVIEW_ROWS
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::challenges::model::SqlLimits;
    use serde_json::json;

    fn spec(order_matters: bool, column_names: bool) -> SqlSpec {
        SqlSpec {
            schema: String::new(),
            datasets: Vec::new(),
            mode: SqlMode::Query,
            reference: String::new(),
            order_matters,
            column_names,
            float_tolerance: 1e-6,
            limits: SqlLimits { time_ms: 1000 },
            wrong: Vec::new(),
        }
    }

    fn table(columns: &[&str], rows: Value) -> Table {
        Table {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: serde_json::from_value(rows).unwrap(),
        }
    }

    #[test]
    fn multisets_ignore_order_and_match_nulls_and_floats() {
        let e = table(&["a", "b"], json!([[1, null], [2, 0.5], [2, 0.5]]));
        let a = table(&["x", "y"], json!([[2, 0.5000000001], [1, null], [2, 0.5]]));
        assert!(differences(&spec(false, false), &e, &a).is_none());
        // Names are checked only when the challenge asks.
        let (why, _) = differences(&spec(false, true), &e, &a).unwrap();
        assert!(why.contains("named `a`"), "{why}");
    }

    #[test]
    fn ordered_results_report_the_first_misplaced_row() {
        let e = table(&["a"], json!([[1], [2], [3]]));
        let a = table(&["a"], json!([[1], [3], [2]]));
        assert!(differences(&spec(false, false), &e, &a).is_none());
        let (why, diff) = differences(&spec(true, false), &e, &a).unwrap();
        assert!(why.contains("order"), "{why}");
        assert_eq!(diff.out_of_order_at, Some(1));
    }

    #[test]
    fn wrong_rows_are_listed_as_missing_and_unexpected() {
        let e = table(&["a"], json!([[1], [2], [2]]));
        let a = table(&["a"], json!([[1], [2], [4]]));
        let (why, diff) = differences(&spec(false, false), &e, &a).unwrap();
        assert_eq!(why, "expected 3 rows, got 3: 1 missing, 1 unexpected");
        assert_eq!(diff.missing, vec![vec![json!(2)]]);
        assert_eq!(diff.unexpected, vec![vec![json!(4)]]);
        let narrow = table(&["a", "b"], json!([[1, 1]]));
        let (why, _) = differences(&spec(false, false), &e, &narrow).unwrap();
        assert!(why.starts_with("expected 1 columns"), "{why}");
        // NULL is not zero.
        let n = table(&["a"], json!([[null]]));
        let z = table(&["a"], json!([[0]]));
        assert!(differences(&spec(false, false), &n, &z).is_some());
    }

    #[test]
    fn a_plan_must_use_an_index_and_scan_nothing() {
        let scan = vec!["SCAN orders".to_owned()];
        assert_eq!(plan_uses_index(&scan), Err("scans a whole table"));
        let search =
            vec!["SEARCH orders USING INDEX orders_by_customer (customer_id=?)".to_owned()];
        assert_eq!(plan_uses_index(&search), Ok(()));
        let covering = vec![
            "SEARCH o USING COVERING INDEX i (a=?)".to_owned(),
            "SCAN CONSTANT ROW".to_owned(),
        ];
        assert_eq!(plan_uses_index(&covering), Ok(()));
        assert_eq!(plan_uses_index(&[]), Err("uses no index"));
    }
}
