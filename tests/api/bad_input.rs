//! Whatever a client sends, the answer is a clear 4xx, never a 500.

use crate::helpers::*;
use crate::on_both_backends;
use serde_json::json;

on_both_backends! {
    async fn unknown_routes_get_a_page_or_json(app: TestApp) {
        let page = app.get("/no/such/page").await;
        assert_eq!(page.status(), 404);
        assert!(page.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
        let html = page.text().await.unwrap();
        assert!(html.contains("Back to the home page"), "{html}");

        let api = app.get("/api/v1/no/such/thing").await;
        assert_eq!(api.status(), 404);
        let body = json(api).await;
        assert_eq!(body["error"]["code"], "not_found");

        let bad_slug = app.get("/api/v1/challenges/Two%00Sum").await;
        assert_eq!(bad_slug.status(), 404);
        let message = json(bad_slug).await["error"]["message"].as_str().unwrap_or_default().to_owned();
        assert!(message.contains("`Two\\u{0}Sum` is not a valid slug"), "{message}");
    }

    async fn malformed_json_gets_400_with_a_message(app: TestApp) {
        let response = app
            .client
            .post(app.url("/api/v1/users"))
            .header("Content-Type", "application/json")
            .body("{\"email\": ")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400);
        let body = json(response).await;
        assert_eq!(body["error"]["code"], "bad_request");
        assert!(body["error"]["message"].as_str().unwrap().contains("invalid JSON"));

        let missing = app
            .client
            .post(app.url("/api/v1/users"))
            .json(&serde_json::json!({ "email": "a@b.co" }))
            .send()
            .await
            .unwrap();
        assert_eq!(missing.status(), 400);
        assert!(json(missing).await["error"]["message"].as_str().unwrap().contains("missing field"));

        let wrong_type = app
            .client
            .post(app.url("/api/v1/users"))
            .header("Content-Type", "text/plain")
            .body("hello")
            .send()
            .await
            .unwrap();
        assert_eq!(wrong_type.status(), 415);
        assert_eq!(json(wrong_type).await["error"]["code"], "unsupported_media_type");
    }

    async fn oversized_bodies_get_413(app: TestApp) {
        let huge = "x".repeat(300 * 1024);
        let api = app
            .client
            .post(app.url("/api/v1/users"))
            .json(&serde_json::json!({ "email": "a@b.co", "display_name": huge, "password": PASSWORD }))
            .send()
            .await
            .unwrap();
        assert_eq!(api.status(), 413);
        assert_eq!(json(api).await["error"]["code"], "payload_too_large");

        let client = browser();
        let token = app.csrf_token(&client, "/signup").await;
        let form = client
            .post(app.url("/signup"))
            .form(&[("csrf_token", token.as_str()), ("email", "a@b.co"), ("display_name", &huge), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(form.status(), 413);
        assert!(form.text().await.unwrap().contains("too large"));
    }

    async fn no_client_input_produces_a_server_error(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let (_, admin) = app.logged_in("admin").await;
        // Bearer-token writes skip CSRF, so bodies reach the handlers.
        let token = app.api_user("admin").await.token;
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("authorization", format!("Bearer {token}").parse().unwrap());
        let bearer = reqwest::Client::builder().default_headers(headers).build().unwrap();
        let nasty_bodies = [
            "",
            "null",
            "[]",
            "{}",
            "{\"email\": 5, \"password\": [], \"display_name\": {}}",
            "\u{0}\u{1}\u{2}",
            "{\"role\": \"admin\", \"extra\": true}",
            "%%%&&&===",
            "csrf_token=&email=%ZZ",
        ];
        let targets = [
            ("POST", "/api/v1/users"),
            ("POST", "/api/v1/session"),
            ("POST", "/api/v1/auth/token"),
            ("PATCH", "/api/v1/me"),
            ("PUT", "/api/v1/me/password"),
            ("POST", "/api/v1/me/tokens"),
            ("DELETE", "/api/v1/me/tokens/%00"),
            ("PATCH", "/api/v1/admin/users/1"),
            ("POST", "/signup"),
            ("POST", "/login"),
            ("POST", "/logout"),
            ("POST", "/account/profile"),
            ("POST", "/account/password"),
            ("POST", "/account/tokens"),
            ("POST", "/account/tokens/zzz/revoke"),
            ("POST", "/admin/users/zzz/role"),
            ("GET", "/admin/users?page=-1"),
            ("GET", "/login?next=%00"),
            ("GET", "/static/..%2F..%2FCargo.toml"),
            ("GET", "/api/v1/challenges?page=-1&per_page=0"),
            ("GET", "/api/v1/challenges?kind=%00&sort=up"),
            ("GET", "/api/v1/challenges/%00"),
            ("POST", "/api/v1/challenges/sum-list/submissions"),
            ("POST", "/api/v1/challenges/sum-list/runs"),
            ("POST", "/api/v1/challenges/nope/submissions"),
            ("GET", "/api/v1/submissions/zzz"),
            ("GET", "/api/v1/submissions/zzz/events"),
            ("GET", "/api/v1/me/submissions?limit=x"),
            ("POST", "/api/v1/drafts"),
            ("POST", "/api/v1/drafts/import?slug=../x"),
            ("PUT", "/api/v1/drafts/sum-list"),
            ("DELETE", "/api/v1/drafts/zzz"),
            ("POST", "/api/v1/drafts/zzz/check"),
            ("POST", "/api/v1/drafts/zzz/publish"),
            ("GET", "/api/v1/challenges/zzz/export"),
            ("GET", "/api/v1/challenges/zzz/stats"),
            ("GET", "/api/v1/reviews?reviewed=maybe"),
            ("PUT", "/api/v1/submissions/zzz/review"),
            ("POST", "/challenges/sum-list/submit"),
            ("GET", "/challenges?kind=xx&page=abc"),
            ("GET", "/submissions/zzz"),
            ("GET", "/leaderboard?window=x&skill=y"),
            ("POST", "/instructor/drafts"),
            ("POST", "/instructor/drafts/zzz"),
            ("POST", "/instructor/import"),
            ("POST", "/instructor/reviews/zzz"),
            ("GET", "/instructor/challenges/zzz/stats"),
        ];
        for client in [browser(), admin, bearer] {
            for (method, path) in targets {
                for body in nasty_bodies {
                    for content_type in ["application/json", "application/x-www-form-urlencoded", "text/plain"] {
                        let response = client
                            .request(method.parse().unwrap(), app.url(path))
                            .header("Content-Type", content_type)
                            .body(body)
                            .send()
                            .await
                            .unwrap();
                        let status = response.status();
                        assert!(
                            status.is_client_error() || status.is_redirection() || status.is_success(),
                            "{method} {path} {content_type} {body:?} -> {status}"
                        );
                        if path.starts_with("/api/") && status.is_client_error() {
                            let body = json(response).await;
                            assert!(body["error"]["code"].is_string(), "{method} {path}: {body}");
                        }
                    }
                }
            }
        }
    }
}

on_both_backends! {
    async fn nul_bytes_in_text_are_refused_with_the_field_named(app: TestApp) {
        use reqwest::Method;
        app.import("tests/packages/sum-list").await;
        app.import("challenges/url-shortener").await;
        let candidate = app.api_user("candidate").await;
        let teacher = app.api_user("instructor").await;
        app.api_post(&teacher, "/api/v1/drafts", &json!({ "slug": "nul-draft", "kind": "code" })).await;
        let mut files = json(app.api_get(&teacher, "/api/v1/drafts/nul-draft").await).await["draft"]["files"].clone();
        files["statement.md"] = json!("Sum\u{0}");
        let solution = "class Solution:\n    def sumList(self, nums):\n        return sum(nums) # \u{0}\n";
        let cases = [
            (&candidate, Method::POST, "/api/v1/challenges/sum-list/submissions", json!({ "language": "python", "source": solution }), "source"),
            (&candidate, Method::POST, "/api/v1/challenges/sum-list/runs", json!({ "language": "python", "source": solution, "input": { "nums": [1] } }), "source"),
            (&candidate, Method::POST, "/api/v1/challenges/url-shortener/submissions", json!({ "sections": { "requirements": "short\u{0}links" } }), "sections"),
            (&candidate, Method::PATCH, "/api/v1/me", json!({ "display_name": "Ada\u{0}" }), "display_name"),
            (&candidate, Method::POST, "/api/v1/me/tokens", json!({ "name": "laptop\u{0}" }), "name"),
            (&teacher, Method::PUT, "/api/v1/drafts/nul-draft", json!({ "files": files }), "statement.md"),
        ];
        let mut wrong = Vec::new();
        for (user, method, path, body, field) in cases {
            let response = app.api_send(user, method.clone(), path, &body).await;
            let status = response.status();
            let body = json(response).await;
            let message = body["error"]["message"].as_str().unwrap_or_default().to_owned();
            let named = body["error"]["field"] == field || message.contains(field);
            let says_what = message.contains("NUL") || message.contains("control characters");
            if status != 422 || !named || !says_what {
                wrong.push(format!("{method} {path}: {status} {body}"));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
        let signup = app.api_signup(&unique_email(), "Ada\u{0}", PASSWORD).await;
        assert_eq!(signup.status(), 422);
        // Nothing half-stored: the candidate has no submissions.
        let mine = json(app.api_get(&candidate, "/api/v1/me/submissions").await).await;
        assert_eq!(mine["submissions"].as_array().map(Vec::len), Some(0), "{mine}");
    }
}
