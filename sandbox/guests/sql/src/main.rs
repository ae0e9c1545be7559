//! The SQL runtime: runs inside the sandbox as a wasm32-wasip1 program.
//!
//! Reads one JSON object from stdin, `{"setup": "<SQL>", "query": "<SQL>"}`,
//! runs `setup` as a batch on a fresh in-memory SQLite database, then the
//! query — exactly one statement — and prints one JSON object on stdout:
//!
//! - `{"columns": ["name", …], "rows": [[value, …], …]}` where a value is
//!   `null`, an integer, a float, a string, or `{"blob": "<hex>"}`; a float
//!   that JSON cannot carry (infinity, NaN) is `{"float": "inf"}` etc.;
//! - or `{"error": {"stage": "setup" | "query" | "verify" | "plan" | "input",
//!   "message": "…"}}`.
//!
//! Optional fields shape the run for graders:
//! - `"readonly": true` refuses a query that would change the database;
//! - `"verify": "<SQL>"` runs after the query (whose rows are discarded);
//!   the output is the verify query's rows instead;
//! - `"plan": "<SQL>"` adds `"plan": ["<detail>", …]`, SQLite's
//!   `EXPLAIN QUERY PLAN` of that query, taken after everything else.
//!
//! The database lives in memory only; there are no files to attach (the
//! sandbox preopens no directory) and extensions cannot be loaded.

use std::io::{Read, Write};

use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Deserialize)]
struct Input {
    #[serde(default)]
    setup: String,
    query: String,
    #[serde(default)]
    readonly: bool,
    verify: Option<String>,
    plan: Option<String>,
}

fn error(stage: &str, message: impl std::fmt::Display) -> Value {
    json!({ "error": { "stage": stage, "message": message.to_string() } })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn value(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => json!(i),
        ValueRef::Real(f) if f.is_finite() => json!(f),
        ValueRef::Real(f) => json!({ "float": f.to_string() }),
        ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => json!({ "blob": hex(b) }),
    }
}

fn run(input: &str) -> Value {
    let input: Input = match serde_json::from_str(input) {
        Ok(input) => input,
        Err(e) => return error("input", e),
    };
    let conn = match Connection::open_in_memory() {
        Ok(conn) => conn,
        Err(e) => return error("setup", e),
    };
    if let Err(e) = conn.execute_batch(&input.setup) {
        return error("setup", e);
    }
    // Exactly one statement: anything after it (say, a smuggled `DROP`) is
    // refused rather than silently ignored.
    let mut batch = rusqlite::Batch::new(&conn, input.query.as_str());
    let mut statement = match batch.next() {
        Ok(Some(statement)) => statement,
        Ok(None) => return error("query", "the query is empty"),
        Err(e) => return error("query", e),
    };
    match batch.next() {
        Ok(None) => {}
        Ok(Some(_)) | Err(_) => {
            return error(
                "query",
                "only one SQL statement may be given; there is more after the first",
            )
        }
    }
    if input.readonly && !statement.readonly() {
        return error(
            "query",
            "this challenge asks for a query that only reads data; this statement would change the database",
        );
    }
    let mut result = match rows_of(&mut statement) {
        Ok(result) => result,
        Err(e) => return error("query", e),
    };
    drop(statement);
    drop(batch);
    if let Some(verify) = &input.verify {
        result = match conn.prepare(verify).and_then(|mut s| rows_of(&mut s)) {
            Ok(result) => result,
            Err(e) => return error("verify", e),
        };
    }
    if let Some(plan) = &input.plan {
        let explained = format!("EXPLAIN QUERY PLAN {plan}");
        let details = conn.prepare(&explained).and_then(|mut s| {
            let rows = s.query_map([], |row| row.get::<_, String>(3))?;
            rows.collect::<Result<Vec<String>, _>>()
        });
        match details {
            Ok(details) => result["plan"] = json!(details),
            Err(e) => return error("plan", e),
        }
    }
    result
}

/// Runs a prepared statement to the end: its columns and typed rows.
fn rows_of(statement: &mut rusqlite::Statement<'_>) -> rusqlite::Result<Value> {
    let columns: Vec<String> = statement.column_names().iter().map(|c| c.to_string()).collect();
    let width = columns.len();
    let mut rows = statement.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut values = Vec::with_capacity(width);
        for i in 0..width {
            values.push(value(row.get_ref(i)?));
        }
        out.push(Value::Array(values));
    }
    Ok(json!({ "columns": columns, "rows": out }))
}

fn main() {
    let mut input = String::new();
    let result = match std::io::stdin().read_to_string(&mut input) {
        Ok(_) => run(&input),
        Err(e) => error("input", e),
    };
    let mut stdout = std::io::stdout().lock();
    // A write error means the output cap was hit; the sandbox reports that.
    let _ = serde_json::to_writer(&mut stdout, &result);
    let _ = stdout.write_all(b"\n");
}
