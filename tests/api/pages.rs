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

mod practice {
    use crate::helpers::*;
    use crate::on_both_backends;

    const RIGHT: &str = "class Solution:\n    def sumList(self, nums):\n        return sum(nums)\n";

    /// Submits through the plain form (no JavaScript) and returns the
    /// submission page's path.
    async fn submit_form(
        app: &TestApp,
        client: &reqwest::Client,
        slug: &str,
        fields: &[(&str, &str)],
    ) -> String {
        let page = format!("/challenges/{slug}");
        let response = app
            .post_form(client, &page, &format!("/challenges/{slug}/submit"), fields)
            .await;
        assert_eq!(
            response.status(),
            303,
            "{}",
            response.text().await.unwrap_or_default()
        );
        response.headers()["location"]
            .to_str()
            .expect("location")
            .to_owned()
    }

    async fn wait_page(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
        for _ in 0..600 {
            let html = client
                .get(app.url(path))
                .send()
                .await
                .expect("get")
                .text()
                .await
                .expect("body");
            if !html.contains("data-status=\"queued\"") && !html.contains("data-status=\"running\"")
            {
                return html;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("{path} was not graded in time");
    }

    on_both_backends! {
        async fn the_catalog_page_lists_and_filters_challenges(app: TestApp) {
            app.import("tests/packages/sum-list").await;
            app.import("challenges/big-spenders").await;
            let html = app.get("/challenges").await.text().await.expect("body");
            assert!(html.contains("href=\"/challenges/sum-list\""), "{html}");
            assert!(html.contains("Big Spenders"));
            let sql_only = app.get("/challenges?kind=sql").await.text().await.expect("body");
            assert!(sql_only.contains("Big Spenders") && !sql_only.contains("Sum a List"));
            assert!(app.get("/challenges?page=2").await.text().await.expect("body").contains("No challenge matches"));
        }

        async fn a_challenge_page_renders_its_statement_safely_with_an_editor_and_samples(app: TestApp) {
            app.import("challenges/two-sum").await;
            let html = app.get("/challenges/two-sum").await.text().await.expect("body");
            assert!(html.contains("<h3>Example 1</h3>"), "markdown is rendered");
            assert!(html.contains("id=\"editor\"") && html.contains("id=\"starters\""));
            assert!(html.contains("def twoSum(self, nums: List[int], target: int) -&gt; List[int]:") || html.contains("twoSum"));
            assert!(html.contains("nums = [4,9,1,7]"), "sample input shown");
            assert!(!html.contains("1000000000, -1000000000"), "hidden tests stay hidden");
            assert!(html.contains("meta name=\"csrf-token\""));
            assert_eq!(app.get("/challenges/nope").await.status(), 404);
        }

        async fn sql_and_design_pages_show_their_data_and_sections(app: TestApp) {
            app.import("challenges/big-spenders").await;
            app.import("challenges/url-shortener").await;
            let sql = app.get("/challenges/big-spenders").await.text().await.expect("body");
            assert!(sql.contains("<caption>customers</caption>") && sql.contains("<td>Grace</td>"), "visible dataset as tables");
            assert!(!sql.contains("Quinn"), "the hidden dataset stays hidden");
            let design = app.get("/challenges/url-shortener").await.text().await.expect("body");
            for section in ["requirements", "estimates", "api", "data_model", "high_level", "deep_dives", "tradeoffs"] {
                assert!(design.contains(&format!("name=\"{section}\"")), "{section}");
            }
        }

        async fn a_submission_made_without_javascript_is_readable_without_it(app: TestApp) {
            app.import("tests/packages/sum-list").await;
            let (_, client) = app.logged_in("candidate").await;
            let path = submit_form(&app, &client, "sum-list", &[("language", "python"), ("source", RIGHT)]).await;
            let html = wait_page(&app, &client, &path).await;
            assert!(html.contains("verdict-accepted"), "{html}");
            assert!(html.contains("100 of 100 points"));
            assert!(html.contains("negative (hidden)"));
            assert!(html.contains("return sum(nums)"), "the code is on the page");
            // Someone else gets nothing.
            let (_, stranger) = app.logged_in("candidate").await;
            assert_eq!(stranger.get(app.url(&path)).send().await.expect("get").status(), 404);
        }

        async fn the_dashboard_and_leaderboard_show_the_points(app: TestApp) {
            app.import("tests/packages/sum-list").await;
            let (_, client) = app.logged_in("candidate").await;
            let path = submit_form(&app, &client, "sum-list", &[("language", "python"), ("source", RIGHT)]).await;
            wait_page(&app, &client, &path).await;
            let html = client.get(app.url("/dashboard")).send().await.expect("get").text().await.expect("body");
            assert!(html.contains("<div class=\"stat-value\">100</div>"), "{html}");
            assert!(html.contains("class=\"chart chart-score\"") && html.contains("class=\"chart chart-calendar\""));
            assert!(html.contains("<title>1 on "), "today's square counts the submission");
            assert!(html.contains("Sum a List"));
            let board = app.get("/leaderboard").await.text().await.expect("body");
            assert!(board.contains("Test Candidate") && board.contains(">100<"), "{board}");
            let month = app.get("/leaderboard?window=30d&skill=arrays-hashing").await.text().await.expect("body");
            assert!(month.contains("Test Candidate"));
            let other_skill = app.get("/leaderboard?skill=graphs").await.text().await.expect("body");
            assert!(other_skill.contains("Nobody has scored here yet"));
            assert_eq!(app.get("/dashboard").await.status(), 303, "the dashboard needs a login");
        }

        async fn the_catalog_numbers_challenges_filters_by_tag_and_picks_one_at_random(app: TestApp) {
            app.import("tests/packages/sum-list").await;
            app.import("challenges/two-sum").await;
            app.import("challenges/big-spenders").await;
            let html = app.get("/challenges").await.text().await.expect("body");
            // Numbered in the order they were added, and listed that way.
            let first = html.find("href=\"/challenges/sum-list\"").expect("sum-list listed");
            let second = html.find("href=\"/challenges/two-sum\"").expect("two-sum listed");
            assert!(first < second, "numbered order");
            assert!(html.contains("<td class=\"num muted\">1</td>"), "{html}");
            // Tags are links to the filtered catalog, and the filter works.
            assert!(html.contains("href=\"/challenges?tag=hash+map\""), "{html}");
            assert!(html.contains("<option value=\"hash map\""), "a tag filter");
            let tagged = app.get("/challenges?tag=hash%20map").await.text().await.expect("body");
            assert!(tagged.contains("Two Sum") && !tagged.contains("Big Spenders"), "{tagged}");
            // A random pick goes straight to a matching challenge.
            let client = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client");
            let picked = client.get(app.url("/challenges?pick=random&kind=sql")).send().await.expect("get");
            assert_eq!(picked.status(), 303);
            assert_eq!(picked.headers()["location"], "/challenges/big-spenders");
            let none = client.get(app.url("/challenges?pick=random&tag=nothing-has-this")).send().await.expect("get");
            assert_eq!(none.status(), 200);
            assert!(none.text().await.expect("body").contains("No challenge matches"));
            // The API documents and answers the same pick.
            let api = json(app.get("/api/v1/challenges?pick=random&kind=code&tag=hash%20map").await).await;
            assert_eq!(api["entries"][0]["slug"], "two-sum");
            assert!(api["entries"][0]["number"].as_u64().is_some());
        }

        async fn a_new_user_is_greeted_with_a_first_challenge_and_a_returning_one_with_the_next(app: TestApp) {
            app.import("tests/packages/sum-list").await;
            app.import("challenges/two-sum").await;
            let (_, client) = app.logged_in("candidate").await;
            let home = client.get(app.url("/")).send().await.expect("get").text().await.expect("body");
            assert!(home.contains("Welcome to Rehearse"), "{home}");
            assert!(!home.contains("Welcome back"), "a new account is not welcomed back");
            assert!(home.contains("Start with Sum a List"), "{home}");
            let path = submit_form(&app, &client, "sum-list", &[("language", "python"), ("source", RIGHT)]).await;
            wait_page(&app, &client, &path).await;
            let home = client.get(app.url("/")).send().await.expect("get").text().await.expect("body");
            assert!(home.contains("Welcome back"), "{home}");
            assert!(home.contains("Continue with Two Sum"), "the solved one is not suggested again: {home}");
            // After a solve, the challenge page offers the next one.
            let page = client.get(app.url("/challenges/sum-list")).send().await.expect("get").text().await.expect("body");
            assert!(page.contains("Next challenge: Two Sum"), "{page}");
            assert!(!page.contains("id=\"next-challenge\" hidden"), "shown once solved");
        }

        async fn refused_form_values_are_explained_beside_their_field(app: TestApp) {
            app.import("challenges/url-shortener").await;
            let (_, teacher) = app.logged_in("instructor").await;
            let response = app
                .post_form(&teacher, "/instructor", "/instructor/drafts", &[("slug", "Bad Slug!"), ("kind", "code")])
                .await;
            assert_eq!(response.status(), 422);
            let html = response.text().await.expect("body");
            assert!(html.contains("class=\"field-error\" id=\"slug-error\""), "{html}");
            assert!(html.contains("value=\"Bad Slug!\""), "the value is kept to be corrected");
            assert!(html.contains("Challenges you author"), "the same page, not an error page");

            let (_, candidate) = app.logged_in("candidate").await;
            let path = submit_form(&app, &candidate, "url-shortener", &[
                ("requirements", "Users shorten links and are redirected quickly. The service must stay available."),
            ]).await;
            let submission = wait_page(&app, &candidate, &path).await;
            // A design answer is scored, not judged.
            assert!(submission.contains("Scored "), "{submission}");
            assert!(!submission.contains("verdict-wrong_answer\">Wrong Answer"), "{submission}");
            let id = path.trim_start_matches("/submissions/");
            let review = format!("/instructor/reviews/{id}");
            let response = app
                .post_form(&teacher, &review, &review, &[("score", "150"), ("comment", "Generous.")])
                .await;
            assert_eq!(response.status(), 422);
            let html = response.text().await.expect("body");
            assert!(html.contains("id=\"score-error\""), "{html}");
            assert!(html.contains("value=\"150\"") && html.contains("Generous."), "the form is kept");
            let response = app
                .post_form(&teacher, &review, &review, &[("score", "55"), ("comment", "Fair.")])
                .await;
            assert_eq!(response.status(), 303);
            let submission = candidate.get(app.url(&path)).send().await.expect("get").text().await.expect("body");
            assert!(submission.contains("Reviewed: 55 %"), "{submission}");
            let list = candidate.get(app.url("/submissions")).send().await.expect("get").text().await.expect("body");
            assert!(list.contains("Reviewed: 55 %"), "{list}");
        }
    }
}
