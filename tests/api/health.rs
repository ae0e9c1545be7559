use crate::helpers::{json, try_spawn_app, Backend};
use crate::on_both_backends;

#[tokio::test]
async fn metrics_need_their_token() {
    let app = try_spawn_app(Backend::Sqlite, |s| {
        s.metrics_token = Some("scrape-me-please".to_owned().into());
    })
    .await
    .expect("SQLite is always there");
    // One page view, then the counter for its route shows up.
    assert_eq!(app.get("/login").await.status(), 200);
    assert_eq!(app.get("/metrics").await.status(), 403);
    let wrong = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth("scrape-me-not")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 403);
    let metrics = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth("scrape-me-please")
        .send()
        .await
        .unwrap();
    assert_eq!(metrics.status(), 200);
    let text = metrics.text().await.unwrap();
    assert!(
        text.contains(
            "rehearse_http_requests_total{method=\"GET\",route=\"/login\",status=\"200\"} 1"
        ),
        "{text}"
    );
    assert!(text.contains("rehearse_db_pool_connections"), "{text}");
}

on_both_backends! {
    async fn probes_answer(app: TestApp) {
        let health = app.get("/healthz").await;
        assert_eq!(health.status(), 200);
        assert!(health.headers().contains_key("x-request-id"));

        let ready = app.get("/readyz").await;
        assert_eq!(ready.status(), 200);
        assert_eq!(ready.text().await.unwrap(), "ready");

        // Without a metrics token, metrics are off.
        assert_eq!(app.get("/metrics").await.status(), 404);
    }

    async fn static_css_is_served_with_an_etag(app: TestApp) {
        let css = app.get("/static/app.css").await;
        assert_eq!(css.status(), 200);
        assert!(css.headers()["content-type"].to_str().unwrap().starts_with("text/css"));
        let etag = css.headers()["etag"].clone();
        let again = app
            .client
            .get(app.url("/static/app.css"))
            .header("If-None-Match", etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304);
        assert_eq!(app.get("/static/nope.css").await.status(), 404);
    }
}

on_both_backends! {
    async fn the_api_describes_itself_in_openapi(app: TestApp) {
        let response = app.get("/api/v1/openapi.json").await;
        assert_eq!(response.status(), 200);
        let doc = json(response).await;
        assert!(doc["openapi"].as_str().unwrap_or("").starts_with("3."));
        let paths = doc["paths"].as_object().expect("paths");
        for path in [
            "/api/v1/challenges",
            "/api/v1/challenges/{slug}/submissions",
            "/api/v1/submissions/{id}/events",
            "/api/v1/drafts/{slug}/publish",
            "/api/v1/reviews",
        ] {
            assert!(paths.contains_key(path), "{path} is documented");
        }
        let submit = &paths["/api/v1/challenges/{slug}/submissions"]["post"];
        assert!(submit["responses"]["429"].is_object());
        assert!(doc["components"]["schemas"]["AnswerBody"].is_object());
        assert!(doc["components"]["securitySchemes"]["bearer_token"].is_object());

        // Each operation has its own id, documents the body of every
        // success that has one, and the errors that can reach it.
        let mut ids = std::collections::HashSet::new();
        for (path, item) in paths {
            for (method, operation) in item.as_object().expect("path item") {
                let at = format!("{method} {path}");
                let id = operation["operationId"].as_str().unwrap_or_else(|| panic!("{at} has no operationId"));
                assert!(ids.insert(id.to_owned()), "operationId {id} repeats ({at})");
                let responses = operation["responses"].as_object().expect("responses");
                for (status, response) in responses {
                    if status.starts_with('2') && status != "204" {
                        assert!(response["content"].as_object().is_some_and(|c| !c.is_empty()), "{at} {status} has no body schema");
                    }
                    if status.starts_with('4') || status.starts_with('5') {
                        // Errors are ErrorBody; a refused publication is the
                        // one 4xx with a body of its own (the check's findings).
                        let schema = &response["content"]["application/json"]["schema"]["$ref"];
                        let own = at == "post /api/v1/drafts/{slug}/publish" && status == "422";
                        if !own {
                            assert_eq!(schema, "#/components/schemas/ErrorBody", "{at} {status}");
                        }
                    }
                }
                assert!(responses.contains_key("500"), "{at} documents no 500");
                if operation["security"].as_array().is_some_and(|s| !s.is_empty()) {
                    assert!(responses.contains_key("401"), "{at} documents no 401");
                }
                if operation["requestBody"].is_object() {
                    for status in ["400", "413", "415"] {
                        assert!(responses.contains_key(status), "{at} documents no {status}");
                    }
                }
            }
        }
        assert!(ids.len() > 25, "{} operations", ids.len());
        // Every reference names a schema the document has.
        let text = doc.to_string();
        let schemas = doc["components"]["schemas"].as_object().expect("schemas");
        for piece in text.split("\"#/components/schemas/").skip(1) {
            let name = piece.split('"').next().unwrap_or("");
            assert!(schemas.contains_key(name), "{name} is referenced but not defined");
        }
        // The zip upload is a file, not a list of numbers.
        let zip = &paths["/api/v1/drafts/import"]["post"]["requestBody"]["content"]["application/zip"]["schema"];
        let zip = match zip["$ref"].as_str() {
            Some(r) => &schemas[r.rsplit('/').next().unwrap_or("")],
            None => zip,
        };
        assert_eq!((zip["type"].as_str(), zip["format"].as_str()), (Some("string"), Some("binary")), "{zip}");
    }

    async fn a_method_a_path_does_not_take_is_405_with_allow(app: TestApp) {
        let response = app.client.delete(app.url("/api/v1/challenges")).send().await.unwrap();
        assert_eq!(response.status(), 405);
        assert_eq!(response.headers()["allow"], "GET");
        let body = json(response).await;
        assert_eq!(body["error"]["code"], "method_not_allowed");
        let response = app.client.put(app.url("/api/v1/session")).send().await.unwrap();
        assert_eq!(response.status(), 405);
        assert_eq!(response.headers()["allow"], "POST, DELETE");
        // Pages too (with their HTML face), and a path that does not exist
        // stays a 404.
        let page = app.client.delete(app.url("/login")).send().await.unwrap();
        assert_eq!(page.status(), 405);
        assert_eq!(page.headers()["allow"], "GET, POST");
        assert_eq!(app.client.delete(app.url("/api/v1/nothing-here")).send().await.unwrap().status(), 404);
    }

    async fn a_json_body_must_be_an_object(app: TestApp) {
        let response = app
            .client
            .post(app.url("/api/v1/session"))
            .json(&serde_json::json!(["someone@example.com", "a password of some length"]))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400);
        let body = json(response).await;
        assert_eq!(body["error"]["code"], "bad_request");
        assert!(body["error"]["message"].as_str().unwrap_or("").contains("must be a JSON object, not an array"), "{body}");
    }
}
