//! Mock interviews: problems picked at the start, a deadline kept by the
//! server (answers sent meanwhile belong to the interview; at the deadline
//! the server submits the last drafts itself, browser or not), and a report
//! computed from what was sent.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;
use crate::on_both_backends;

const RIGHT: &str = "class Solution:\n    def sumList(self, nums):\n        return sum(nums)\n";
const WRONG: &str = "class Solution:\n    def sumList(self, nums):\n        return sum(nums) + 1\n";

async fn start(app: &TestApp, user: &ApiUser, format: &str) -> Value {
    let response = app
        .api_post(user, "/api/v1/interviews", &json!({ "format": format }))
        .await;
    assert_eq!(response.status(), 201);
    json(response).await["interview"].clone()
}

async fn interview(app: &TestApp, user: &ApiUser, id: &str) -> Value {
    json(app.api_get(user, &format!("/api/v1/interviews/{id}")).await).await["interview"].clone()
}

/// Polls until the interview has ended and none of its answers is still
/// being graded (the closer runs every two seconds).
async fn wait_final(app: &TestApp, user: &ApiUser, id: &str) -> Value {
    let mut last = Value::Null;
    for _ in 0..300 {
        last = interview(app, user, id).await;
        if last["state"] == "ended" && last["report"]["pending"] == false {
            return last;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the interview never ended with every answer graded: {last}");
}

async fn submit(app: &TestApp, user: &ApiUser, source: &str) -> String {
    let body = json(
        app.api_post(
            user,
            "/api/v1/challenges/sum-list/submissions",
            &json!({ "language": "python", "source": source }),
        )
        .await,
    )
    .await;
    body["id"].as_str().expect("a submission id").to_owned()
}

async fn save_draft(app: &TestApp, user: &ApiUser, source: &str) {
    let saved = app
        .api_send(
            user,
            Method::PUT,
            "/api/v1/challenges/sum-list/draft",
            &json!({ "language": "python", "source": source }),
        )
        .await;
    assert_eq!(saved.status(), 200);
}

on_both_backends! {
    async fn a_mock_interview_picks_distinct_problems_and_runs_one_at_a_time(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        app.import("tests/packages/even-split").await;
        app.import("tests/packages/echo-tokens").await;
        let alice = app.api_user("candidate").await;
        let formats = json(app.api_get(&alice, "/api/v1/interview-formats").await).await;
        let names: Vec<&str> = formats["formats"].as_array().unwrap().iter().map(|f| f["slug"].as_str().unwrap()).collect();
        assert!(names.contains(&"warm-up") && names.contains(&"sum-list-screen"), "{formats}");

        // Alice has solved sum-list: a fresh pick prefers what she has not seen.
        app.wait_graded(&alice, &submit(&app, &alice, RIGHT).await).await;
        let started = start(&app, &alice, "warm-up").await;
        assert_eq!(started["state"], "active");
        let slugs: Vec<&str> = started["report"]["problems"].as_array().unwrap().iter().map(|p| p["slug"].as_str().unwrap()).collect();
        assert_eq!(slugs.len(), 2);
        assert_ne!(slugs[0], slugs[1]);
        assert!(!slugs.contains(&"sum-list"), "a solved problem was picked over new ones: {slugs:?}");
        let remaining = started["remaining_seconds"].as_i64().unwrap();
        assert!((1700..=1800).contains(&remaining), "{remaining}");
        assert_eq!(started["report"]["points"], 0);

        // One at a time: a second start (another tab) is refused, naming why.
        let again = app.api_post(&alice, "/api/v1/interviews", &json!({ "format": "warm-up" })).await;
        assert_eq!(again.status(), 409);
        assert_eq!(json(again).await["error"]["code"], "interview_running");
        // Reading it again (a reload) shows the same deadline.
        let id = started["id"].as_str().unwrap();
        let read = interview(&app, &alice, id).await;
        assert_eq!(read["deadline"], started["deadline"]);
        assert_eq!(read["report"]["problems"], started["report"]["problems"]);
        let mine = json(app.api_get(&alice, "/api/v1/interviews").await).await;
        assert_eq!(mine["interviews"][0]["id"], started["id"]);

        // Nobody else sees it; bad requests say what is wrong.
        let bob = app.api_user("candidate").await;
        assert_eq!(app.api_get(&bob, &format!("/api/v1/interviews/{id}")).await.status(), 404);
        assert_eq!(app.api_post(&bob, &format!("/api/v1/interviews/{id}/end"), &json!({})).await.status(), 404);
        let unknown = app.api_post(&bob, "/api/v1/interviews", &json!({ "format": "marathon" })).await;
        assert_eq!(unknown.status(), 422);
        assert_eq!(json(unknown).await["error"]["field"], "format");
        let impossible = app.api_post(&bob, "/api/v1/interviews", &json!({ "format": "data-only" })).await;
        assert_eq!(impossible.status(), 409);
        let body = json(impossible).await;
        assert_eq!(body["error"]["code"], "no_problem_fits");
        assert!(body["error"]["message"].as_str().unwrap().contains("SQL problem"), "{body}");
        // Bob's refused start left him free to start another. A draft he
        // wrote before it is not his answer in it: ending submits nothing.
        save_draft(&app, &bob, WRONG).await;
        let bobs = start(&app, &bob, "sum-list-screen").await;
        let bobs = bobs["id"].as_str().unwrap();
        let ended = json(app.api_post(&bob, &format!("/api/v1/interviews/{bobs}/end"), &json!({})).await).await;
        assert_eq!(ended["interview"]["report"]["problems"][0]["submissions"], 0, "{ended}");
    }

    async fn the_deadline_submits_the_last_draft_and_the_report_counts_the_best(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let alice = app.api_user("candidate").await;
        let started = start(&app, &alice, "sum-list-screen").await;
        let id = started["id"].as_str().unwrap().to_owned();
        assert_eq!(started["report"]["problems"][0]["slug"], "sum-list");

        // A wrong submission and a run belong to the interview …
        app.wait_graded(&alice, &submit(&app, &alice, WRONG).await).await;
        let run = json(app.api_post(&alice, "/api/v1/challenges/sum-list/runs",
            &json!({ "language": "python", "source": WRONG })).await).await;
        app.wait_graded(&alice, run["id"].as_str().unwrap()).await;
        // … then she fixes it in the editor and the time runs out.
        save_draft(&app, &alice, RIGHT).await;
        app.expire_interview_directly(&id);
        let ended = wait_final(&app, &alice, &id).await;
        assert_eq!(ended["end_reason"], "deadline");
        assert!(ended["remaining_seconds"].is_null());
        let problem = &ended["report"]["problems"][0];
        assert_eq!(problem["submissions"], 2, "{ended}");
        assert_eq!(problem["runs"], 1);
        assert_eq!(problem["verdict"], "accepted");
        assert_eq!(problem["solved"], true);
        assert!(problem["first_accepted_after_seconds"].as_i64().unwrap() >= 0);
        assert_eq!(ended["report"]["points"], 100);
        assert_eq!(ended["report"]["band"], "strong_hire");
        assert_eq!(ended["report"]["band_name"], "Strong hire");
        assert_eq!(ended["report"]["skills"][0]["skill"], "arrays-hashing");

        // The submission the server made is hers, with her draft in it.
        let mine = json(app.api_get(&alice, "/api/v1/me/submissions?challenge=sum-list").await).await;
        assert_eq!(mine["submissions"][0]["answer"]["source"], RIGHT);
        // After the end, answers no longer count for the interview.
        app.wait_graded(&alice, &submit(&app, &alice, RIGHT).await).await;
        let after = interview(&app, &alice, &id).await;
        assert_eq!(after["report"]["problems"][0]["submissions"], 2);
        // And a new interview may start.
        start(&app, &alice, "sum-list-screen").await;
    }

    async fn ending_early_submits_the_draft_once_and_cannot_be_repeated(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let alice = app.api_user("candidate").await;
        let started = start(&app, &alice, "sum-list-screen").await;
        let id = started["id"].as_str().unwrap().to_owned();
        save_draft(&app, &alice, WRONG).await;
        let end = app.api_post(&alice, &format!("/api/v1/interviews/{id}/end"), &json!({})).await;
        assert_eq!(end.status(), 200);
        let ended = json(end).await;
        assert_eq!(ended["interview"]["state"], "ended");
        assert_eq!(ended["interview"]["end_reason"], "early");
        let again = app.api_post(&alice, &format!("/api/v1/interviews/{id}/end"), &json!({})).await;
        assert_eq!(again.status(), 409);
        assert_eq!(json(again).await["error"]["code"], "interview_ended");
        let done = wait_final(&app, &alice, &id).await;
        assert_eq!(done["report"]["problems"][0]["submissions"], 1);
        assert_eq!(done["report"]["problems"][0]["verdict"], "wrong_answer");
        assert_eq!(done["report"]["points"], 0);
        assert_eq!(done["report"]["band"], "no_hire");
    }

    async fn two_servers_on_one_database_close_an_interview_once(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let alice = app.api_user("candidate").await;
        let started = start(&app, &alice, "sum-list-screen").await;
        let id = started["id"].as_str().unwrap().to_owned();
        save_draft(&app, &alice, RIGHT).await;
        // A second process on the same database sees the same clock …
        let other = spawn_on(app.database.clone(), test_settings(&app.database)).await;
        let seen = interview(&other, &alice, &id).await;
        assert_eq!(seen["deadline"], started["deadline"]);
        // … and when time runs out both closers race; the draft is sent once.
        app.expire_interview_directly(&id);
        let ended = wait_final(&other, &alice, &id).await;
        assert_eq!(ended["report"]["problems"][0]["submissions"], 1, "{ended}");
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        let later = interview(&app, &alice, &id).await;
        assert_eq!(later["report"]["problems"][0]["submissions"], 1, "{later}");
    }

    async fn a_design_draft_is_submitted_at_the_deadline(app: TestApp) {
        app.import("challenges/url-shortener").await;
        let alice = app.api_user("candidate").await;
        let started = start(&app, &alice, "design-screen").await;
        let id = started["id"].as_str().unwrap().to_owned();
        let model = std::fs::read_to_string("challenges/url-shortener/answers/model.md").unwrap();
        let saved = app
            .api_send(&alice, Method::PUT, "/api/v1/challenges/url-shortener/draft",
                &json!({ "language": "design", "source": model }))
            .await;
        assert_eq!(saved.status(), 200);
        // Only `design` is a design challenge's draft language.
        let refused = app
            .api_send(&alice, Method::PUT, "/api/v1/challenges/url-shortener/draft",
                &json!({ "language": "python", "source": "x" }))
            .await;
        assert_eq!(refused.status(), 422);
        app.expire_interview_directly(&id);
        let ended = wait_final(&app, &alice, &id).await;
        let problem = &ended["report"]["problems"][0];
        assert_eq!(problem["submissions"], 1, "{ended}");
        assert!(problem["score"].as_f64().unwrap() > 0.7, "{ended}");
        assert_eq!(problem["kind"], "design");
    }
}
