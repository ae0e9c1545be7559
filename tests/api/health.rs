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
    }
}
