use crate::helpers::*;
use crate::on_both_backends;

on_both_backends! {
    async fn navigation_follows_who_is_signed_in(app: TestApp) {
        let anonymous = app.get("/").await.text().await.unwrap();
        assert!(anonymous.contains("href=\"/login\""));
        assert!(anonymous.contains("href=\"/signup\""));
        assert!(!anonymous.contains("href=\"/admin/users\""));

        let (_, candidate) = app.logged_in("candidate").await;
        let html = candidate.get(app.url("/")).send().await.unwrap().text().await.unwrap();
        assert!(html.contains("href=\"/account\""));
        assert!(html.contains("action=\"/logout\""));
        assert!(!html.contains("href=\"/admin/users\""));

        let (_, admin) = app.logged_in("admin").await;
        let html = admin.get(app.url("/")).send().await.unwrap().text().await.unwrap();
        assert!(html.contains("href=\"/admin/users\""));
    }

    async fn signed_in_users_skip_the_login_and_signup_pages(app: TestApp) {
        let (_, client) = app.logged_in("candidate").await;
        for path in ["/login", "/signup"] {
            let response = client.get(app.url(path)).send().await.unwrap();
            assert_eq!(response.status(), 303, "{path}");
        }
    }

    async fn every_page_form_carries_a_csrf_token(app: TestApp) {
        let (_, admin) = app.logged_in("admin").await;
        for path in ["/", "/login", "/signup", "/account", "/admin/users"] {
            let client = if matches!(path, "/login" | "/signup") { browser() } else { admin.clone() };
            let html = client.get(app.url(path)).send().await.unwrap().text().await.unwrap();
            let doc = scraper::Html::parse_document(&html);
            let forms = scraper::Selector::parse("form[method=post]").unwrap();
            let token = scraper::Selector::parse("input[name=csrf_token]").unwrap();
            let mut count = 0;
            for form in doc.select(&forms) {
                count += 1;
                let value = form.select(&token).next().and_then(|t| t.value().attr("value"));
                assert!(value.is_some_and(|v| v.len() > 20), "{path}: a form without a token");
            }
            assert!(count > 0, "{path} has forms");
        }
    }
}
