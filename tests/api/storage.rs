//! Storage behaviour that users rely on without seeing it.

use crate::helpers::*;
use crate::on_both_backends;

on_both_backends! {
    async fn migrations_run_down_and_up_again(app: TestApp) {
        let email = app.new_candidate().await;
        assert!(!email.is_empty());
        let db = app.db.clone();
        let reverted = tokio::task::spawn_blocking(move || {
            let reverted = db.revert_all_migrations().expect("down");
            let applied = db.migrate().expect("up again");
            (reverted, applied.len())
        })
        .await
        .unwrap();
        assert!(reverted.0 >= 1);
        assert_eq!(reverted.0, reverted.1);
        // The schema is back and empty: the old account is gone, a new one works.
        assert_eq!(app.api_signup(&email, "Again", PASSWORD).await.status(), 202);
        assert_eq!(app.api_login(&browser(), &email, PASSWORD).await.status(), 200);
    }

    async fn a_second_server_on_the_same_database_shares_accounts_and_secrets(app: TestApp) {
        let second = spawn_on(app.database.clone(), test_settings(&app.database)).await;
        let email = app.new_candidate().await;
        // Log in on the second server, with a form whose CSRF token the first
        // server issued: both derive it from the one stored secret.
        let client = browser();
        let token = app.csrf_token(&client, "/login").await;
        let cookie_host = reqwest::Url::parse(&second.address).unwrap();
        assert_eq!(cookie_host.host_str(), Some("127.0.0.1"));
        let response = client
            .post(second.url("/login"))
            .form(&[("csrf_token", token.as_str()), ("email", email.as_str()), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "{}", response.text().await.unwrap_or_default());
        // The session works on both.
        assert_eq!(client.get(second.url("/api/v1/me")).send().await.unwrap().status(), 200);
        assert_eq!(client.get(app.url("/api/v1/me")).send().await.unwrap().status(), 200);
    }

    async fn concurrent_signups_with_one_email_create_one_account(app: TestApp) {
        let email = unique_email();
        let mut tasks = Vec::new();
        for _ in 0..6 {
            let client = reqwest::Client::new();
            let url = app.url("/api/v1/users");
            let email = email.clone();
            tasks.push(tokio::spawn(async move {
                client
                    .post(url)
                    .json(&serde_json::json!({ "email": email, "display_name": "Racer", "password": PASSWORD }))
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            }));
        }
        let mut statuses = Vec::new();
        for task in tasks {
            statuses.push(task.await.unwrap());
        }
        // Every one hears the same answer; one account exists.
        assert_eq!(statuses, [202; 6]);
        let accounts = app
            .db
            .run_blocking(move |conn| {
                use diesel::prelude::*;
                use rehearse::db::schema::users;
                Ok(users::table
                    .filter(users::email.eq(&email))
                    .count()
                    .get_result::<i64>(conn)?)
            })
            .unwrap();
        assert_eq!(accounts, 1);
    }
}
