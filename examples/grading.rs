//! `make bench` (grading part): what a candidate waits for, and what one
//! server gets through, measured through the real parts — the HTTP API,
//! the database queue, the in-process workers and the sandbox.
//!
//! - submit → final verdict for a 10-test Python submission, over
//!   server-sent events (median and p95 of 50, one at a time);
//! - submissions graded per second with 50 concurrent clients, each
//!   submitting and waiting for its verdict in a loop.
//!
//! Runs on SQLite in a temporary folder, and on PostgreSQL too when
//! `REHEARSE_BENCH_POSTGRES_URL` names an empty database to use
//! (`scripts/bench.sh` makes one when a local server answers).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use rehearse::catalog::Catalog;
use rehearse::config::Settings;
use rehearse::startup::{self, Application};
use serde_json::{json, Value};

const SOURCE: &str = "class Solution:\n    def sumList(self, nums):\n        return sum(nums)\n";
const PASSWORD: &str = "benchmark password 1";

struct Server {
    base: String,
    token: String,
    client: reqwest::Client,
}

async fn start(settings: Settings) -> Server {
    let db = startup::open_database(&settings).await.unwrap();
    let catalog = Catalog::new(db, startup::grader(&settings).unwrap());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packages/ten-sums");
    tokio::task::spawn_blocking(move || catalog.import_package(&dir, &Default::default()).unwrap())
        .await
        .unwrap();
    let app = Application::build(settings).await.unwrap();
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();
    let email = format!("bench-{}@example.com", rand::random::<u32>());
    client
        .post(format!("{base}/api/v1/users"))
        .json(&json!({ "email": email, "display_name": "Bench", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    let body: Value = client
        .post(format!("{base}/api/v1/auth/token"))
        .json(&json!({ "email": email, "password": PASSWORD }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = body["token"]["token"].as_str().unwrap().to_owned();
    Server {
        base,
        token,
        client,
    }
}

/// Submits and reads the event stream until the verdict; returns the time.
async fn submit_and_wait(server: &Server) -> Duration {
    let started = Instant::now();
    let accepted: Value = server
        .client
        .post(format!(
            "{}/api/v1/challenges/ten-sums/submissions",
            server.base
        ))
        .bearer_auth(&server.token)
        .json(&json!({ "language": "python", "source": SOURCE }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = accepted["id"].as_str().expect("a submission id").to_owned();
    let text = server
        .client
        .get(format!("{}/api/v1/submissions/{id}/events", server.base))
        .bearer_auth(&server.token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(text.contains("\"verdict\":\"accepted\""), "{text}");
    if std::env::var("REHEARSE_BENCH_TRACE").is_ok() {
        let view: Value =
            serde_json::from_str(text.split("event: done\ndata: ").nth(1).unwrap().trim()).unwrap();
        let created = chrono::DateTime::parse_from_rfc3339(
            view["submission"]["created_at"].as_str().unwrap(),
        )
        .unwrap();
        let graded =
            chrono::DateTime::parse_from_rfc3339(view["submission"]["graded_at"].as_str().unwrap())
                .unwrap();
        eprintln!(
            "stored→graded {} ms, total {} ms",
            (graded - created).num_milliseconds(),
            started.elapsed().as_millis()
        );
    }
    started.elapsed()
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

async fn measure(label: &str, settings: Settings) {
    let server = std::sync::Arc::new(start(settings).await);
    // Warm-up: the first run loads the runtime.
    submit_and_wait(&server).await;
    let mut latencies = Vec::new();
    for _ in 0..50 {
        latencies.push(submit_and_wait(&server).await);
    }
    let median = percentile(&mut latencies, 0.5);
    let p95 = percentile(&mut latencies, 0.95);

    let per_client = 4;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let server = server.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..per_client {
                submit_and_wait(&server).await;
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let elapsed = started.elapsed();
    let throughput = f64::from(50 * per_client) / elapsed.as_secs_f64();
    println!(
        "| {label} | {:.1} ms | {:.1} ms | {throughput:.1} /s ({} in {:.1} s) |",
        median.as_secs_f64() * 1000.0,
        p95.as_secs_f64() * 1000.0,
        50 * per_client,
        elapsed.as_secs_f64()
    );
}

fn settings(database_url: Option<String>, data_dir: &std::path::Path) -> Settings {
    Settings {
        port: 0,
        data_dir: data_dir.to_path_buf(),
        database_url,
        import_library: false,
        submissions_per_minute: 1_000_000,
        pending_submissions: 1_000_000,
        log_format: rehearse::config::LogFormat::Json,
        ..Settings::default()
    }
}

#[tokio::main]
async fn main() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("\n### Grading through the whole stack (HTTP, queue, workers, sandbox)\n");
    println!(
        "A 10-test Python submission (`tests/packages/ten-sums`), {cores} in-process workers."
    );
    println!("Latency: submit → final verdict over server-sent events, one at a time (50 runs).");
    println!("Throughput: 50 concurrent clients, each submitting 4 times and waiting for every verdict.\n");
    println!("| database | submit → verdict, median | p95 | graded per second |");
    println!("| --- | --- | --- | --- |");
    let dir = tempfile::tempdir().unwrap();
    measure("SQLite", settings(None, dir.path())).await;
    if let Some(url) = std::env::var("REHEARSE_BENCH_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty())
    {
        measure("PostgreSQL", settings(Some(url), dir.path())).await;
    }
}
