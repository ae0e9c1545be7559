use diesel::prelude::*;
use rehearse::db::schema::sessions;

use crate::helpers::*;
use crate::on_both_backends;

fn session_cookie(client_response: &reqwest::Response) -> Option<String> {
    client_response
        .cookies()
        .find(|c| c.name() == "rehearse_session")
        .map(|c| c.value().to_owned())
}

on_both_backends! {
    async fn login_sets_a_hardened_session_cookie(app: TestApp) {
        let email = app.new_candidate().await;
        let client = browser();
        let response = app.api_login(&client, &email, PASSWORD).await;
        assert_eq!(response.status(), 200);
        let set_cookie: Vec<_> = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .filter(|v| v.starts_with("rehearse_session="))
            .collect();
        assert_eq!(set_cookie.len(), 1);
        assert!(set_cookie[0].contains("HttpOnly"));
        assert!(set_cookie[0].contains("SameSite=Lax"));
        assert!(!set_cookie[0].contains("Secure"), "no TLS configured");
        let me = json(client.get(app.url("/api/v1/me")).send().await.unwrap()).await;
        assert_eq!(me["user"]["email"], email);
    }

    async fn unknown_email_and_wrong_password_look_the_same(app: TestApp) {
        let email = app.new_candidate().await;
        let wrong = app.api_login(&browser(), &email, "wrong password!").await;
        let unknown = app.api_login(&browser(), &unique_email(), PASSWORD).await;
        let malformed = app.api_login(&browser(), "not an email", PASSWORD).await;
        assert_eq!(wrong.status(), 401);
        assert_eq!(unknown.status(), 401);
        assert_eq!(malformed.status(), 401);
        let (a, b, c) = (json(wrong).await, json(unknown).await, json(malformed).await);
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(a["error"]["code"], "invalid_credentials");
    }

    async fn login_form_redirects_to_next_and_refuses_offsite_targets(app: TestApp) {
        let email = app.new_candidate().await;
        let client = browser();
        let account = client.get(app.url("/account")).send().await.unwrap();
        assert_eq!(account.status(), 303);
        assert_eq!(account.headers()["location"], "/login?next=%2Faccount");

        let response = app
            .post_form(&client, "/login?next=/account", "/login", &[
                ("email", &email), ("password", PASSWORD), ("next", "/account"),
            ])
            .await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/account");

        let other = browser();
        let response = app
            .post_form(&other, "/login", "/login", &[
                ("email", &email), ("password", PASSWORD), ("next", "//evil.example/"),
            ])
            .await;
        assert_eq!(response.headers()["location"], "/");
    }

    async fn login_form_failure_keeps_the_email_only(app: TestApp) {
        let email = app.new_candidate().await;
        let response = app
            .post_form(&browser(), "/login", "/login", &[("email", &email), ("password", "wrong-password-123")])
            .await;
        assert_eq!(response.status(), 401);
        let html = response.text().await.unwrap();
        assert!(html.contains("email or password is incorrect"));
        assert!(html.contains(&email));
        assert!(!html.contains("wrong-password-123"));
    }

    async fn session_id_is_rotated_at_login(app: TestApp) {
        let email = app.new_candidate().await;
        let client = browser();
        let first = session_cookie(&app.api_login(&client, &email, PASSWORD).await).unwrap();
        let second = session_cookie(&app.api_login(&client, &email, PASSWORD).await).unwrap();
        assert_ne!(first, second);
        // The replaced session is gone server-side.
        let old = reqwest::Client::new()
            .get(app.url("/api/v1/me"))
            .header("Cookie", format!("rehearse_session={first}"))
            .send()
            .await
            .unwrap();
        assert_eq!(old.status(), 401);
        assert_eq!(client.get(app.url("/api/v1/me")).send().await.unwrap().status(), 200);
    }

    async fn logout_ends_the_session_on_the_server(app: TestApp) {
        let email = app.new_candidate().await;
        let client = browser();
        // The value an attacker who copied the cookie would hold.
        let cookie = session_cookie(&app.api_login(&client, &email, PASSWORD).await).unwrap();
        let response = app.post_form(&client, "/account", "/logout", &[]).await;
        assert_eq!(response.status(), 303);
        let replay = reqwest::Client::new()
            .get(app.url("/api/v1/me"))
            .header("Cookie", format!("rehearse_session={cookie}"))
            .send()
            .await
            .unwrap();
        assert_eq!(replay.status(), 401, "a copied cookie dies with the logout");
        assert_eq!(client.get(app.url("/api/v1/me")).send().await.unwrap().status(), 401);
    }

    async fn forged_session_cookies_are_anonymous(app: TestApp) {
        for forged in ["garbage", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "../../etc/passwd", ""] {
            let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
            let api = client
                .get(app.url("/api/v1/me"))
                .header("Cookie", format!("rehearse_session={forged}"))
                .send()
                .await
                .unwrap();
            assert_eq!(api.status(), 401, "{forged}");
            let page = client
                .get(app.url("/account"))
                .header("Cookie", format!("rehearse_session={forged}"))
                .send()
                .await
                .unwrap();
            assert_eq!(page.status(), 303, "{forged}");
            let home = client
                .get(app.url("/"))
                .header("Cookie", format!("rehearse_session={forged}"))
                .send()
                .await
                .unwrap();
            assert_eq!(home.status(), 200);
        }
    }

    async fn expired_sessions_are_refused(app: TestApp) {
        let (_, client) = app.logged_in("candidate").await;
        assert_eq!(client.get(app.url("/api/v1/me")).send().await.unwrap().status(), 200);
        let past = (chrono::Utc::now() - chrono::Duration::hours(1)).naive_utc();
        app.db
            .run_blocking(move |conn| {
                diesel::update(sessions::table).set(sessions::expires_at.eq(past)).execute(conn)?;
                Ok(())
            })
            .unwrap();
        assert_eq!(client.get(app.url("/api/v1/me")).send().await.unwrap().status(), 401);
        assert_eq!(client.get(app.url("/account")).send().await.unwrap().status(), 303);
    }
}

mod rate_limit {
    use super::*;

    /// A login as if from `ip` (the app trusts proxy headers in this test).
    async fn login_from(app: &TestApp, ip: &str, email: &str, password: &str) -> reqwest::Response {
        browser()
            .post(app.url("/api/v1/session"))
            .header("X-Forwarded-For", ip)
            .json(&serde_json::json!({ "email": email, "password": password }))
            .send()
            .await
            .unwrap()
    }

    async fn check(backend: Backend) {
        let Some(app) = try_spawn_app(backend, |s| {
            s.trust_proxy_headers = true;
            s.login_account_burst = 3;
            s.login_ip_burst = 5;
            s.login_account_refill_seconds = 3600;
            s.login_ip_refill_seconds = 3600;
        })
        .await
        else {
            return;
        };
        let email = app.new_candidate().await;
        for _ in 0..3 {
            assert_eq!(
                login_from(&app, "10.0.0.1", &email, "wrong password!")
                    .await
                    .status(),
                401
            );
        }
        // That account, from that address, is throttled: even the right password waits.
        let limited = login_from(&app, "10.0.0.1", &email, PASSWORD).await;
        assert_eq!(limited.status(), 429);
        let retry: u64 = limited.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(retry >= 1);
        assert_eq!(json(limited).await["error"]["code"], "rate_limited");

        // The owner, elsewhere, is not locked out by someone else's guesses.
        assert_eq!(
            login_from(&app, "10.0.0.2", &email, PASSWORD)
                .await
                .status(),
            200
        );

        // Successful logins never count: a classroom behind one address.
        for _ in 0..8 {
            assert_eq!(
                login_from(&app, "10.0.0.3", &email, PASSWORD)
                    .await
                    .status(),
                200
            );
        }

        // Failures count per address across accounts (5 here).
        for n in 0..5 {
            let guess = format!("nobody{n}@example.com");
            assert_eq!(
                login_from(&app, "10.0.0.4", &guess, "wrong password!")
                    .await
                    .status(),
                401
            );
        }
        let other = app.new_candidate().await;
        assert_eq!(
            login_from(&app, "10.0.0.4", &other, PASSWORD)
                .await
                .status(),
            429
        );

        // The login form says so too.
        let client = browser();
        let token = app.csrf_token(&client, "/login").await;
        let form = client
            .post(app.url("/login"))
            .header("X-Forwarded-For", "10.0.0.4")
            .form(&[
                ("email", other.as_str()),
                ("password", PASSWORD),
                ("csrf_token", &token),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(form.status(), 429);
        assert!(form
            .text()
            .await
            .unwrap()
            .contains("too many failed attempts"));

        // Wrong current passwords on a password change are throttled like logins.
        let (session, csrf) = app.api_session(&other).await;
        for expected in [422, 422, 422, 429] {
            let response = session
                .put(app.url("/api/v1/me/password"))
                .header("X-CSRF-Token", &csrf)
                .header("X-Forwarded-For", "10.0.0.5")
                .json(&serde_json::json!({ "current_password": "not it at all", "new_password": "a brand new password" }))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), expected);
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        check(Backend::Sqlite).await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        check(Backend::Postgres).await
    }
}
