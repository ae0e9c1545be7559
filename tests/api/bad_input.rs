//! Whatever a client sends, the answer is a clear 4xx, never a 500.

use crate::helpers::*;
use crate::on_both_backends;

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
        let (_, admin) = app.logged_in("admin").await;
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
        ];
        for client in [browser(), admin] {
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
