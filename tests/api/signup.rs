use crate::helpers::*;
use crate::on_both_backends;

on_both_backends! {
    async fn api_signup_creates_a_candidate(app: TestApp) {
        let email = unique_email();
        let response = app.api_signup(&format!("  {}  ", email.to_uppercase()), " Ada Lovelace ", PASSWORD).await;
        assert_eq!(response.status(), 201);
        let body = json(response).await;
        assert_eq!(body["user"]["email"], email, "email is normalised");
        assert_eq!(body["user"]["display_name"], "Ada Lovelace");
        assert_eq!(body["user"]["role"], "candidate");
        assert!(body["user"].get("password_hash").is_none());
    }

    async fn duplicate_email_in_any_case_is_a_conflict(app: TestApp) {
        let email = app.new_candidate().await;
        let response = app.api_signup(&email.to_uppercase(), "Someone Else", PASSWORD).await;
        assert_eq!(response.status(), 409);
        let body = json(response).await;
        assert_eq!(body["error"]["code"], "email_taken");
        assert_eq!(body["error"]["field"], "email");
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
        assert_eq!(app.api_signup(&unique_email(), "Ten", "0123456789").await.status(), 201);
        assert_eq!(app.api_signup(&unique_email(), "Max", &"y".repeat(256)).await.status(), 201);
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

    async fn signup_form_logs_the_new_user_in(app: TestApp) {
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
        assert_eq!(response.headers()["location"], "/");
        let home = client.get(app.url("/")).send().await.unwrap().text().await.unwrap();
        assert!(home.contains("Welcome back, Grace Hopper"), "{home}");
        assert!(home.contains("Your account is ready"), "flash shown: {home}");
        // The flash is shown once.
        let again = client.get(app.url("/")).send().await.unwrap().text().await.unwrap();
        assert!(!again.contains("Your account is ready"));
    }

    async fn signup_form_shows_field_errors_and_keeps_input(app: TestApp) {
        let client = browser();
        let taken = app.new_candidate().await;
        let response = app
            .post_form(&client, "/signup", "/signup", &[
                ("email", &taken.to_uppercase()),
                ("display_name", "Keep Me"),
                ("password", "a secret password"),
            ])
            .await;
        assert_eq!(response.status(), 409);
        let html = response.text().await.unwrap();
        assert!(html.contains("already exists"), "{html}");
        assert!(html.contains("Keep Me"), "display name kept");
        assert!(!html.contains("a secret password"), "password never echoed");

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
