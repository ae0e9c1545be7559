use crate::helpers::*;
use crate::on_both_backends;

on_both_backends! {
    async fn api_signup_creates_a_candidate(app: TestApp) {
        let email = unique_email();
        let response = app.api_signup(&format!("  {}  ", email.to_uppercase()), " Ada Lovelace ", PASSWORD).await;
        assert_eq!(response.status(), 202);
        let client = browser();
        assert_eq!(app.api_login(&client, &email, PASSWORD).await.status(), 200);
        let me = json(client.get(app.url("/api/v1/me")).send().await.unwrap()).await;
        assert_eq!(me["user"]["email"], email, "email is normalised");
        assert_eq!(me["user"]["display_name"], "Ada Lovelace");
        assert_eq!(me["user"]["role"], "candidate");
        assert!(me["user"].get("password_hash").is_none());
    }

    async fn a_registered_email_gets_the_same_answer_and_stays_unchanged(app: TestApp) {
        let email = app.new_candidate().await;
        let fresh = app.api_signup(&unique_email(), "Someone", "another password").await;
        let taken = app.api_signup(&email.to_uppercase(), "Someone Else", "another password").await;
        // Nothing tells the two apart: status, headers that matter, body.
        assert_eq!(taken.status(), fresh.status());
        assert_eq!(taken.headers().get("set-cookie"), fresh.headers().get("set-cookie"));
        assert_eq!(json(taken).await, json(fresh).await);
        // The account kept its password and name.
        let client = browser();
        assert_eq!(app.api_login(&client, &email, "another password").await.status(), 401);
        assert_eq!(app.api_login(&client, &email, PASSWORD).await.status(), 200);
        let me = json(client.get(app.url("/api/v1/me")).send().await.unwrap()).await;
        assert_eq!(me["user"]["display_name"], "Test Candidate");
    }

    async fn invalid_fields_are_named(app: TestApp) {
        let cases = [
            ("not-an-email", "Name", PASSWORD, "email"),
            (&unique_email(), "", PASSWORD, "display_name"),
            (&unique_email(), "Name", "nine char", "password"),
            (&unique_email(), "Name", &"x".repeat(257), "password"),
        ];
        for (email, name, password, field) in cases {
            let response = app.api_signup(email, name, password).await;
            assert_eq!(response.status(), 422, "{field}");
            let body = json(response).await;
            assert_eq!(body["error"]["code"], "validation_failed");
            assert_eq!(body["error"]["field"], field);
            assert!(!body["error"]["message"].as_str().unwrap().is_empty());
        }
        // Boundaries: exactly 10 and 256 characters are fine.
        assert_eq!(app.api_signup(&unique_email(), "Ten", "0123456789").await.status(), 202);
        assert_eq!(app.api_signup(&unique_email(), "Max", &"y".repeat(256)).await.status(), 202);
    }

    async fn every_invalid_field_is_reported_at_once(app: TestApp) {
        let body = json(app.api_signup("bad", "", "short").await).await;
        let fields: Vec<_> = body["error"]["details"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["field"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(fields, ["email", "display_name", "password"]);
    }

    async fn signup_form_sends_the_new_user_to_sign_in(app: TestApp) {
        let client = browser();
        let email = unique_email();
        let response = app
            .post_form(&client, "/signup", "/signup", &[
                ("email", &email),
                ("display_name", "Grace Hopper"),
                ("password", PASSWORD),
            ])
            .await;
        assert_eq!(response.status(), 303);
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        assert!(location.starts_with("/login?email="), "{location}");
        let login = client.get(app.url(&location)).send().await.unwrap().text().await.unwrap();
        assert!(login.contains("its account is ready"), "flash shown: {login}");
        assert!(login.contains(&format!("value=\"{email}\"")), "email filled in: {login}");
        // The flash is shown once.
        let again = client.get(app.url(&location)).send().await.unwrap().text().await.unwrap();
        assert!(!again.contains("its account is ready"));
        let response = app
            .post_form(&client, "/login", "/login", &[("email", &email), ("password", PASSWORD)])
            .await;
        assert_eq!(response.status(), 303);
        let home = client.get(app.url("/")).send().await.unwrap().text().await.unwrap();
        assert!(home.contains("Grace Hopper"), "{home}");
    }

    async fn signup_form_answers_a_registered_email_like_a_new_one(app: TestApp) {
        let taken = app.new_candidate().await;
        let mut locations = Vec::new();
        for email in [taken.to_uppercase(), unique_email().to_uppercase()] {
            let client = browser();
            let response = app
                .post_form(&client, "/signup", "/signup", &[
                    ("email", &email),
                    ("display_name", "Keep Me"),
                    ("password", "a secret password"),
                ])
                .await;
            assert_eq!(response.status(), 303);
            assert!(response.headers().get("set-cookie").is_none_or(|c| !c.to_str().unwrap().contains("rehearse_session")));
            let location = response.headers()["location"].to_str().unwrap().to_owned();
            locations.push(location.replace(&serde_urlencoded::to_string([("email", email.to_lowercase())]).unwrap(), "email=…"));
        }
        assert_eq!(locations[0], locations[1]);
    }

    async fn signup_form_shows_field_errors_and_keeps_input(app: TestApp) {
        let client = browser();
        let response = app
            .post_form(&client, "/signup", "/signup", &[
                ("email", "nope"),
                ("display_name", "Keep Me Too"),
                ("password", "short"),
            ])
            .await;
        assert_eq!(response.status(), 422);
        let html = response.text().await.unwrap();
        assert!(html.contains("not a valid email address"), "{html}");
        assert!(html.contains("at least 10 characters"), "{html}");
        assert!(html.contains("value=\"nope\""), "email kept");
        assert!(html.contains("Keep Me Too"), "display name kept");
        assert!(!html.contains("short"), "password never echoed");
    }

    async fn forms_without_a_valid_csrf_token_are_refused(app: TestApp) {
        let client = browser();
        // Get the CSRF cookie, but send no token.
        client.get(app.url("/signup")).send().await.unwrap();
        let email = unique_email();
        let fields = [("email", email.as_str()), ("display_name", "X"), ("password", PASSWORD)];
        let response = client.post(app.url("/signup")).form(&fields).send().await.unwrap();
        assert_eq!(response.status(), 403);
        assert!(response.text().await.unwrap().contains("reload the page"));

        // A token minted for another browser does not fit this one's cookie.
        let other = browser();
        let foreign = app.csrf_token(&other, "/signup").await;
        let mut forged = fields.to_vec();
        forged.push(("csrf_token", &foreign));
        let response = client.post(app.url("/signup")).form(&forged).send().await.unwrap();
        assert_eq!(response.status(), 403);

        // Nothing was created.
        let login = app.api_login(&browser(), &email, PASSWORD).await;
        assert_eq!(login.status(), 401);
    }
}

#[tokio::test]
async fn sign_ups_are_throttled_per_address() {
    let app = try_spawn_app(Backend::Sqlite, |s| {
        s.signup_ip_burst = 2;
        s.signup_ip_refill_seconds = 3600;
    })
    .await
    .expect("SQLite is always there");
    for _ in 0..2 {
        assert_eq!(
            app.api_signup(&unique_email(), "Bulk", PASSWORD)
                .await
                .status(),
            202
        );
    }
    let refused = app.api_signup(&unique_email(), "Bulk", PASSWORD).await;
    assert_eq!(refused.status(), 429);
    assert!(refused.headers().contains_key("retry-after"));
    let body = json(refused).await;
    assert_eq!(body["error"]["code"], "rate_limited");
}
