use serde_json::json;

use crate::helpers::*;
use crate::on_both_backends;

on_both_backends! {
    async fn command_line_login_issues_a_token_that_authenticates(app: TestApp) {
        let email = app.new_candidate().await;
        let response = reqwest::Client::new()
            .post(app.url("/api/v1/auth/token"))
            .json(&json!({ "email": email, "password": PASSWORD, "name": "laptop" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
        let body = json(response).await;
        let token = body["token"]["token"].as_str().unwrap().to_owned();
        assert!(token.starts_with("rh_"));
        assert!(token.starts_with(body["token"]["prefix"].as_str().unwrap()));

        let bearer = reqwest::Client::new();
        let me = bearer.get(app.url("/api/v1/me")).bearer_auth(&token).send().await.unwrap();
        assert_eq!(me.status(), 200);
        assert_eq!(json(me).await["user"]["email"], email);

        // Bearer writes need no CSRF header (browsers never send it on their own).
        let response = bearer
            .patch(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .json(&json!({ "display_name": "From The Terminal" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);

        // The list shows the token but never its secret.
        let list = json(bearer.get(app.url("/api/v1/me/tokens")).bearer_auth(&token).send().await.unwrap()).await;
        let listed = &list["tokens"][0];
        assert_eq!(listed["name"], "laptop");
        assert!(listed.get("token").is_none());
        assert!(listed["last_used_at"].is_string());

        let wrong = reqwest::Client::new()
            .post(app.url("/api/v1/auth/token"))
            .json(&json!({ "email": email, "password": "bad password!" }))
            .send()
            .await
            .unwrap();
        assert_eq!(wrong.status(), 401);
    }

    async fn revoked_and_forged_tokens_are_refused(app: TestApp) {
        let email = app.new_candidate().await;
        let (client, csrf) = app.api_session(&email).await;
        let created = client
            .post(app.url("/api/v1/me/tokens"))
            .header("X-CSRF-Token", &csrf)
            .json(&json!({ "name": "ci" }))
            .send()
            .await
            .unwrap();
        assert_eq!(created.status(), 201);
        let body = json(created).await;
        let (id, token) = (
            body["token"]["id"].as_str().unwrap().to_owned(),
            body["token"]["token"].as_str().unwrap().to_owned(),
        );
        let bearer = reqwest::Client::new();
        assert_eq!(bearer.get(app.url("/api/v1/me")).bearer_auth(&token).send().await.unwrap().status(), 200);

        let revoked = client
            .delete(app.url(&format!("/api/v1/me/tokens/{id}")))
            .header("X-CSRF-Token", &csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(revoked.status(), 204);
        let refused = bearer.get(app.url("/api/v1/me")).bearer_auth(&token).send().await.unwrap();
        assert_eq!(refused.status(), 401);
        assert_eq!(json(refused).await["error"]["code"], "invalid_token");

        for forged in ["rh_nope", "Basic abc", "", "rh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"] {
            let response = bearer
                .get(app.url("/api/v1/me"))
                .header("Authorization", format!("Bearer {forged}"))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 401, "{forged}");
        }
        let again = client
            .delete(app.url(&format!("/api/v1/me/tokens/{id}")))
            .header("X-CSRF-Token", &csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 404);
    }

    async fn tokens_are_managed_on_the_account_page(app: TestApp) {
        let (_, client) = app.logged_in("candidate").await;
        let response = app
            .post_form(&client, "/account", "/account/tokens", &[("name", "my laptop")])
            .await;
        assert_eq!(response.status(), 200);
        let html = response.text().await.unwrap();
        assert!(html.contains("will not be shown again"));
        let doc = scraper::Html::parse_document(&html);
        let token = doc
            .select(&scraper::Selector::parse("code").unwrap())
            .map(|c| c.text().collect::<String>())
            .find(|t| t.starts_with("rh_") && t.len() > 40)
            .expect("the new token is shown");
        let bearer = reqwest::Client::new();
        assert_eq!(bearer.get(app.url("/api/v1/me")).bearer_auth(&token).send().await.unwrap().status(), 200);

        // Shown once: the next visit does not show it.
        let later = client.get(app.url("/account")).send().await.unwrap().text().await.unwrap();
        assert!(!later.contains(&token));
        assert!(later.contains("my laptop"));

        let empty = app.post_form(&client, "/account", "/account/tokens", &[("name", "  ")]).await;
        assert_eq!(empty.status(), 422);

        let list = json(bearer.get(app.url("/api/v1/me/tokens")).bearer_auth(&token).send().await.unwrap()).await;
        let id = list["tokens"][0]["id"].as_str().unwrap().to_owned();
        let revoked = app
            .post_form(&client, "/account", &format!("/account/tokens/{id}/revoke"), &[])
            .await;
        assert_eq!(revoked.status(), 303);
        assert_eq!(bearer.get(app.url("/api/v1/me")).bearer_auth(&token).send().await.unwrap().status(), 401);
    }
}
