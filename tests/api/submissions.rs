//! Submitting, running and following answers through the API, graded by
//! the server's own workers in the real sandbox.

use serde_json::json;

use crate::helpers::*;
use crate::on_both_backends;

const RIGHT: &str = "class Solution:\n    def sumList(self, nums):\n        return sum(nums)\n";
const WRONG: &str = "class Solution:\n    def sumList(self, nums):\n        return sum(nums) + 1\n";

async fn submit(app: &TestApp, user: &ApiUser, source: &str) -> String {
    let response = app
        .api_post(
            user,
            "/api/v1/challenges/sum-list/submissions",
            &json!({ "language": "python", "source": source }),
        )
        .await;
    assert_eq!(response.status(), 202);
    let location = response.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let body = json(response).await;
    let id = body["id"].as_str().expect("id").to_owned();
    assert_eq!(location, format!("/api/v1/submissions/{id}"));
    id
}

on_both_backends! {
    async fn a_submission_is_graded_with_per_test_results_and_points(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let user = app.api_user("candidate").await;
        let id = submit(&app, &user, RIGHT).await;
        let graded = app.wait_graded(&user, &id).await;
        assert_eq!(graded["status"], "done");
        assert_eq!(graded["verdict"], "accepted");
        assert_eq!(graded["score"], 1.0);
        assert_eq!(graded["points"], 100.0);
        assert_eq!(graded["tests_total"], 5);
        assert_eq!(graded["progress"].as_array().map(Vec::len), Some(5));
        let tests = graded["report"]["tests"].as_array().expect("tests");
        assert!(tests.iter().all(|t| t["fuel"].as_u64().unwrap_or(0) > 0));
        assert_eq!(graded["answer"]["source"], RIGHT);

        let wrong = app.wait_graded(&user, &submit(&app, &user, WRONG).await).await;
        assert_eq!(wrong["verdict"], "wrong_answer");
        let hidden = wrong["report"]["tests"].as_array().expect("tests").iter().find(|t| t["name"] == "negative").cloned().expect("hidden test");
        assert_eq!(hidden["message"], "wrong answer");
        assert!(hidden["input"].is_null() && hidden["expected"].is_null() && hidden["actual"].is_null());
        assert_eq!(wrong["points"], 0.0);
    }

    async fn progress_arrives_as_server_sent_events(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let user = app.api_user("candidate").await;
        let id = submit(&app, &user, RIGHT).await;
        let response = app.api_get(&user, &format!("/api/v1/submissions/{id}/events")).await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "text/event-stream");
        let text = response.text().await.expect("stream ends after the result");
        assert_eq!(text.matches("event: progress").count(), 5, "{text}");
        assert!(text.contains("\"done\":5"), "{text}");
        let done = text.split("event: done\ndata: ").nth(1).expect("a done event");
        let done: serde_json::Value = serde_json::from_str(done.trim()).expect("JSON");
        assert_eq!(done["submission"]["verdict"], "accepted");
    }

    async fn runs_use_sample_tests_or_custom_input_and_score_nothing(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let user = app.api_user("candidate").await;
        let body = json(app.api_post(&user, "/api/v1/challenges/sum-list/runs", &json!({ "language": "python", "source": WRONG })).await).await;
        let run = app.wait_graded(&user, body["id"].as_str().expect("id")).await;
        assert_eq!(run["mode"], "run");
        assert_eq!(run["report"]["tests"].as_array().map(Vec::len), Some(1), "samples only");
        assert!(run["points"].is_null(), "runs earn no points");
        let body = json(app.api_post(&user, "/api/v1/challenges/sum-list/runs", &json!({ "language": "python", "source": RIGHT, "input": {"nums": [40, 2]} })).await).await;
        let custom = app.wait_graded(&user, body["id"].as_str().expect("id")).await;
        let test = &custom["report"]["tests"][0];
        assert_eq!(test["verdict"], "accepted");
        assert_eq!(test["expected"], "42");
        assert_eq!(test["input"], "nums = [40,2]");
        let bad = app.api_post(&user, "/api/v1/challenges/sum-list/runs", &json!({ "language": "python", "source": RIGHT, "input": {"nums": "forty"} })).await;
        assert_eq!(bad.status(), 422);
        let error = json(bad).await;
        assert_eq!(error["error"]["field"], "input");
        assert!(error["error"]["message"].as_str().unwrap_or("").contains("nums"), "{error}");
    }

    async fn an_idempotency_key_makes_a_double_click_one_submission(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let user = app.api_user("candidate").await;
        let send = || async {
            reqwest::Client::new()
                .post(app.url("/api/v1/challenges/sum-list/submissions"))
                .bearer_auth(&user.token)
                .header("Idempotency-Key", "click-1")
                .json(&json!({ "language": "python", "source": RIGHT }))
                .send()
                .await
                .expect("request")
        };
        let (first, second) = tokio::join!(send(), send());
        let statuses = [first.status().as_u16(), second.status().as_u16()];
        let a = json(first).await;
        let b = json(second).await;
        assert_eq!(a["id"], b["id"], "{a} {b}");
        assert!(statuses.contains(&202) && statuses.contains(&200), "{statuses:?}");
        let mine = json(app.api_get(&user, "/api/v1/me/submissions").await).await;
        assert_eq!(mine["submissions"].as_array().map(Vec::len), Some(1));
    }

    async fn bad_answers_get_clear_errors(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let user = app.api_user("candidate").await;
        let post = |path: &'static str, body: serde_json::Value| {
            let app = &app;
            let user = &user;
            async move { app.api_post(user, path, &body).await }
        };
        let cases = [
            ("/api/v1/challenges/sum-list/submissions", json!({ "language": "cobol", "source": "x" }), 422, "unknown language `cobol`"),
            ("/api/v1/challenges/sum-list/submissions", json!({ "language": "sql", "source": "SELECT 1" }), 422, "this challenge takes python, javascript, cpp, rust, c; not SQL"),
            ("/api/v1/challenges/sum-list/submissions", json!({ "language": "python", "source": "  " }), 422, "the solution is empty"),
            ("/api/v1/challenges/sum-list/submissions", json!({ "sections": {"api": "GET /x"} }), 422, "this is a code challenge; send a code (`language` and `source`) answer"),
            ("/api/v1/challenges/sum-list/submissions", json!({ "language": "python" }), 400, "send `language` and `source` (code), `source` (SQL) or `sections` (design)"),
            ("/api/v1/challenges/no-such-thing/submissions", json!({ "language": "python", "source": RIGHT }), 404, "no challenge `no-such-thing`"),
            ("/api/v1/challenges/sum-list/submissions", json!({ "language": "python", "source": RIGHT, "input": {"nums": [1]} }), 422, "custom input is for runs, not submissions"),
        ];
        for (path, body, status, message) in cases {
            let response = post(path, body.clone()).await;
            assert_eq!(response.status().as_u16(), status, "{body}");
            let error = json(response).await;
            assert_eq!(error["error"]["message"], message, "{body}");
        }
        let unauthenticated = reqwest::Client::new()
            .post(app.url("/api/v1/challenges/sum-list/submissions"))
            .json(&json!({ "language": "python", "source": RIGHT }))
            .send()
            .await
            .expect("request");
        assert_eq!(unauthenticated.status(), 401);
    }

    async fn a_candidate_never_reads_another_candidates_submission(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let alice = app.api_user("candidate").await;
        let bob = app.api_user("candidate").await;
        let instructor = app.api_user("instructor").await;
        let id = submit(&app, &alice, RIGHT).await;
        for path in [format!("/api/v1/submissions/{id}"), format!("/api/v1/submissions/{id}/events")] {
            let response = app.api_get(&bob, &path).await;
            assert_eq!(response.status(), 404, "{path}");
            let body = response.text().await.unwrap_or_default();
            assert!(!body.contains("sumList"), "no code leaks: {body}");
        }
        assert_eq!(app.api_get(&instructor, &format!("/api/v1/submissions/{id}")).await.status(), 200);
        let bobs = json(app.api_get(&bob, "/api/v1/me/submissions").await).await;
        assert_eq!(bobs["submissions"], json!([]));
        assert_eq!(app.api_get(&bob, "/api/v1/submissions/not-a-uuid").await.status(), 404);
    }

    async fn the_catalog_lists_standing_and_filters(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        app.import("tests/packages/mean-latency").await;
        let user = app.api_user("candidate").await;
        let page = json(app.api_get(&user, "/api/v1/challenges").await).await;
        assert_eq!(page["total"], 2);
        let sum = page["entries"].as_array().expect("entries").iter().find(|e| e["slug"] == "sum-list").cloned().expect("sum-list");
        assert_eq!(sum["standing"], "new");
        assert!(sum["acceptance"].is_null());
        app.wait_graded(&user, &submit(&app, &user, RIGHT).await).await;
        app.wait_graded(&user, &submit(&app, &user, WRONG).await).await;
        let solved = json(app.api_get(&user, "/api/v1/challenges?status=solved").await).await;
        assert_eq!(solved["total"], 1);
        assert_eq!(solved["entries"][0]["slug"], "sum-list");
        assert_eq!(solved["entries"][0]["acceptance"], 0.5);
        let search = json(app.api_get(&user, "/api/v1/challenges?q=mean").await).await;
        assert_eq!(search["entries"][0]["slug"], "mean-latency");
        let none = json(app.api_get(&user, "/api/v1/challenges?kind=sql").await).await;
        assert_eq!(none["total"], 0);
        let bad = app.api_get(&user, "/api/v1/challenges?difficulty=impossible").await;
        assert_eq!(bad.status(), 422);
        assert_eq!(json(bad).await["error"]["field"], "difficulty");
        // Anyone may browse.
        assert_eq!(reqwest::get(app.url("/api/v1/challenges")).await.expect("get").status(), 200);
    }

    async fn a_challenge_shows_samples_but_never_hidden_tests(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let body = json(reqwest::get(app.url("/api/v1/challenges/sum-list")).await.expect("get")).await;
        let challenge = &body["challenge"];
        assert_eq!(challenge["kind"], "code");
        let details = &challenge["details"];
        assert_eq!(details["samples"].as_array().map(Vec::len), Some(1));
        assert_eq!(details["tests"], 5);
        let text = body.to_string();
        assert!(!text.contains("2147483647"), "hidden test data leaked");
        assert!(!text.contains("return sum(nums)"), "reference solution leaked");
        let python = details["languages"].as_array().expect("languages").iter().find(|l| l["language"] == "python").cloned().expect("python");
        assert!(python["starter"].as_str().unwrap_or("").contains("def sumList(self, nums: List[int]) -> int:"));
        assert_eq!(reqwest::get(app.url("/api/v1/challenges/nope")).await.expect("get").status(), 404);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn per_user_limits_answer_429_with_retry_after() {
    let app = try_spawn_app(Backend::Sqlite, |s| {
        s.workers = Some(0);
        s.pending_submissions = 2;
    })
    .await
    .expect("app");
    app.import("tests/packages/sum-list").await;
    let user = app.api_user("candidate").await;
    submit(&app, &user, RIGHT).await;
    submit(&app, &user, RIGHT).await;
    let third = app
        .api_post(
            &user,
            "/api/v1/challenges/sum-list/submissions",
            &json!({ "language": "python", "source": RIGHT }),
        )
        .await;
    assert_eq!(third.status(), 429);
    assert!(third.headers().contains_key("retry-after"));
    let error = json(third).await;
    assert_eq!(error["error"]["code"], "rate_limited");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("2 answers waiting"),
        "{error}"
    );
    // Another user is not affected.
    let other = app.api_user("candidate").await;
    submit(&app, &other, RIGHT).await;

    let app = try_spawn_app(Backend::Sqlite, |s| {
        s.submissions_per_minute = 2;
        s.pending_submissions = 100;
        s.workers = Some(0);
    })
    .await
    .expect("app");
    app.import("tests/packages/sum-list").await;
    let user = app.api_user("candidate").await;
    submit(&app, &user, RIGHT).await;
    submit(&app, &user, RIGHT).await;
    let third = app
        .api_post(
            &user,
            "/api/v1/challenges/sum-list/runs",
            &json!({ "language": "python", "source": RIGHT }),
        )
        .await;
    assert_eq!(third.status(), 429);
    let wait: u64 = third.headers()["retry-after"]
        .to_str()
        .expect("header")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&wait), "{wait}");
}
