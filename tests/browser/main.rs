//! End-to-end tests in headless Chromium, driving the real pages of a real
//! server through WebDriver (Debian's chromium + chromium-driver). Each
//! main page is saved as a screenshot under `target/screenshots/` for review.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../api/helpers.rs"]
#[allow(dead_code, unused_macros)]
mod helpers;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use helpers::{note_skip, spawn_app, Backend, PASSWORD};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// A chromedriver process, stopped when the test ends.
struct Driver {
    child: Child,
    port: u16,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts chromedriver, or says why not (and fails under CI=true).
async fn start_browser() -> Option<(Driver, Client)> {
    if !std::path::Path::new(CHROMEDRIVER).exists() {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
        assert!(
            !ci,
            "CI=true but {CHROMEDRIVER} is missing (scripts/setup.sh installs it)"
        );
        note_skip(&format!("{CHROMEDRIVER} is missing; run scripts/setup.sh"));
        return None;
    }
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let profile = tempfile::tempdir().unwrap();
    let driver = Driver {
        child,
        port,
        _profile: profile,
    };
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": CHROMIUM,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                format!("--user-data-dir={}", driver._profile.path().display()),
            ]
        }),
    );
    let url = format!("http://127.0.0.1:{}", driver.port);
    // chromedriver needs a moment to listen.
    for _ in 0..100 {
        match ClientBuilder::native()
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(client) => return Some((driver, client)),
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    panic!("could not connect to chromedriver on {url}");
}

fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn screenshot(browser: &Client, name: &str) {
    let png = browser.screenshot().await.unwrap();
    std::fs::write(screenshot_dir().join(format!("{name}.png")), png).unwrap();
}

async fn fill(browser: &Client, selector: &str, value: &str) {
    let field = browser.find(Locator::Css(selector)).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys(value).await.unwrap();
}

async fn submit(browser: &Client, form: &str) {
    browser
        .find(Locator::Css(&format!("{form} button[type=submit]")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// Waits (up to 10 s) for the page to show `needle`, then returns its text;
/// a click that submits a form returns before the next page has loaded.
async fn wait_for_text(browser: &Client, needle: &str) -> String {
    let mut text = String::new();
    for _ in 0..100 {
        text = body_text(browser).await;
        if text.contains(needle) {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the page never showed {needle:?}; it shows:\n{text}");
}

async fn wait_for_path(browser: &Client, path: &str) {
    for _ in 0..100 {
        if browser.current_url().await.unwrap().path() == path {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("never reached {path}");
}

/// The page's text; empty while a navigation replaces the document.
async fn body_text(browser: &Client) -> String {
    match browser.find(Locator::Css("body")).await {
        Ok(body) => body.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_user_signs_up_edits_the_account_and_logs_back_in() {
    let Some((_driver, browser)) = start_browser().await else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await;
    let email = helpers::unique_email();

    browser.goto(&app.url("/")).await.unwrap();
    screenshot(&browser, "home").await;
    browser
        .find(Locator::LinkText("Sign up"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_path(&browser, "/signup").await;

    // A too-short password: the server's field error, the email kept.
    fill(&browser, "#email", &email).await;
    fill(&browser, "#display_name", "Browser Tester").await;
    // Bypass the browser's own minlength check to see the server's message.
    browser
        .execute(
            "document.getElementById('password').removeAttribute('minlength')",
            vec![],
        )
        .await
        .unwrap();
    fill(&browser, "#password", "short").await;
    submit(&browser, "form[action='/signup']").await;
    wait_for_text(&browser, "at least 10 characters").await;
    let kept = browser
        .find(Locator::Css("#email"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some(email.as_str()));
    screenshot(&browser, "signup-errors").await;

    fill(&browser, "#password", PASSWORD).await;
    submit(&browser, "form[action='/signup']").await;
    // Sign-up does not sign in (it must not tell who has an account); the
    // login form comes back with the email filled in.
    wait_for_text(&browser, "its account is ready").await;
    wait_for_path(&browser, "/login").await;
    let filled = browser
        .find(Locator::Css("#email"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(filled.as_deref(), Some(email.as_str()));
    fill(&browser, "#password", PASSWORD).await;
    submit(&browser, "form[action='/login']").await;
    wait_for_text(&browser, "Browser Tester").await;

    browser.goto(&app.url("/account")).await.unwrap();
    fill(
        &browser,
        "form[action='/account/profile'] input[name=display_name]",
        "Renamed Tester",
    )
    .await;
    submit(&browser, "form[action='/account/profile']").await;
    let text = wait_for_text(&browser, "Your profile has been saved").await;
    assert!(text.contains("Renamed Tester"));
    screenshot(&browser, "account").await;

    submit(&browser, "form[action='/logout']").await;
    wait_for_text(&browser, "You have logged out").await;

    browser.goto(&app.url("/account")).await.unwrap();
    wait_for_path(&browser, "/login").await;
    fill(&browser, "#email", &email).await;
    fill(&browser, "#password", "not the password").await;
    submit(&browser, "form[action='/login']").await;
    wait_for_text(&browser, "email or password is incorrect").await;
    screenshot(&browser, "login-error").await;
    fill(&browser, "#password", PASSWORD).await;
    submit(&browser, "form[action='/login']").await;
    // Back where the login started.
    wait_for_path(&browser, "/account").await;

    browser.goto(&app.url("/admin/users")).await.unwrap();
    wait_for_text(&browser, "do not have permission").await;
    screenshot(&browser, "forbidden").await;
    browser.goto(&app.url("/no/such/page")).await.unwrap();
    wait_for_text(&browser, "Page not found").await;
    screenshot(&browser, "not-found").await;

    browser.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_promotes_a_candidate_on_the_users_page() {
    let Some((_driver, browser)) = start_browser().await else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await;
    let admin = app.new_candidate().await;
    app.set_role_directly(&admin, "admin");
    let candidate = app.new_candidate().await;

    browser.goto(&app.url("/login")).await.unwrap();
    fill(&browser, "#email", &admin).await;
    fill(&browser, "#password", PASSWORD).await;
    submit(&browser, "form[action='/login']").await;
    wait_for_text(&browser, "Admin").await;
    browser
        .find(Locator::LinkText("Admin"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let row = browser
        .find(Locator::XPath(&format!(
            "//tr[td[contains(., '{candidate}')]]"
        )))
        .await
        .unwrap();
    row.find(Locator::Css("select[name=role]"))
        .await
        .unwrap()
        .select_by_value("instructor")
        .await
        .unwrap();
    row.find(Locator::Css("button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&browser, "The role has been changed").await;
    screenshot(&browser, "admin-users").await;
    let row = browser
        .find(Locator::XPath(&format!(
            "//tr[td[contains(., '{candidate}')]]"
        )))
        .await
        .unwrap();
    let selected = row
        .find(Locator::Css("select[name=role]"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(selected.as_deref(), Some("instructor"));
    browser.close().await.unwrap();
}

/// Like `wait_for_text`, for grading that takes a while.
async fn wait_long(browser: &Client, needle: &str, seconds: u64) -> String {
    let mut text = String::new();
    for _ in 0..seconds * 10 {
        text = body_text(browser).await;
        if text.contains(needle) {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the page never showed {needle:?}; it shows:\n{text}");
}

/// Replaces the editor's text by typing, as a person would.
async fn type_in_editor(browser: &Client, text: &str) {
    let editor = browser.find(Locator::Css(".cm-content")).await.unwrap();
    editor.click().await.unwrap();
    // Ctrl+A, then Backspace.
    editor.send_keys("\u{E009}a\u{E000}\u{E003}").await.unwrap();
    editor.send_keys(text).await.unwrap();
}

async fn log_in(browser: &Client, app: &helpers::TestApp, email: &str) {
    browser.goto(&app.url("/login")).await.unwrap();
    fill(browser, "#email", email).await;
    fill(browser, "#password", PASSWORD).await;
    submit(browser, "form[action='/login']").await;
    wait_for_text(browser, "Log out").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_candidate_solves_code_sql_and_design_challenges_and_sees_the_score() {
    let Some((_driver, browser)) = start_browser().await else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await;
    app.import("challenges/two-sum").await;
    app.import("challenges/big-spenders").await;
    app.import("challenges/url-shortener").await;
    let email = app.new_candidate().await;
    log_in(&browser, &app, &email).await;

    // The catalog, then a code challenge.
    browser.goto(&app.url("/challenges")).await.unwrap();
    wait_for_text(&browser, "Two Sum").await;
    screenshot(&browser, "catalog").await;
    browser
        .find(Locator::LinkText("Two Sum"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_path(&browser, "/challenges/two-sum").await;
    browser.find(Locator::Css(".cm-content")).await.unwrap();
    browser
        .find(Locator::Css("#language"))
        .await
        .unwrap()
        .select_by_value("javascript")
        .await
        .unwrap();
    type_in_editor(
        &browser,
        "var twoSum = function(nums, target) { const seen = new Map(); for (let i = 0; i < nums.length; i++) { if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i]; seen.set(nums[i], i); } return []; };",
    )
    .await;
    browser
        .find(Locator::Css("button[data-action=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // Live progress first ("Test k of 11"), then the verdict.
    wait_long(&browser, "of 11", 60).await;
    let text = wait_long(&browser, "100 / 100 points", 120).await;
    assert!(text.contains("Accepted"), "{text}");
    screenshot(&browser, "challenge-result").await;
    // The draft survives a reload.
    browser.refresh().await.unwrap();
    let draft = browser
        .find(Locator::Css(".cm-content"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(draft.contains("new Map()"), "{draft}");

    // SQL.
    browser
        .goto(&app.url("/challenges/big-spenders"))
        .await
        .unwrap();
    wait_for_text(&browser, "Dataset: sample shop").await;
    type_in_editor(
        &browser,
        "SELECT c.name, SUM(i.quantity * i.unit_cents) AS spent_cents FROM customers c JOIN orders o ON o.customer_id = c.id JOIN order_items i ON i.order_id = o.id WHERE o.status IN ('paid', 'shipped') GROUP BY c.id HAVING spent_cents >= 10000 ORDER BY spent_cents DESC, c.name",
    )
    .await;
    screenshot(&browser, "sql-challenge").await;
    browser
        .find(Locator::Css("button[data-action=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_long(&browser, "100 / 100 points", 60).await;

    // System design: the model answer, one field per section.
    browser
        .goto(&app.url("/challenges/url-shortener"))
        .await
        .unwrap();
    let model = std::fs::read_to_string("challenges/url-shortener/answers/model.md").unwrap();
    let answer = rehearse::challenges::model::DesignAnswer::from_markdown(&model).unwrap();
    for (section, text) in &answer.sections {
        fill(&browser, &format!("#section-{}", section.key()), text).await;
    }
    screenshot(&browser, "design-challenge").await;
    submit(&browser, "#workspace form").await;
    let text = wait_long(&browser, "200 / 200 points", 60).await;
    assert!(
        text.contains("Caches hot redirects"),
        "the rubric is explained"
    );
    screenshot(&browser, "design-result").await;

    // The dashboard adds it up; the leaderboard ranks it.
    browser.goto(&app.url("/dashboard")).await.unwrap();
    let text = wait_for_text(&browser, "points of").await;
    assert!(text.contains("400"), "{text}");
    screenshot(&browser, "dashboard").await;
    browser.goto(&app.url("/leaderboard")).await.unwrap();
    wait_for_text(&browser, "Test Candidate").await;
    screenshot(&browser, "leaderboard").await;
    browser.goto(&app.url("/submissions")).await.unwrap();
    wait_for_text(&browser, "Big Spenders").await;
    screenshot(&browser, "submissions").await;
    browser.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instructor_publishes_a_challenge_that_a_candidate_then_solves() {
    let Some((_driver, browser)) = start_browser().await else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await;
    let teacher = app.new_candidate().await;
    app.set_role_directly(&teacher, "instructor");
    log_in(&browser, &app, &teacher).await;

    browser.goto(&app.url("/instructor")).await.unwrap();
    fill(&browser, "#new-slug", "largest-value").await;
    submit(&browser, "form[action='/instructor/drafts']").await;
    wait_for_path(&browser, "/instructor/drafts/largest-value").await;
    // Rename it in its manifest, then check.
    let manifest = browser
        .find(Locator::XPath(
            "//fieldset[.//input[@value='challenge.toml']]//textarea",
        ))
        .await
        .unwrap();
    let text = manifest.prop("value").await.unwrap().unwrap_or_default();
    manifest.clear().await.unwrap();
    manifest
        .send_keys(&text.replace("New challenge", "Largest Value"))
        .await
        .unwrap();
    browser
        .find(Locator::Css("button[value=check]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_long(&browser, "Every check passed", 60).await;
    screenshot(&browser, "instructor-draft").await;
    browser
        .find(Locator::Css("button[value=publish]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_long(&browser, "Largest Value", 60).await;
    wait_for_path(&browser, "/challenges/largest-value").await;
    browser.goto(&app.url("/instructor")).await.unwrap();
    wait_for_text(&browser, "v1 published").await;
    screenshot(&browser, "instructor").await;
    submit(&browser, "form[action='/logout']").await;
    wait_for_text(&browser, "You have logged out").await;

    // A candidate finds it and solves it.
    let candidate = app.new_candidate().await;
    log_in(&browser, &app, &candidate).await;
    browser.goto(&app.url("/challenges")).await.unwrap();
    browser
        .find(Locator::LinkText("Largest Value"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_path(&browser, "/challenges/largest-value").await;
    browser
        .find(Locator::Css("#language"))
        .await
        .unwrap()
        .select_by_value("javascript")
        .await
        .unwrap();
    type_in_editor(
        &browser,
        "var largest = function(nums) { return Math.max(...nums); };",
    )
    .await;
    browser
        .find(Locator::Css("button[data-action=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_long(&browser, "100 / 100 points", 60).await;
    browser.close().await.unwrap();
}
