//! Instructors: authoring drafts, publishing through the checks, zip
//! export and import, who may edit what, statistics and design reviews.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::helpers::*;
use crate::on_both_backends;

async fn put(app: &TestApp, user: &ApiUser, path: &str, body: &Value) -> reqwest::Response {
    reqwest::Client::new()
        .put(app.url(path))
        .bearer_auth(&user.token)
        .json(body)
        .send()
        .await
        .expect("request")
}

async fn files_of(app: &TestApp, user: &ApiUser, slug: &str) -> BTreeMap<String, String> {
    let body = json(app.api_get(user, &format!("/api/v1/drafts/{slug}")).await).await;
    serde_json::from_value(body["draft"]["files"].clone()).expect("files")
}

on_both_backends! {
    async fn an_instructor_drafts_checks_and_publishes_a_challenge_a_candidate_then_solves(app: TestApp) {
        let teacher = app.api_user("instructor").await;
        let created = app.api_post(&teacher, "/api/v1/drafts", &json!({ "slug": "largest-value", "kind": "code" })).await;
        assert_eq!(created.status(), 201);
        let mut files = files_of(&app, &teacher, "largest-value").await;
        assert!(files.contains_key("challenge.toml") && files.contains_key("tests.json"));
        files.insert("challenge.toml".into(), files["challenge.toml"].replace("New challenge", "Largest Value"));
        assert_eq!(put(&app, &teacher, "/api/v1/drafts/largest-value", &json!({ "files": files })).await.status(), 200);
        let check = json(app.api_post(&teacher, "/api/v1/drafts/largest-value/check", &json!({})).await).await;
        assert_eq!(check["check"]["passed"], true, "{check}");
        // Not visible to candidates before publishing.
        let candidate = app.api_user("candidate").await;
        assert_eq!(app.api_get(&candidate, "/api/v1/challenges/largest-value").await.status(), 404);
        let published = app.api_post(&teacher, "/api/v1/drafts/largest-value/publish", &json!({})).await;
        assert_eq!(published.status(), 200);
        assert_eq!(json(published).await, json!({ "outcome": "published", "version": 1 }));

        let shown = json(app.api_get(&candidate, "/api/v1/challenges/largest-value").await).await;
        assert_eq!(shown["challenge"]["title"], "Largest Value");
        let response = app
            .api_post(&candidate, "/api/v1/challenges/largest-value/submissions", &json!({ "language": "python", "source": "def largest(nums):\n    return max(nums)\n" }))
            .await;
        let id = json(response).await["id"].as_str().expect("id").to_owned();
        assert_eq!(app.wait_graded(&candidate, &id).await["verdict"], "accepted");
    }

    async fn publishing_is_refused_with_the_checks_reasons(app: TestApp) {
        let teacher = app.api_user("instructor").await;
        app.api_post(&teacher, "/api/v1/drafts", &json!({ "slug": "broken-one", "kind": "code" })).await;
        let mut files = files_of(&app, &teacher, "broken-one").await;
        files.insert("solutions/max.py".into(), "class Solution:\n    def largest(self, nums):\n        return min(nums)\n".into());
        put(&app, &teacher, "/api/v1/drafts/broken-one", &json!({ "files": files })).await;
        let refused = app.api_post(&teacher, "/api/v1/drafts/broken-one/publish", &json!({})).await;
        assert_eq!(refused.status(), 422);
        let body = json(refused).await;
        assert_eq!(body["outcome"], "refused");
        let line = body["check"]["lines"].as_array().expect("lines").iter().find(|l| l["path"] == "solutions/max.py").cloned().expect("line");
        assert_eq!(line["ok"], false);
        assert!(line["outcome"].as_str().unwrap_or("").starts_with("Wrong Answer"), "{line}");
        // A broken manifest is reported with its place.
        files.insert("challenge.toml".into(), "kind = \"code\"\ntitle = \n".into());
        put(&app, &teacher, "/api/v1/drafts/broken-one", &json!({ "files": files })).await;
        let body = json(app.api_post(&teacher, "/api/v1/drafts/broken-one/check", &json!({})).await).await;
        assert!(body["check"]["problems"][0].as_str().unwrap_or("").starts_with("broken-one/challenge.toml: line 2"), "{body}");
        // And nothing was published.
        assert_eq!(app.api_get(&teacher, "/api/v1/challenges/broken-one").await.status(), 404);
    }

    async fn only_the_author_or_an_admin_edits_a_challenge(app: TestApp) {
        let alice = app.api_user("instructor").await;
        let bob = app.api_user("instructor").await;
        let admin = app.api_user("admin").await;
        let candidate = app.api_user("candidate").await;
        app.api_post(&alice, "/api/v1/drafts", &json!({ "slug": "alices-own", "kind": "sql" })).await;
        assert_eq!(app.api_get(&bob, "/api/v1/drafts/alices-own").await.status(), 403);
        assert_eq!(put(&app, &bob, "/api/v1/drafts/alices-own", &json!({ "files": {"challenge.toml": ""} })).await.status(), 403);
        assert_eq!(app.api_get(&admin, "/api/v1/drafts/alices-own").await.status(), 200);
        assert_eq!(app.api_get(&candidate, "/api/v1/drafts/alices-own").await.status(), 403);
        assert_eq!(app.api_post(&candidate, "/api/v1/drafts", &json!({ "slug": "mine", "kind": "code" })).await.status(), 403);
        // Library challenges have no author: only admins edit them.
        app.import("tests/packages/sum-list").await;
        assert_eq!(app.api_get(&alice, "/api/v1/drafts/sum-list").await.status(), 403);
        let draft = json(app.api_get(&admin, "/api/v1/drafts/sum-list").await).await;
        assert!(draft["draft"]["files"]["statement.md"].as_str().unwrap_or("").contains("sum"), "{draft}");
        assert_eq!(draft["draft"]["existing_version"], 1);
        let taken = app.api_post(&alice, "/api/v1/drafts", &json!({ "slug": "sum-list", "kind": "code" })).await;
        assert_eq!(taken.status(), 409);
        let bad = app.api_post(&alice, "/api/v1/drafts", &json!({ "slug": "Bad Slug", "kind": "code" })).await;
        assert_eq!(bad.status(), 422);
        assert_eq!(json(bad).await["error"]["field"], "slug");
    }

    async fn a_package_goes_out_and_back_in_as_a_zip(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let admin = app.api_user("admin").await;
        let candidate = app.api_user("candidate").await;
        assert_eq!(app.api_get(&candidate, "/api/v1/challenges/sum-list/export").await.status(), 403);
        let response = app.api_get(&admin, "/api/v1/challenges/sum-list/export").await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "application/zip");
        let zip = response.bytes().await.expect("zip");
        let (slug, files) = rehearse::challenges::archive::unzip_package(&zip, None).expect("a package zip");
        assert_eq!(slug, "sum-list");
        assert!(files.contains_key("solutions/sum.py") && files.contains_key("tests.json"));
        // Importing it makes a draft of the same challenge.
        let imported = reqwest::Client::new()
            .post(app.url("/api/v1/drafts/import"))
            .bearer_auth(&admin.token)
            .header("content-type", "application/zip")
            .body(zip.to_vec())
            .send()
            .await
            .expect("request");
        assert_eq!(imported.status(), 201);
        let draft = json(imported).await;
        assert_eq!(draft["draft"]["slug"], "sum-list");
        // Unsafe paths are refused, whatever the zip says.
        let mut evil = BTreeMap::new();
        evil.insert("challenge.toml".to_owned(), String::new());
        evil.insert("../../etc/cron.d/x".to_owned(), "x".to_owned());
        let status = put(&app, &admin, "/api/v1/drafts/sum-list", &json!({ "files": evil })).await;
        assert_eq!(status.status(), 422);
        let garbage = reqwest::Client::new()
            .post(app.url("/api/v1/drafts/import"))
            .bearer_auth(&admin.token)
            .body("not a zip")
            .send()
            .await
            .expect("request");
        assert_eq!(garbage.status(), 422);
    }

    async fn an_instructor_overrides_a_design_score_and_the_candidate_sees_why(app: TestApp) {
        app.import("challenges/url-shortener").await;
        let candidate = app.api_user("candidate").await;
        let teacher = app.api_user("instructor").await;
        let answer = json!({ "sections": {
            "requirements": "Users shorten links and are redirected quickly. The service must stay available and answer redirects in a few milliseconds.",
            "high_level": "A Redis cache in front of the database serves the popular links because reads dominate the traffic."
        }});
        let id = json(app.api_post(&candidate, "/api/v1/challenges/url-shortener/submissions", &answer).await).await["id"].as_str().expect("id").to_owned();
        let graded = app.wait_graded(&candidate, &id).await;
        assert!(graded["score"].as_f64().unwrap_or(1.0) < 0.5);
        let queue = json(app.api_get(&teacher, "/api/v1/reviews").await).await;
        assert_eq!(queue["reviews"][0]["id"], id.as_str());
        assert_eq!(app.api_get(&candidate, "/api/v1/reviews").await.status(), 403);
        let bad = put(&app, &teacher, &format!("/api/v1/submissions/{id}/review"), &json!({ "score_percent": 140, "comment": "x" })).await;
        assert_eq!(bad.status(), 422);
        let reviewed = put(&app, &teacher, &format!("/api/v1/submissions/{id}/review"), &json!({ "score_percent": 80, "comment": "Short, but the caching argument is right." })).await;
        assert_eq!(reviewed.status(), 200);
        let seen = json(app.api_get(&candidate, &format!("/api/v1/submissions/{id}")).await).await;
        assert_eq!(seen["submission"]["score"], 0.8);
        assert_eq!(seen["submission"]["points"], 160.0);
        assert_eq!(seen["submission"]["review"]["comment"], "Short, but the caching argument is right.");
        assert_eq!(json(app.api_get(&teacher, "/api/v1/reviews").await).await["reviews"], json!([]));
        let stats = json(app.api_get(&teacher, "/api/v1/challenges/url-shortener/stats").await).await;
        assert_eq!(stats["stats"]["attempts"], 1);
        assert_eq!(stats["stats"]["scores"][8], 1, "the override lands in the 80 % bucket");
        assert_eq!(app.api_get(&candidate, "/api/v1/challenges/url-shortener/stats").await.status(), 403);
    }
}

on_both_backends! {
    async fn the_overview_lists_what_an_instructor_may_edit_and_drafts_can_be_discarded(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let teacher = app.api_user("instructor").await;
        app.api_post(&teacher, "/api/v1/drafts", &json!({ "slug": "throwaway", "kind": "design" })).await;
        let overview = json(app.api_get(&teacher, "/api/v1/instructor/challenges").await).await;
        let rows = overview["challenges"].as_array().expect("rows").clone();
        let library = rows.iter().find(|r| r["slug"] == "sum-list").expect("library row");
        assert_eq!(library["can_edit"], false, "library challenges are for admins");
        let draft = rows.iter().find(|r| r["slug"] == "throwaway").expect("draft row");
        assert_eq!((draft["has_draft"].clone(), draft["can_edit"].clone()), (json!(true), json!(true)));
        let discarded = reqwest::Client::new()
            .delete(app.url("/api/v1/drafts/throwaway"))
            .bearer_auth(&teacher.token)
            .send()
            .await
            .expect("request");
        assert_eq!(discarded.status(), 204);
        assert_eq!(app.api_get(&teacher, "/api/v1/drafts/throwaway").await.status(), 404);
    }
}
