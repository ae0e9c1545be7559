//! The workspace follows a person: editor settings and drafts are kept on
//! the server, per user (and per challenge and language for drafts), and
//! bad values are refused naming the field.

use reqwest::Method;
use serde_json::json;

use crate::helpers::*;
use crate::on_both_backends;

on_both_backends! {
    async fn editor_settings_are_kept_per_user_with_sound_defaults(app: TestApp) {
        let alice = app.api_user("candidate").await;
        let bob = app.api_user("candidate").await;
        // Never saved: the defaults, Python indented by 4 as PEP 8 asks.
        let defaults = json(app.api_get(&alice, "/api/v1/me/editor-settings").await).await;
        assert_eq!(defaults["theme"], "system");
        assert_eq!(defaults["indent"]["python"], 4);
        assert_eq!(defaults["indent"]["javascript"], 2);
        assert_eq!(defaults["wrap"], true);

        let saved = app
            .api_send(&alice, Method::PUT, "/api/v1/me/editor-settings",
                &json!({"theme": "dark", "font_size": 16, "keymap": "vim", "indent": {"python": 8}}))
            .await;
        assert_eq!(saved.status(), 200);
        let saved = json(saved).await;
        assert_eq!(saved["theme"], "dark");
        assert_eq!(saved["indent"]["python"], 8);
        assert_eq!(saved["indent"]["rust"], 4, "languages left out keep their default");
        // Read back (another device), and not seen by anyone else.
        let read = json(app.api_get(&alice, "/api/v1/me/editor-settings").await).await;
        assert_eq!(read, saved);
        let other = json(app.api_get(&bob, "/api/v1/me/editor-settings").await).await;
        assert_eq!(other["theme"], "system");

        // A bad value is refused naming its field; what was stored stays.
        let refused = app
            .api_send(&alice, Method::PUT, "/api/v1/me/editor-settings", &json!({"font_size": 300}))
            .await;
        assert_eq!(refused.status(), 422);
        let body = json(refused).await;
        assert_eq!(body["error"]["field"], "font_size");
        assert!(body["error"]["message"].as_str().unwrap().contains("300"), "{body}");
        let refused = app
            .api_send(&alice, Method::PUT, "/api/v1/me/editor-settings", &json!({"theme": "neon"}))
            .await;
        assert_eq!(refused.status(), 422);
        assert_eq!(json(refused).await["error"]["field"], "theme");
        let read = json(app.api_get(&alice, "/api/v1/me/editor-settings").await).await;
        assert_eq!(read, saved);
    }

    async fn drafts_follow_the_user_per_challenge_and_language(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let alice = app.api_user("candidate").await;
        let bob = app.api_user("candidate").await;
        let path = "/api/v1/challenges/sum-list/draft";
        let none = app.api_get(&alice, &format!("{path}?language=python")).await;
        assert_eq!(none.status(), 404);

        let code = "def sumList(nums):\n    total = 0\n";
        let saved = app
            .api_send(&alice, Method::PUT, path, &json!({"language": "python", "source": code}))
            .await;
        assert_eq!(saved.status(), 200);
        let first = json(saved).await;
        assert_eq!(first["source"], code);
        // Saved again: replaced, not duplicated, and newer.
        let newer = format!("{code}    return total\n");
        let second = json(
            app.api_send(&alice, Method::PUT, path, &json!({"language": "python", "source": newer}))
                .await,
        )
        .await;
        assert!(second["updated_at"].as_str() >= first["updated_at"].as_str());
        let read = json(app.api_get(&alice, &format!("{path}?language=python")).await).await;
        assert_eq!(read["source"], newer.as_str());
        // Per language, and per person.
        assert_eq!(app.api_get(&alice, &format!("{path}?language=javascript")).await.status(), 404);
        assert_eq!(app.api_get(&bob, &format!("{path}?language=python")).await.status(), 404);

        // A language the challenge does not take, a NUL byte, an oversized
        // draft, an unknown challenge: each refused, saying which.
        let wrong = app
            .api_send(&alice, Method::PUT, path, &json!({"language": "sql", "source": "select 1"}))
            .await;
        assert_eq!(wrong.status(), 422);
        assert_eq!(json(wrong).await["error"]["field"], "language");
        let nul = app
            .api_send(&alice, Method::PUT, path, &json!({"language": "python", "source": "x = 1\n\u{0}"}))
            .await;
        assert_eq!(nul.status(), 422);
        let body = json(nul).await;
        assert!(body["error"]["message"].as_str().unwrap().contains("Line 2"), "{body}");
        let big = "x".repeat(70 * 1024);
        let too_big = app
            .api_send(&alice, Method::PUT, path, &json!({"language": "python", "source": big}))
            .await;
        assert_eq!(too_big.status(), 422);
        let missing = app
            .api_send(&alice, Method::PUT, "/api/v1/challenges/no-such-thing/draft",
                &json!({"language": "python", "source": "x"}))
            .await;
        assert_eq!(missing.status(), 404);
        // Nothing refused touched the stored draft.
        let read = json(app.api_get(&alice, &format!("{path}?language=python")).await).await;
        assert_eq!(read["source"], newer.as_str());
    }
}
