use serde_json::json;

use crate::helpers::*;
use crate::on_both_backends;

on_both_backends! {
    async fn account_page_shows_and_edits_the_profile(app: TestApp) {
        let (email, client) = app.logged_in("candidate").await;
        let page = client.get(app.url("/account")).send().await.unwrap();
        assert_eq!(page.status(), 200);
        let html = page.text().await.unwrap();
        assert!(html.contains(&email));
        assert!(html.contains("Test Candidate"));

        let new_email = unique_email();
        let response = app
            .post_form(&client, "/account", "/account/profile", &[
                ("email", &new_email.to_uppercase()),
                ("display_name", "Renamed Person"),
            ])
            .await;
        assert_eq!(response.status(), 303);
        let me = json(client.get(app.url("/api/v1/me")).send().await.unwrap()).await;
        assert_eq!(me["user"]["email"], new_email);
        assert_eq!(me["user"]["display_name"], "Renamed Person");
        let html = client.get(app.url("/account")).send().await.unwrap().text().await.unwrap();
        assert!(html.contains("Your profile has been saved"));
    }

    async fn profile_edit_rejects_bad_and_taken_emails(app: TestApp) {
        let taken = app.new_candidate().await;
        let (email, client) = app.logged_in("candidate").await;
        let response = app
            .post_form(&client, "/account", "/account/profile", &[("email", &taken), ("display_name", "Me")])
            .await;
        assert_eq!(response.status(), 409);
        assert!(response.text().await.unwrap().contains("already exists"));
        let response = app
            .post_form(&client, "/account", "/account/profile", &[("email", "broken@"), ("display_name", "")])
            .await;
        assert_eq!(response.status(), 422);
        let html = response.text().await.unwrap();
        assert!(html.contains("not a valid email address"));
        assert!(html.contains("enter a display name"));
        let me = json(client.get(app.url("/api/v1/me")).send().await.unwrap()).await;
        assert_eq!(me["user"]["email"], email, "nothing stored changed");
    }

    async fn changing_the_password_ends_other_sessions(app: TestApp) {
        let email = app.new_candidate().await;
        let here = browser();
        let elsewhere = browser();
        app.api_login(&here, &email, PASSWORD).await;
        app.api_login(&elsewhere, &email, PASSWORD).await;

        let wrong = app
            .post_form(&here, "/account", "/account/password", &[
                ("current_password", "not my password"),
                ("new_password", "a brand new password"),
                ("confirm_password", "a brand new password"),
            ])
            .await;
        assert_eq!(wrong.status(), 422);
        assert!(wrong.text().await.unwrap().contains("current password is incorrect"));

        let mismatch = app
            .post_form(&here, "/account", "/account/password", &[
                ("current_password", PASSWORD),
                ("new_password", "a brand new password"),
                ("confirm_password", "a different password"),
            ])
            .await;
        assert_eq!(mismatch.status(), 422);

        let ok = app
            .post_form(&here, "/account", "/account/password", &[
                ("current_password", PASSWORD),
                ("new_password", "a brand new password"),
                ("confirm_password", "a brand new password"),
            ])
            .await;
        assert_eq!(ok.status(), 303);
        assert_eq!(here.get(app.url("/api/v1/me")).send().await.unwrap().status(), 200);
        assert_eq!(elsewhere.get(app.url("/api/v1/me")).send().await.unwrap().status(), 401);
        assert_eq!(app.api_login(&browser(), &email, PASSWORD).await.status(), 401);
        assert_eq!(app.api_login(&browser(), &email, "a brand new password").await.status(), 200);
    }

    async fn api_profile_and_password_changes(app: TestApp) {
        let email = app.new_candidate().await;
        let (client, csrf) = app.api_session(&email).await;
        let response = client
            .patch(app.url("/api/v1/me"))
            .header("X-CSRF-Token", &csrf)
            .json(&json!({ "display_name": "Via API" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(json(response).await["user"]["display_name"], "Via API");

        let response = client
            .put(app.url("/api/v1/me/password"))
            .header("X-CSRF-Token", &csrf)
            .json(&json!({ "current_password": "nope nope nope", "new_password": "another long password" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 422);
        let body = json(response).await;
        assert_eq!(body["error"]["code"], "wrong_password");
        assert_eq!(body["error"]["field"], "current_password");

        let response = client
            .put(app.url("/api/v1/me/password"))
            .header("X-CSRF-Token", &csrf)
            .json(&json!({ "current_password": PASSWORD, "new_password": "another long password" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 204);
        assert_eq!(app.api_login(&browser(), &email, "another long password").await.status(), 200);
    }

    async fn cookie_authenticated_api_writes_need_the_csrf_header(app: TestApp) {
        let email = app.new_candidate().await;
        let (client, _) = app.api_session(&email).await;
        let response = client
            .patch(app.url("/api/v1/me"))
            .json(&json!({ "display_name": "Forged" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 403);
        assert_eq!(json(response).await["error"]["code"], "csrf_failed");
        let me = json(client.get(app.url("/api/v1/me")).send().await.unwrap()).await;
        assert_eq!(me["user"]["display_name"], "Test Candidate");
    }

    async fn logout_through_the_api(app: TestApp) {
        let email = app.new_candidate().await;
        let (client, csrf) = app.api_session(&email).await;
        let response = client
            .delete(app.url("/api/v1/session"))
            .header("X-CSRF-Token", &csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 204);
        assert_eq!(client.get(app.url("/api/v1/me")).send().await.unwrap().status(), 401);
    }
}
