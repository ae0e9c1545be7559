//! The findings of the security audit (issue 11), each reproduced through
//! the API as a candidate or instructor would send it, so it stays fixed.

use serde_json::json;

use crate::helpers::*;
use crate::on_both_backends;

async fn submit(
    app: &TestApp,
    user: &ApiUser,
    slug: &str,
    body: serde_json::Value,
) -> serde_json::Value {
    let response = app
        .api_post(
            user,
            &format!("/api/v1/challenges/{slug}/submissions"),
            &body,
        )
        .await;
    assert_eq!(
        response.status(),
        202,
        "{}",
        response.text().await.unwrap_or_default()
    );
    let id = json(response).await["id"].as_str().expect("id").to_owned();
    app.wait_graded(user, &id).await
}

/// This process's environment as `/proc/<pid>/environ` shows it: none of
/// it may come back (the server's holds DATABASE_URL and other secrets).
fn environment_lines() -> Vec<String> {
    std::env::vars()
        .filter(|(_, value)| value.len() >= 8)
        .map(|(key, value)| format!("{key}={value}"))
        .collect()
}

/// Item 1: `include_str!("/proc/1/environ")` printed the server's
/// environment through a Rust compile.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_compile_cannot_read_the_servers_environment() {
    let app = spawn_app(Backend::Sqlite).await;
    app.import("tests/packages/echo-tokens").await;
    let user = app.api_user("candidate").await;
    for source in [
        r#"fn main(){print!("{}",include_str!("/proc/1/environ").replace('\0',"\n"))}"#,
        r#"fn main(){print!("{}",include_str!("/proc/self/environ"))}"#,
        "#[path=\"/proc/1/cmdline\"] mod m; fn main(){}",
    ] {
        let graded = submit(
            &app,
            &user,
            "echo-tokens",
            json!({ "language": "rust", "source": source }),
        )
        .await;
        assert_eq!(graded["verdict"], "compile_error", "{graded}");
        let text = graded.to_string();
        for line in environment_lines() {
            assert!(!text.contains(&line), "the environment leaks: {line}");
        }
        assert!(
            !text.contains("rehearse-compile-"),
            "a host path leaks: {text}"
        );
    }
}

/// Item 2: a sleeping guest held a grading thread for as long as it slept;
/// two of them stopped all grading.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sleeping_program_ends_at_its_limit_and_grading_goes_on() {
    let app = spawn_app(Backend::Sqlite).await;
    app.import("tests/packages/echo-tokens").await;
    let user = app.api_user("candidate").await;
    let sleeper = "#include <unistd.h>\nint main(void) { for (;;) sleep(3600); }\n";
    let slept = submit(
        &app,
        &user,
        "echo-tokens",
        json!({ "language": "c", "source": sleeper }),
    )
    .await;
    assert_eq!(slept["verdict"], "time_limit_exceeded", "{slept}");
    assert!(
        slept["report"]["tests"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("sleeping counts as running"),
        "{slept}"
    );
    let python = "import time\ntime.sleep(30)\n";
    let slept = submit(
        &app,
        &user,
        "echo-tokens",
        json!({ "language": "python", "source": python }),
    )
    .await;
    assert_eq!(slept["verdict"], "time_limit_exceeded", "{slept}");
    // The one worker is free again: an ordinary answer is graded.
    let right = "print(' '.join(str(2 * int(x)) for x in open(0).read().split()))\n";
    let graded = submit(
        &app,
        &user,
        "echo-tokens",
        json!({ "language": "python", "source": right }),
    )
    .await;
    assert_eq!(graded["verdict"], "accepted", "{graded}");
}

/// Whether `n` has one significant figure (hidden tests' costs are rounded).
fn one_significant_figure(n: u64) -> bool {
    n.to_string().trim_end_matches('0').len() <= 1
}

/// Item 3: a hidden test's error text, exit status and exact cost carried
/// its input out.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hidden_tests_show_only_fixed_labels_and_rounded_figures() {
    let app = spawn_app(Backend::Sqlite).await;
    app.import("tests/packages/sum-list").await;
    let user = app.api_user("candidate").await;
    // An exception named after the hex of the input.
    let named = "class Solution:\n    def sumList(self, nums):\n        raise type('E' + repr(nums).encode().hex() + 'Error', (Exception,), {})()\n";
    let graded = submit(
        &app,
        &user,
        "sum-list",
        json!({ "language": "python", "source": named }),
    )
    .await;
    let tests = graded["report"]["tests"].as_array().expect("tests").clone();
    let hidden: Vec<_> = tests.iter().filter(|t| t["sample"] == false).collect();
    assert!(hidden.len() >= 3);
    for test in &hidden {
        assert_eq!(test["verdict"], "runtime_error");
        assert_eq!(
            test["message"], "an exception that is not a built-in one",
            "{test}"
        );
        assert!(
            one_significant_figure(test["fuel"].as_u64().unwrap()),
            "{test}"
        );
        assert!(
            one_significant_figure(test["memory_bytes"].as_u64().unwrap()),
            "{test}"
        );
    }
    assert!(!graded.to_string().contains(
        &"[-5, 2]"
            .bytes()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    ));
    // The sample still explains itself.
    let sample = tests
        .iter()
        .find(|t| t["sample"] == true)
        .expect("a sample");
    assert!(
        sample["message"].as_str().unwrap().contains("Error"),
        "{sample}"
    );

    // An exit status chosen from the input.
    let exits = "import sys\nclass Solution:\n    def sumList(self, nums):\n        sys.exit(40 + len(nums))\n";
    let graded = submit(
        &app,
        &user,
        "sum-list",
        json!({ "language": "python", "source": exits }),
    )
    .await;
    for test in graded["report"]["tests"]
        .as_array()
        .expect("tests")
        .iter()
        .filter(|t| t["sample"] == false)
    {
        assert_eq!(
            test["message"], "the program exited with a non-zero status",
            "{test}"
        );
    }
}

/// Item 3, SQL: an error message on a hidden dataset quoted its rows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sql_errors_on_hidden_datasets_are_not_shown() {
    let app = spawn_app(Backend::Sqlite).await;
    app.import("challenges/big-spenders").await;
    let user = app.api_user("candidate").await;
    let leak =
        "SELECT json_extract('{}', (SELECT group_concat(name || ':' || email) FROM customers))";
    let graded = submit(&app, &user, "big-spenders", json!({ "source": leak })).await;
    let tests = graded["report"]["tests"].as_array().expect("tests");
    let hidden = tests
        .iter()
        .find(|t| t["sample"] == false)
        .expect("a hidden dataset");
    assert_eq!(hidden["verdict"], "runtime_error");
    assert_eq!(
        hidden["message"],
        "the query failed on this dataset (its error is hidden with the data)"
    );
    let visible = tests
        .iter()
        .find(|t| t["sample"] == true)
        .expect("a visible dataset");
    assert!(
        visible["message"].as_str().unwrap().contains("JSON path"),
        "{visible}"
    );
}

/// Item 4: input outside the constraints reached the reference solution.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn custom_input_outside_the_constraints_is_refused_before_anything_runs() {
    let app = spawn_app(Backend::Sqlite).await;
    app.import("tests/packages/sum-list").await;
    let user = app.api_user("candidate").await;
    let source = "class Solution:\n    def sumList(self, nums):\n        return sum(nums)\n";
    let too_long: Vec<i32> = vec![1; 1001];
    let response = app
        .api_post(
            &user,
            "/api/v1/challenges/sum-list/runs",
            &json!({ "language": "python", "source": source, "input": {"nums": too_long} }),
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(json(response).await["error"]["message"]
        .as_str()
        .unwrap()
        .contains("length 1001"));
}

/// Item 7: on a full disk `/readyz` still said ready.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readiness_reports_a_disk_without_room() {
    let app = try_spawn_app(Backend::Sqlite, |s| {
        s.min_free_disk_mb = u64::MAX / (1024 * 1024)
    })
    .await
    .expect("SQLite is always there");
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 503);
    assert!(ready.text().await.unwrap().contains("disk nearly full"));
}

/// Kills the server when the test fails before it stopped: a leaked server
/// goes on checking the whole library on every core, slowing every other
/// test in the run.
struct KillOnDrop(Option<u32>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Some(pid) = self.0 {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
    }
}

/// Item 11: SIGTERM while the library import was still checking packages
/// waited for the whole import (minutes).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_during_the_library_import_stops_the_server_promptly() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};

    let dir = tempfile::tempdir().unwrap();
    let library = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("challenges");
    let mut child = Command::new(env!("CARGO_BIN_EXE_rehearse"))
        .current_dir(dir.path())
        .env_clear()
        .env("REHEARSE_LOG", "info")
        .env("REHEARSE_LIBRARY_DIR", &library)
        .args(["serve", "--port", "0", "--data-dir"])
        .arg(dir.path().join("data"))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut guard = KillOnDrop(Some(child.id()));
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while stderr.read_line(&mut line).unwrap() > 0 && !line.contains("listening on") {
        line.clear();
    }
    let port: u16 = line
        .split("listening on http://")
        .nth(1)
        .and_then(|addr| addr.split(':').nth(1))
        .and_then(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .unwrap_or_else(|| panic!("no port in {line:?}"));
    // The log is drained from here on: a full pipe would block the server's
    // logging, and with it every request the test makes.
    let reader = std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut rest);
        rest
    });
    // On a fresh data directory the whole library is listed before its
    // solutions are checked (which takes minutes): the catalog is ready
    // while the checks run, and they are what SIGTERM interrupts.
    let packages = std::fs::read_dir(&library)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().join("challenge.toml").is_file())
        .count();
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .unwrap();
    let mut listed = 0;
    for _ in 0..3000 {
        let page: serde_json::Value = client
            .get(format!(
                "http://127.0.0.1:{port}/api/v1/challenges?per_page=100"
            ))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        listed = page["total"].as_u64().unwrap_or(0) as usize;
        if listed == packages {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        listed, packages,
        "the catalog never listed the whole library"
    );
    assert!(Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap()
        .success());
    // A hang guard, not a timing: the whole import takes minutes.
    let mut status = None;
    for _ in 0..600 {
        if let Some(done) = child.try_wait().unwrap() {
            status = Some(done);
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let Some(status) = status else {
        panic!("the server was still running a minute after SIGTERM");
    };
    guard.0 = None;
    let log = reader.join().unwrap();
    assert!(status.success(), "exit status {status}; log:\n{log}");
    assert!(log.contains("server stopped"), "{log}");
    // It did not wait for the checks to finish (the import thread may not
    // get to log that it stopped before the process exits).
    assert!(!log.contains("solution checks finished"), "{log}");
}

// Item 8: concurrent requests raced past the pending-answers limit. The
// app has no workers, so nothing finishes and exactly the limit is taken
// (a worker finishing runs during the burst would free places).
async fn answers_race_the_pending_limit(app: TestApp) {
    app.import("tests/packages/sum-list").await;
    let user = app.api_user("candidate").await;
    let mut tasks = Vec::new();
    for _ in 0..40 {
        let url = app.url("/api/v1/challenges/sum-list/runs");
        let token = user.token.clone();
        tasks.push(tokio::spawn(async move {
            reqwest::Client::new()
                .post(url)
                .bearer_auth(token)
                .json(&json!({ "language": "python", "source": "class Solution:\n    def sumList(self, nums):\n        return 0\n" }))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    let mut accepted = 0;
    for task in tasks {
        match task.await.unwrap() {
            202 => accepted += 1,
            429 => {}
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!(accepted, 5, "the default limit is 5 answers pending");
}

mod concurrent_answers_cannot_race_past_the_pending_limit {
    use super::*;

    fn no_workers(settings: &mut rehearse::config::Settings) {
        settings.workers = Some(0);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        answers_race_the_pending_limit(
            try_spawn_app(Backend::Sqlite, no_workers)
                .await
                .expect("app"),
        )
        .await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        if let Some(app) = try_spawn_app(Backend::Postgres, no_workers).await {
            answers_race_the_pending_limit(app).await
        }
    }
}

on_both_backends! {
    // Item 9: headers, a per-response CSRF token, and a GET that created a draft.
    async fn pages_carry_security_headers_and_fresh_csrf_tokens(app: TestApp) {
        for path in ["/login", "/api/v1/challenges", "/no/such/page"] {
            let response = app.get(path).await;
            let headers = response.headers();
            assert!(headers["content-security-policy"].to_str().unwrap().contains("frame-ancestors 'none'"), "{path}");
            assert!(headers["content-security-policy"].to_str().unwrap().contains("script-src 'self'"), "{path}");
            assert_eq!(headers["x-frame-options"], "DENY", "{path}");
            assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
            assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
        }
        let client = browser();
        let first = app.csrf_token(&client, "/login").await;
        let second = app.csrf_token(&client, "/login").await;
        assert_ne!(first, second, "a fresh mask on every response");
        for token in [&first, &second] {
            let response = client
                .post(app.url("/login"))
                .form(&[("email", "nobody@example.com"), ("password", "wrong password"), ("csrf_token", token.as_str())])
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 401, "either token passes the CSRF check");
        }
    }

    async fn looking_at_a_challenge_in_the_editor_stores_no_draft(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let (_, admin) = app.logged_in("admin").await;
        let page = admin.get(app.url("/instructor/drafts/sum-list")).send().await.unwrap();
        assert_eq!(page.status(), 200);
        assert!(page.text().await.unwrap().contains("statement.md"));
        let drafts = app
            .db
            .run_blocking(|conn| {
                use diesel::prelude::*;
                use rehearse::db::schema::challenge_drafts;
                Ok(challenge_drafts::table.count().get_result::<i64>(conn)?)
            })
            .unwrap();
        assert_eq!(drafts, 0);
    }

    // Item 12: NUL bytes reached PostgreSQL queries (500).
    async fn nul_bytes_in_filters_and_comments_are_clear_errors(app: TestApp) {
        let user = app.api_user("candidate").await;
        let listed = app.api_get(&user, "/api/v1/me/submissions?challenge=%00").await;
        assert_eq!(listed.status(), 400);
        assert!(json(listed).await["error"]["message"].as_str().unwrap().contains("not a valid slug"));
        let instructor = app.api_user("instructor").await;
        let reviewed = app
            .api_send(
                &instructor,
                reqwest::Method::PUT,
                "/api/v1/submissions/0190b5a0-0000-7000-8000-000000000000/review",
                &json!({ "score_percent": 50, "comment": "fine\u{0}" }),
            )
            .await;
        assert_eq!(reviewed.status(), 422);
        let body = json(reviewed).await;
        assert_eq!(body["error"]["field"], "comment");
        assert!(body["error"]["message"].as_str().unwrap().contains("NUL"));
    }
}
