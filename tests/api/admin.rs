use serde_json::json;

use crate::helpers::*;
use crate::on_both_backends;

async fn user_id(app: &TestApp, email: &str) -> String {
    let (client, _) = app.api_session(email).await;
    json(client.get(app.url("/api/v1/me")).send().await.unwrap()).await["user"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

on_both_backends! {
    async fn candidates_and_instructors_get_403_from_admin_routes(app: TestApp) {
        for role in ["candidate", "instructor"] {
            let (_, client) = app.logged_in(role).await;
            let page = client.get(app.url("/admin/users")).send().await.unwrap();
            assert_eq!(page.status(), 403, "{role}");
            assert!(page.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
            assert!(page.text().await.unwrap().contains("do not have permission"));
            let api = client.get(app.url("/api/v1/admin/users")).send().await.unwrap();
            assert_eq!(api.status(), 403, "{role}");
            assert_eq!(json(api).await["error"]["code"], "forbidden");
        }
        let anonymous = browser();
        assert_eq!(anonymous.get(app.url("/api/v1/admin/users")).send().await.unwrap().status(), 401);
        assert_eq!(anonymous.get(app.url("/admin/users")).send().await.unwrap().status(), 303);
    }

    async fn admin_lists_users_and_changes_roles_on_the_page(app: TestApp) {
        let (_, admin) = app.logged_in("admin").await;
        let candidate = app.new_candidate().await;
        let (candidate_browser, _) = app.api_session(&candidate).await;
        assert_eq!(candidate_browser.get(app.url("/admin/users")).send().await.unwrap().status(), 403);

        let page = admin.get(app.url("/admin/users")).send().await.unwrap();
        assert_eq!(page.status(), 200);
        let html = page.text().await.unwrap();
        assert!(html.contains(&candidate));
        assert!(html.contains("2 users"), "{html}");

        let id = user_id(&app, &candidate).await;
        let response = app
            .post_form(&admin, "/admin/users", &format!("/admin/users/{id}/role"), &[("role", "admin")])
            .await;
        assert_eq!(response.status(), 303);
        // The change applies to the candidate's existing session at once.
        assert_eq!(candidate_browser.get(app.url("/admin/users")).send().await.unwrap().status(), 200);

        let response = app
            .post_form(&admin, "/admin/users", &format!("/admin/users/{id}/role"), &[("role", "superuser")])
            .await;
        assert_eq!(response.status(), 422);
        assert!(response.text().await.unwrap().contains("Unknown role"));
    }

    async fn admin_api_lists_pages_and_changes_roles(app: TestApp) {
        let (admin_email, _) = app.logged_in("admin").await;
        let target = app.new_candidate().await;
        let (admin, csrf) = app.api_session(&admin_email).await;
        let list = json(admin.get(app.url("/api/v1/admin/users?per_page=1&page=2")).send().await.unwrap()).await;
        assert_eq!(list["total"], 2);
        assert_eq!(list["users"].as_array().unwrap().len(), 1);
        assert_eq!(list["users"][0]["email"], target);

        let id = list["users"][0]["id"].as_str().unwrap().to_owned();
        let response = admin
            .patch(app.url(&format!("/api/v1/admin/users/{id}")))
            .header("X-CSRF-Token", &csrf)
            .json(&json!({ "role": "instructor" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(json(response).await["user"]["role"], "instructor");

        let missing = admin
            .patch(app.url(&format!("/api/v1/admin/users/{}", uuid::Uuid::now_v7())))
            .header("X-CSRF-Token", &csrf)
            .json(&json!({ "role": "instructor" }))
            .send()
            .await
            .unwrap();
        assert_eq!(missing.status(), 404);
        let garbage = admin
            .patch(app.url("/api/v1/admin/users/not-a-uuid"))
            .header("X-CSRF-Token", &csrf)
            .json(&json!({ "role": "instructor" }))
            .send()
            .await
            .unwrap();
        assert_eq!(garbage.status(), 404);
        let bad_page = admin.get(app.url("/api/v1/admin/users?page=abc")).send().await.unwrap();
        assert_eq!(bad_page.status(), 400);
        assert_eq!(json(bad_page).await["error"]["code"], "bad_request");
    }

    async fn the_last_admin_cannot_be_demoted(app: TestApp) {
        let (admin_email, _) = app.logged_in("admin").await;
        let (admin, csrf) = app.api_session(&admin_email).await;
        let id = user_id(&app, &admin_email).await;
        let response = admin
            .patch(app.url(&format!("/api/v1/admin/users/{id}")))
            .header("X-CSRF-Token", &csrf)
            .json(&json!({ "role": "candidate" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 409);
        assert_eq!(json(response).await["error"]["code"], "last_admin");
        assert_eq!(admin.get(app.url("/api/v1/admin/users")).send().await.unwrap().status(), 200);

        // With a second admin, the first may step down, and loses access at once.
        let (second, _) = app.logged_in("admin").await;
        assert!(!second.is_empty());
        let response = admin
            .patch(app.url(&format!("/api/v1/admin/users/{id}")))
            .header("X-CSRF-Token", &csrf)
            .json(&json!({ "role": "candidate" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(admin.get(app.url("/api/v1/admin/users")).send().await.unwrap().status(), 403);
    }
}
