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
    start_browser_with(&["--window-size=1280,900".to_owned()], None).await
}

/// A browser whose viewport is exactly `width`×`height` CSS pixels, in the
/// light or dark colour scheme. The size comes from chromedriver's device
/// emulation: a headless window cannot be narrower than 500 px. Phones
/// (under 768 px) are emulated as mobile devices, so the page's viewport
/// meta applies as on a real phone.
async fn start_browser_sized(width: u32, height: u32, dark: bool) -> Option<(Driver, Client)> {
    let scheme = if dark {
        "--force-dark-mode"
    } else {
        "--blink-settings=preferredColorScheme=1"
    };
    let emulation = serde_json::json!({
        "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0, "mobile": width < 768, "touch": width < 768 }
    });
    start_browser_with(
        &[format!("--window-size={width},{height}"), scheme.to_owned()],
        Some(emulation),
    )
    .await
}

async fn start_browser_with(
    extra_args: &[String],
    mobile_emulation: Option<serde_json::Value>,
) -> Option<(Driver, Client)> {
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
    let mut args: Vec<String> = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    .iter()
    .map(|a| (*a).to_owned())
    .collect();
    args.extend(extra_args.iter().cloned());
    args.push(format!(
        "--user-data-dir={}",
        driver._profile.path().display()
    ));
    let mut options = serde_json::json!({ "binary": CHROMIUM, "args": args });
    if let Some(emulation) = mobile_emulation {
        options["mobileEmulation"] = emulation;
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
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
    let text = wait_long(&browser, "100 of 100 points", 120).await;
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
    wait_long(&browser, "100 of 100 points", 60).await;

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
    let text = wait_long(&browser, "200 of 200 points", 60).await;
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
    wait_long(&browser, "100 of 100 points", 60).await;
    browser.close().await.unwrap();
}

// ------------------------------------------------------------ issue 13:
// every page fits phones and desktops, light and dark; the challenge
// workspace splits, resizes, switches tabs and edits as it should.

/// Runs `script` (a function body; `arguments` holds `args`) in the page.
async fn js(browser: &Client, script: &str) -> serde_json::Value {
    browser
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// Presses and releases one key wherever the focus is (unlike an element's
/// send_keys, this does not move the caret first). Keys are WebDriver code
/// points: Enter is U+E007, Tab U+E004, ArrowLeft/Up/Right/Down U+E012–E015.
async fn press(browser: &Client, key: char) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let keys = KeyActions::new("keyboard".to_owned())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    browser.perform_actions(keys).await.unwrap();
}

/// Waits (up to `seconds`) until `condition` (a JavaScript expression) is true.
async fn wait_until(browser: &Client, condition: &str, seconds: u64, what: &str) {
    let script = format!("return Boolean({condition});");
    for _ in 0..seconds * 10 {
        if browser.execute(&script, vec![]).await.ok() == Some(serde_json::Value::Bool(true)) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    screenshot(browser, "failed-wait").await;
    let text = body_text(browser).await;
    panic!("{what}: `{condition}` never became true; the page shows:\n{text}");
}

/// Waits for the page to be loaded and, on a challenge, for its workspace.
async fn wait_for_page(browser: &Client) {
    wait_until(
        browser,
        "document.readyState === 'complete' && (!document.getElementById('ws') || document.getElementById('ws').classList.contains('is-enhanced')) && (!document.getElementById('editor') || document.querySelector('.cm-editor'))",
        20,
        "the page loads",
    )
    .await;
}

/// GETs `path` from inside the page (with its session) until `check` holds.
async fn poll_api(
    browser: &Client,
    path: &str,
    seconds: u64,
    what: &str,
    check: impl Fn(&serde_json::Value) -> bool,
) {
    let mut last = serde_json::Value::Null;
    for _ in 0..seconds * 4 {
        last = browser
            .execute_async(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0], {credentials: 'same-origin'}).then((r) => r.ok ? r.json() : {status: r.status}).then(done, (e) => done({error: String(e)}));",
                vec![serde_json::Value::String(path.to_owned())],
            )
            .await
            .unwrap();
        if check(&last) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!("{what}: GET {path} answered {last}");
}

/// An API token for a user who already exists (for setting up their data).
async fn token_for(app: &helpers::TestApp, email: &str) -> helpers::ApiUser {
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/auth/token"))
        .json(&serde_json::json!({ "email": email, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201, "token");
    let body: serde_json::Value = response.json().await.unwrap();
    let token = body["token"]["token"]
        .as_str()
        .or_else(|| body["token"].as_str())
        .expect("a token")
        .to_owned();
    helpers::ApiUser { token }
}

const TWO_SUM_JS: &str = "var twoSum = function(nums, target) { const seen = new Map(); for (let i = 0; i < nums.length; i++) { if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i]; seen.set(nums[i], i); } return []; };";

/// Asserts that nothing on the page is wider than the viewport, naming the
/// widest offenders when something is.
async fn assert_fits(browser: &Client, page: &str, size: &str, theme: &str) {
    if let Some(problem) = overflow(browser, page, size, theme).await {
        panic!("{problem}");
    }
}

/// Why the page is wider than the viewport, if it is.
async fn overflow(browser: &Client, page: &str, size: &str, theme: &str) -> Option<String> {
    let report = js(
        browser,
        r#"
        const root = document.documentElement;
        const width = root.clientWidth;
        const wide = [];
        for (const node of document.querySelectorAll('body *')) {
          const r = node.getBoundingClientRect();
          if (r.width > 0 && r.right > width + 0.5) {
            // Only the outermost offender of each branch.
            let p = node.parentElement, inner = false;
            while (p) { if (wide.includes(p)) { inner = true; break; } p = p.parentElement; }
            if (!inner) wide.push(node);
          }
        }
        return {
          scrollWidth: root.scrollWidth, clientWidth: width, innerWidth: window.innerWidth,
          offenders: wide.slice(0, 5).map((n) => `${n.tagName.toLowerCase()}${n.id ? '#' + n.id : ''}.${String(n.className).split(' ').join('.')} right=${Math.round(n.getBoundingClientRect().right)}`),
        };
        "#,
    )
    .await;
    let scroll = report["scrollWidth"].as_f64().unwrap();
    let client = report["clientWidth"].as_f64().unwrap();
    let inner = report["innerWidth"].as_f64().unwrap();
    (scroll > client || scroll > inner).then(|| {
        format!(
            "{page} at {size} ({theme}) overflows sideways: scrollWidth {scroll} > {client}; widest: {}",
            report["offenders"]
        )
    })
}

/// Relative luminance (0 black – 1 white) of a CSS `rgb(…)` colour.
fn luminance(css: &str) -> f64 {
    let parts: Vec<f64> = css
        .trim_start_matches("rgba(")
        .trim_start_matches("rgb(")
        .trim_end_matches(')')
        .split(',')
        .take(3)
        .map(|p| p.trim().parse::<f64>().unwrap_or(0.0) / 255.0)
        .collect();
    0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]
}

async fn editor_background(browser: &Client) -> String {
    js(
        browser,
        "return getComputedStyle(document.querySelector('.cm-editor')).backgroundColor;",
    )
    .await
    .as_str()
    .unwrap()
    .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_main_page_fits_phones_and_desktops_in_light_and_dark() {
    if start_browser().await.is_none() {
        return;
    }
    let app = spawn_app(Backend::Sqlite).await;
    app.import("challenges/two-sum").await;
    app.import("challenges/big-spenders").await;
    app.import("challenges/url-shortener").await;
    // An instructor with an answer, so every page has something to show.
    let email = app.new_candidate().await;
    app.set_role_directly(&email, "instructor");
    let user = token_for(&app, &email).await;
    let queued = helpers::json(
        app.api_post(
            &user,
            "/api/v1/challenges/two-sum/submissions",
            &serde_json::json!({ "language": "javascript", "source": TWO_SUM_JS }),
        )
        .await,
    )
    .await;
    let id = queued["id"].as_str().expect("a submission id").to_owned();
    app.wait_graded(&user, &id).await;
    let submission = format!("/submissions/{id}");
    // A finished mock interview (its report) and a running one (its clock,
    // also shown on the SQL challenge it poses).
    let start = || async {
        let started = helpers::json(
            app.api_post(
                &user,
                "/api/v1/interviews",
                &serde_json::json!({ "format": "data-only" }),
            )
            .await,
        )
        .await;
        started["interview"]["id"]
            .as_str()
            .expect("an interview id")
            .to_owned()
    };
    let ended = start().await;
    app.api_post(
        &user,
        &format!("/api/v1/interviews/{ended}/end"),
        &serde_json::json!({}),
    )
    .await;
    let report = format!("/interviews/{ended}");
    let running = format!("/interviews/{}", start().await);
    // A live room (with notes) and an ended one (its playback).
    let open_room = || async {
        let room = helpers::json(
            app.api_post(
                &user,
                "/api/v1/rooms",
                &serde_json::json!({ "title": "Backend onsite with a long title that has to wrap somewhere", "problems": ["two-sum", "url-shortener"] }),
            )
            .await,
        )
        .await;
        room["room"]["id"].as_str().expect("a room id").to_owned()
    };
    let live_room = open_room().await;
    let ended_room = open_room().await;
    app.api_post(
        &user,
        &format!("/api/v1/rooms/{ended_room}/end"),
        &serde_json::json!({}),
    )
    .await;
    let room = format!("/rooms/{live_room}");
    let playback = format!("/rooms/{ended_room}/playback");
    let peer = helpers::json(
        app.api_post(
            &user,
            "/api/v1/rooms",
            &serde_json::json!({ "title": "Peer practice", "mode": "peer", "problems": ["two-sum", "big-spenders"] }),
        )
        .await,
    )
    .await;
    let peer_room = format!(
        "/rooms/{}",
        peer["room"]["id"].as_str().expect("a peer room")
    );
    let pages = [
        ("home", "/"),
        ("challenges", "/challenges"),
        ("code-challenge", "/challenges/two-sum"),
        ("sql-challenge", "/challenges/big-spenders"),
        ("design-challenge", "/challenges/url-shortener"),
        ("submissions", "/submissions"),
        ("submission", submission.as_str()),
        ("dashboard", "/dashboard"),
        ("leaderboard", "/leaderboard"),
        ("account", "/account"),
        ("instructor", "/instructor"),
        ("interviews", "/interviews"),
        ("interview", running.as_str()),
        ("interview-report", report.as_str()),
        ("rooms", "/rooms"),
        ("room", room.as_str()),
        ("room-playback", playback.as_str()),
        ("room-peer", peer_room.as_str()),
    ];

    // Every page at every size is looked at; the failures are listed together.
    let mut problems = Vec::new();
    for dark in [false, true] {
        let theme = if dark { "dark" } else { "light" };
        for (width, height) in [(1366, 768), (1920, 1080), (390, 844)] {
            let size = format!("{width}x{height}");
            let (_driver, browser) = start_browser_sized(width, height, dark).await.unwrap();
            log_in(&browser, &app, &email).await;
            let viewport = js(&browser, "return [window.innerWidth, window.innerHeight, matchMedia('(prefers-color-scheme: dark)').matches];").await;
            assert_eq!(
                viewport,
                serde_json::json!([width, height, dark]),
                "the emulated screen"
            );
            for (name, path) in pages {
                browser.goto(&app.url(path)).await.unwrap();
                wait_for_page(&browser).await;
                screenshot(&browser, &format!("{name}-{size}-{theme}")).await;
                let title = js(
                    &browser,
                    "return document.querySelector('.error-card') ? document.title : null;",
                )
                .await;
                if !title.is_null() {
                    problems.push(format!(
                        "{name} ({path}) at {size} ({theme}) is an error page: {title}"
                    ));
                }
                problems.extend(overflow(&browser, name, &size, theme).await);
                if name == "code-challenge" || name == "sql-challenge" {
                    // The editor follows the system's scheme ("system" is the default).
                    let background = editor_background(&browser).await;
                    if (luminance(&background) < 0.3) != dark {
                        problems.push(format!(
                            "{name} at {size} ({theme}): the editor's background is {background}"
                        ));
                    }
                }
                if width >= 1024 && name.ends_with("-challenge") {
                    // The workspace fills the screen; the page itself does not scroll.
                    let height = js(
                        &browser,
                        "return [document.documentElement.scrollHeight, window.innerHeight];",
                    )
                    .await;
                    if height[0].as_f64() > height[1].as_f64() {
                        problems.push(format!(
                            "{name} at {size} ({theme}) scrolls vertically: {height}"
                        ));
                    }
                }
            }
            browser.close().await.unwrap();
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The bounding rectangle of the element matching `selector`.
async fn rect(browser: &Client, selector: &str) -> serde_json::Value {
    js(
        browser,
        &format!(
            "const r = document.querySelector({selector:?}).getBoundingClientRect(); return {{left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height}};"
        ),
    )
    .await
}

fn f(value: &serde_json::Value, key: &str) -> f64 {
    value[key].as_f64().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_desktop_workspace_splits_resizes_edits_python_and_grades() {
    let Some((_driver, browser)) = start_browser_sized(1366, 768, false).await else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await;
    app.import("challenges/two-sum").await;
    let email = app.new_candidate().await;
    log_in(&browser, &app, &email).await;
    browser.goto(&app.url("/challenges/two-sum")).await.unwrap();
    wait_for_page(&browser).await;

    // Side by side, both fully on screen, the console under the editor.
    let statement = rect(&browser, "#ws-statement").await;
    let editor = rect(&browser, "#ws-code .cm-editor").await;
    let console = rect(&browser, "#ws-console").await;
    assert!(
        f(&statement, "right") <= f(&editor, "left"),
        "the statement {statement} overlaps the editor {editor}"
    );
    for (name, r) in [
        ("statement", &statement),
        ("editor", &editor),
        ("console", &console),
    ] {
        assert!(
            f(r, "top") >= 0.0 && f(r, "bottom") <= 768.0 && f(r, "width") > 300.0,
            "the {name} is not fully visible: {r}"
        );
    }
    assert!(f(&editor, "width") > 700.0, "the editor is wide: {editor}");
    assert!(
        f(&console, "top") >= f(&editor, "bottom"),
        "the console is under the editor"
    );
    screenshot(&browser, "workspace-split-1366x768").await;

    // The divider is a focusable separator the arrow keys move; it is remembered.
    let divider = browser.find(Locator::Css("#ws-split-v")).await.unwrap();
    assert_eq!(
        divider.attr("role").await.unwrap().as_deref(),
        Some("separator")
    );
    assert_eq!(
        divider.attr("aria-orientation").await.unwrap().as_deref(),
        Some("vertical")
    );
    assert_eq!(
        divider.attr("aria-valuenow").await.unwrap().as_deref(),
        Some("40")
    );
    js(&browser, "document.getElementById('ws-split-v').focus();").await;
    press(&browser, '\u{E014}').await; // ArrowRight
    press(&browser, '\u{E014}').await;
    assert_eq!(
        divider.attr("aria-valuenow").await.unwrap().as_deref(),
        Some("44")
    );
    let wider = rect(&browser, "#ws-statement").await;
    assert!(
        f(&wider, "width") > f(&statement, "width") + 40.0,
        "the statement grew: {statement} → {wider}"
    );
    // The console's divider: ArrowUp gives the console more room.
    let split = browser.find(Locator::Css("#ws-split-h")).await.unwrap();
    assert_eq!(
        split.attr("aria-orientation").await.unwrap().as_deref(),
        Some("horizontal")
    );
    js(&browser, "document.getElementById('ws-split-h').focus();").await;
    press(&browser, '\u{E013}').await; // ArrowUp
    assert_eq!(
        split.attr("aria-valuenow").await.unwrap().as_deref(),
        Some("60")
    );
    let taller = rect(&browser, "#ws-console").await;
    assert!(
        f(&taller, "height") > f(&console, "height") + 5.0,
        "the console grew: {console} → {taller}"
    );
    browser.refresh().await.unwrap();
    wait_for_page(&browser).await;
    let divider = browser.find(Locator::Css("#ws-split-v")).await.unwrap();
    assert_eq!(
        divider.attr("aria-valuenow").await.unwrap().as_deref(),
        Some("44"),
        "remembered"
    );

    // Python: Enter after the starter's `def …:` lines up with its `pass`;
    // Tab indents by 4.
    browser
        .find(Locator::Css("#language"))
        .await
        .unwrap()
        .select_by_value("python")
        .await
        .unwrap();
    let doc = js(
        &browser,
        "return window.rehearseEditor.state.doc.toString();",
    )
    .await;
    let doc = doc.as_str().unwrap().to_owned();
    let def_line = doc
        .lines()
        .position(|l| l.trim_start().starts_with("def "))
        .expect("a def line")
        + 1;
    assert!(
        doc.contains("        pass"),
        "the starter's body is at 8: {doc}"
    );
    js(
        &browser,
        &format!("const v = window.rehearseEditor; v.focus(); v.dispatch({{selection: {{anchor: v.state.doc.line({def_line}).to}}}});"),
    )
    .await;
    press(&browser, '\u{E007}').await; // Enter
    let line = js(
        &browser,
        &format!(
            "return window.rehearseEditor.state.doc.line({}).text;",
            def_line + 1
        ),
    )
    .await;
    assert_eq!(
        line.as_str(),
        Some("        "),
        "Enter after def indents to the body (8 spaces)"
    );
    js(
        &browser,
        "const v = window.rehearseEditor; v.focus(); v.dispatch({changes: {from: 0, to: v.state.doc.length, insert: ''}});",
    )
    .await;
    press(&browser, '\u{E004}').await; // Tab
    let doc = js(
        &browser,
        "return window.rehearseEditor.state.doc.toString();",
    )
    .await;
    assert_eq!(doc.as_str(), Some("    "), "Tab inserts 4 spaces in Python");
    let wraps = js(
        &browser,
        "return document.querySelector('.cm-content').classList.contains('cm-lineWrapping');",
    )
    .await;
    assert_eq!(wraps, serde_json::Value::Bool(true), "long lines wrap");

    // A working solution; its draft reaches the server a second later.
    let solution = std::fs::read_to_string("challenges/two-sum/solutions/hash_map.py").unwrap();
    set_editor_text(&browser, &solution).await;
    poll_api(
        &browser,
        "/api/v1/challenges/two-sum/draft?language=python",
        15,
        "the draft is saved on the server",
        |d| d["source"].as_str().is_some_and(|s| s.contains("seen.get")),
    )
    .await;

    // While grading, Run and Submit are really disabled (checked in the
    // same script as the click, so a fast grader cannot race the check).
    let busy = js(
        &browser,
        r#"
        const run = document.querySelector('button[data-action=run]');
        const submit = document.querySelector('button[data-action=submit]');
        run.click();
        return {run: run.disabled, submit: submit.disabled, busy: run.getAttribute('aria-busy'),
                spinner: Boolean(run.querySelector('.spinner')), cursor: getComputedStyle(submit).cursor,
                opacity: getComputedStyle(submit).opacity};
        "#,
    )
    .await;
    assert_eq!(busy["run"], true, "Run is disabled while grading: {busy}");
    assert_eq!(
        busy["submit"], true,
        "Submit is disabled while grading: {busy}"
    );
    assert_eq!(busy["busy"], "true", "{busy}");
    assert_eq!(busy["spinner"], true, "{busy}");
    assert_eq!(busy["cursor"], "not-allowed", "{busy}");
    assert!(
        busy["opacity"].as_str().unwrap().parse::<f64>().unwrap() < 0.8,
        "{busy}"
    );
    screenshot(&browser, "workspace-grading-1366x768").await;
    wait_until(
        &browser,
        "!document.querySelector('button[data-action=run]').disabled && document.querySelector('#results .result-summary')",
        120,
        "the run ends and the buttons come back",
    )
    .await;
    let text = body_text(&browser).await;
    assert!(text.contains("Accepted"), "{text}");
    assert_eq!(
        js(
            &browser,
            "return document.querySelector('button[data-action=run]').getAttribute('aria-busy');"
        )
        .await,
        serde_json::Value::Null
    );

    // Custom input: the samples are prefilled; a case of one's own runs
    // alone and shows expected and actual side by side.
    browser
        .find(Locator::Id("console-tab-custom"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let options = body_text(&browser).await;
    assert!(
        options.contains("example 1"),
        "the samples are cases: {options}"
    );
    browser
        .find(Locator::Css("button.case-add, .case-side button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    fill(&browser, "#case-input", "nums = [3, 2, 4]\ntarget = 6").await;
    let target = browser
        .find(Locator::Id("run-target"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(target.contains("Case 1"), "Run says what it runs: {target}");
    browser
        .find(Locator::Css("button[data-action=run]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(
        &browser,
        "document.querySelector('.case-result .compare')",
        120,
        "the custom run's comparison",
    )
    .await;
    // (The labels are upper-cased by CSS, which the page's text follows.)
    let compare = browser
        .find(Locator::Css(".case-result"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .to_lowercase();
    assert!(
        compare.contains("expected")
            && compare.contains("your output")
            && compare.contains("accepted"),
        "{compare}"
    );
    screenshot(&browser, "workspace-custom-input-1366x768").await;

    // Past answers: two runs, opened and compared.
    browser
        .find(Locator::Id("console-tab-history"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(
        &browser,
        "document.querySelectorAll('.history-item').length >= 2",
        20,
        "the runs are listed",
    )
    .await;
    browser
        .find(Locator::Css(".history-item .history-open"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(
        &browser,
        "document.querySelector('.history-code .cm-editor')",
        20,
        "a run's code opens",
    )
    .await;
    js(&browser, "document.querySelectorAll('.history-item input[type=checkbox]').forEach((c, i) => { if (i < 2) c.click(); });").await;
    browser
        .find(Locator::XPath("//button[contains(., 'Compare')]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(
        &browser,
        "document.querySelector('.history-diff')",
        20,
        "the diff shows",
    )
    .await;
    screenshot(&browser, "workspace-history-diff-1366x768").await;

    // The dark setting turns the editor dark at once, and is kept on the server.
    browser
        .find(Locator::Id("editor-settings-button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser
        .find(Locator::Id("setting-theme"))
        .await
        .unwrap()
        .select_by_value("dark")
        .await
        .unwrap();
    let background = editor_background(&browser).await;
    assert!(luminance(&background) < 0.3, "a dark editor: {background}");
    browser
        .find(Locator::Id("setting-indent"))
        .await
        .unwrap()
        .select_by_value("2")
        .await
        .unwrap();
    poll_api(
        &browser,
        "/api/v1/me/editor-settings",
        15,
        "the settings are saved on the server",
        |s| s["theme"] == "dark" && s["indent"]["python"] == 2,
    )
    .await;
    screenshot(&browser, "workspace-settings-dark-1366x768").await;
    // Font size and key map apply at once, without a reload.
    browser
        .find(Locator::Id("setting-font-size"))
        .await
        .unwrap()
        .select_by_value("18")
        .await
        .unwrap();
    assert_eq!(
        js(
            &browser,
            "return getComputedStyle(document.querySelector('.cm-content')).fontSize;"
        )
        .await,
        "18px"
    );
    for (keymap, marker) in [("vim", ".cm-vim-panel"), ("emacs", ".cm-editor")] {
        browser
            .find(Locator::Id("setting-keymap"))
            .await
            .unwrap()
            .select_by_value(keymap)
            .await
            .unwrap();
        wait_until(
            &browser,
            &format!("document.querySelector('{marker}')"),
            5,
            keymap,
        )
        .await;
    }
    assert_eq!(
        js(
            &browser,
            "return document.querySelector('.cm-vim-panel') === null;"
        )
        .await,
        true,
        "leaving Vim removes its status line"
    );
    browser
        .find(Locator::Id("setting-keymap"))
        .await
        .unwrap()
        .select_by_value("standard")
        .await
        .unwrap();
    browser.refresh().await.unwrap();
    wait_for_page(&browser).await;
    let background = editor_background(&browser).await;
    assert!(
        luminance(&background) < 0.3,
        "still dark after a reload: {background}"
    );
    browser.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_phone_workspace_shows_one_pane_at_a_time_behind_tabs() {
    let Some((_driver, browser)) = start_browser_sized(390, 844, false).await else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await;
    app.import("challenges/two-sum").await;
    let email = app.new_candidate().await;
    log_in(&browser, &app, &email).await;
    browser.goto(&app.url("/challenges/two-sum")).await.unwrap();
    wait_for_page(&browser).await;

    let visible = "return ['ws-statement', 'ws-code', 'ws-console'].filter((id) => document.getElementById(id).getClientRects().length > 0);";
    assert_eq!(
        js(&browser, visible).await,
        serde_json::json!(["ws-statement"])
    );
    let tab = browser.find(Locator::Id("ws-tab-statement")).await.unwrap();
    assert_eq!(tab.attr("role").await.unwrap().as_deref(), Some("tab"));
    assert_eq!(
        tab.attr("aria-selected").await.unwrap().as_deref(),
        Some("true")
    );
    assert_eq!(
        js(
            &browser,
            "return document.getElementById('ws-statement').getAttribute('role');"
        )
        .await,
        "tabpanel"
    );
    screenshot(&browser, "phone-tab-statement-390x844").await;

    browser
        .find(Locator::Id("ws-tab-code"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert_eq!(js(&browser, visible).await, serde_json::json!(["ws-code"]));
    screenshot(&browser, "phone-tab-code-390x844").await;
    // Arrow keys move between the tabs.
    press(&browser, '\u{E014}').await; // ArrowRight
    assert_eq!(
        js(&browser, visible).await,
        serde_json::json!(["ws-console"])
    );
    assert_eq!(
        js(&browser, "return document.activeElement.id;").await,
        "ws-tab-result"
    );
    press(&browser, '\u{E012}').await; // ArrowLeft
    assert_eq!(js(&browser, visible).await, serde_json::json!(["ws-code"]));

    // Run switches to the Result tab by itself.
    browser
        .find(Locator::Css("#language"))
        .await
        .unwrap()
        .select_by_value("javascript")
        .await
        .unwrap();
    set_editor_text(&browser, TWO_SUM_JS).await;
    browser
        .find(Locator::Css("button[data-action=run]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert_eq!(
        js(&browser, visible).await,
        serde_json::json!(["ws-console"])
    );
    wait_until(
        &browser,
        "document.querySelector('#results .result-summary')",
        120,
        "the run's result",
    )
    .await;
    assert_fits(&browser, "code-challenge (result tab)", "390x844", "light").await;
    screenshot(&browser, "phone-tab-result-390x844").await;
    browser.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_catalog_filters_apply_as_they_change() {
    let Some((_driver, browser)) = start_browser().await else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await;
    app.import("challenges/two-sum").await;
    app.import("challenges/big-spenders").await;
    app.import("challenges/url-shortener").await;
    browser.goto(&app.url("/challenges")).await.unwrap();
    wait_for_page(&browser).await;
    let rows = "return Array.from(document.querySelectorAll('#catalog-results tr[data-slug]')).map((r) => r.dataset.slug);";
    assert_eq!(
        js(&browser, rows).await,
        serde_json::json!(["two-sum", "big-spenders", "url-shortener"])
    );
    // With JavaScript the filters need no Apply button.
    assert_eq!(
        js(
            &browser,
            "return document.querySelector('[data-apply]').hidden;"
        )
        .await,
        true
    );
    // Marks the page, so a full reload (which would lose the mark) shows.
    js(&browser, "window.stillHere = true; return null;").await;

    browser
        .find(Locator::Css("#kind"))
        .await
        .unwrap()
        .select_by_value("sql")
        .await
        .unwrap();
    wait_until(
        &browser,
        "document.querySelectorAll('#catalog-results tr[data-slug]').length === 1",
        20,
        "the list to narrow to SQL",
    )
    .await;
    assert_eq!(
        js(&browser, rows).await,
        serde_json::json!(["big-spenders"])
    );
    assert_eq!(
        js(&browser, "return [location.search, document.getElementById('catalog-count').textContent.trim().startsWith('1 challenge '), window.stillHere === true];").await,
        serde_json::json!(["?kind=sql", true, true])
    );

    // Typing in the search box filters after a pause; no match says so.
    browser
        .find(Locator::Css("#kind"))
        .await
        .unwrap()
        .select_by_value("")
        .await
        .unwrap();
    fill(&browser, "#q", "shortener").await;
    wait_until(
        &browser,
        "location.search === '?q=shortener' && document.querySelectorAll('#catalog-results tr[data-slug]').length === 1",
        20,
        "the search to apply",
    )
    .await;
    assert_eq!(
        js(&browser, rows).await,
        serde_json::json!(["url-shortener"])
    );
    fill(&browser, "#q", "no such thing").await;
    wait_for_text(&browser, "No challenge matches these filters.").await;
    assert_eq!(
        js(&browser, "return window.stillHere === true;").await,
        true
    );

    // The address is the filtered page: loading it afresh shows the same.
    browser.refresh().await.unwrap();
    wait_for_page(&browser).await;
    assert_eq!(
        js(&browser, "return [document.getElementById('q').value, document.querySelectorAll('#catalog-results tr[data-slug]').length];").await,
        serde_json::json!(["no such thing", 0])
    );
    browser.close().await.unwrap();
}

const SUM_LIST_PY: &str =
    "class Solution:\n    def sumList(self, nums):\n        return sum(nums)\n";

/// Puts `source` in the editor in one change (as a paste would), so the
/// editor's auto-indent does not re-indent Python typed line by line.
async fn set_editor_text(browser: &Client, source: &str) {
    js(
        browser,
        &format!(
            "const v = window.rehearseEditor; v.dispatch({{changes: {{from: 0, to: v.state.doc.length, insert: {}}}}}); return null;",
            serde_json::Value::String(source.to_owned())
        ),
    )
    .await;
}

/// Starts a mock interview of `format` with its button on /interviews (the
/// page must be open); returns the interview's id.
async fn start_interview(browser: &Client, format: &str) -> String {
    browser
        .find(Locator::Css(&format!(
            "form[action='/interviews'] input[value='{format}'] ~ button"
        )))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(browser, "End the interview now").await;
    let url = browser.current_url().await.unwrap();
    url.path().trim_start_matches("/interviews/").to_owned()
}

/// Writes `source` as Python in the open sum-list workspace and waits
/// until its draft has reached the server (a second after typing stops).
async fn write_python_draft(browser: &Client, source: &str) {
    browser
        .find(Locator::Css("#language"))
        .await
        .unwrap()
        .select_by_value("python")
        .await
        .unwrap();
    set_editor_text(browser, source).await;
    poll_api(
        browser,
        "/api/v1/challenges/sum-list/draft?language=python",
        20,
        "the draft is saved",
        |draft| draft["source"].as_str() == Some(source),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mock_interview_runs_against_the_clock_and_ends_in_a_report() {
    let Some((_driver, browser)) = start_browser().await else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await;
    app.import("tests/packages/sum-list").await;
    let email = app.new_candidate().await;
    let user = token_for(&app, &email).await;
    log_in(&browser, &app, &email).await;

    // Start from the formats page; the problem is only named once started.
    browser.goto(&app.url("/interviews")).await.unwrap();
    wait_for_text(&browser, "Sum screen").await;
    assert!(!body_text(&browser).await.contains("Sum a List"));
    screenshot(&browser, "interviews").await;
    let first = start_interview(&browser, "sum-list-screen").await;
    // The clock counts down live ("19:58 left").
    wait_until(
        &browser,
        "/^1\\d:\\d\\d left$/.test(document.querySelector('.clock').textContent)",
        10,
        "the clock ticks",
    )
    .await;
    screenshot(&browser, "interview-running").await;

    // The problem's workspace shows the same clock.
    browser
        .find(Locator::LinkText("Sum a List"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_page(&browser).await;
    wait_until(
        &browser,
        "document.querySelector('.interview-bar .clock') && /left$/.test(document.querySelector('.interview-bar .clock').textContent)",
        10,
        "the workspace's clock",
    )
    .await;
    assert_eq!(
        js(
            &browser,
            "return document.getElementById('next-challenge');"
        )
        .await,
        serde_json::Value::Null,
        "no next challenge is suggested inside an interview"
    );
    write_python_draft(&browser, SUM_LIST_PY).await;
    screenshot(&browser, "interview-workspace").await;

    // Ending early submits the draft; the report follows once it is graded.
    browser
        .goto(&app.url(&format!("/interviews/{first}")))
        .await
        .unwrap();
    submit(&browser, "form.interview-end").await;
    for _ in 0..120 {
        if body_text(&browser).await.contains("Strong hire") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        browser.refresh().await.unwrap();
    }
    let text = wait_for_text(&browser, "Strong hire").await;
    assert!(text.contains("100 of 100 points"), "{text}");
    assert!(
        text.contains("strong hire from 85 %"),
        "the bands are explained: {text}"
    );
    screenshot(&browser, "interview-report").await;

    // A second one: the deadline passes with the browser closed, and the
    // server submits the draft itself.
    browser.goto(&app.url("/interviews")).await.unwrap();
    let second = start_interview(&browser, "sum-list-screen").await;
    browser
        .goto(&app.url("/challenges/sum-list"))
        .await
        .unwrap();
    wait_for_page(&browser).await;
    write_python_draft(&browser, &SUM_LIST_PY.replace("sum(nums)", "sum(nums) + 0")).await;
    browser.close().await.unwrap();
    app.expire_interview_directly(&second);
    let mut last = serde_json::Value::Null;
    for _ in 0..300 {
        last = helpers::json(
            app.api_get(&user, &format!("/api/v1/interviews/{second}"))
                .await,
        )
        .await;
        if last["interview"]["state"] == "ended" && last["interview"]["report"]["pending"] == false
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(last["interview"]["end_reason"], "deadline", "{last}");
    assert_eq!(last["interview"]["report"]["points"], 100, "{last}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pending_answer_fills_in_on_the_submissions_list_when_graded() {
    let Some((_driver, browser)) = start_browser().await else {
        return;
    };
    // No grading workers yet: the answer waits in the queue.
    let app = helpers::try_spawn_app(Backend::Sqlite, |s| s.workers = Some(0))
        .await
        .unwrap();
    app.import("tests/packages/sum-list").await;
    let email = app.new_candidate().await;
    let user = token_for(&app, &email).await;
    let queued = app
        .api_post(
            &user,
            "/api/v1/challenges/sum-list/submissions",
            &serde_json::json!({ "language": "python", "source": SUM_LIST_PY }),
        )
        .await;
    assert_eq!(queued.status(), 202);
    log_in(&browser, &app, &email).await;
    browser.goto(&app.url("/submissions")).await.unwrap();
    wait_for_page(&browser).await;
    assert!(body_text(&browser).await.contains("Queued"));
    js(&browser, "window.stillHere = true; return null;").await;

    // A worker process starts on the same database and grades it; the row
    // fills in where it is, with no reload.
    let mut settings = helpers::test_settings(&app.database);
    settings.workers = Some(1);
    let _worker = helpers::spawn_on(app.database.clone(), settings).await;
    wait_until(
        &browser,
        "!document.querySelector('tr[data-pending]') && document.querySelector('.outcome-cell').textContent.includes('Accepted')",
        60,
        "the row fills in",
    )
    .await;
    assert_eq!(
        js(&browser, "return [window.stillHere === true, document.querySelector('.points-cell').textContent];").await,
        serde_json::json!([true, "100"])
    );
    browser.close().await.unwrap();
}

/// Types at the end of the room's editor, as a person would.
async fn type_at_end_of_room_editor(browser: &Client, text: &str) {
    let editor = browser
        .find(Locator::Css("#room-code .cm-content"))
        .await
        .unwrap();
    editor.click().await.unwrap();
    // Ctrl+End, then the text.
    editor.send_keys("\u{E009}\u{E010}\u{E000}").await.unwrap();
    editor.send_keys(text).await.unwrap();
}

const ROOM_TEXT: &str = "window.RehearseRoom && window.RehearseRoom.text('code/0/python')";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interviewer_and_a_candidate_share_a_live_room_then_play_it_back() {
    let Some((_driver_a, sam_browser)) = start_browser().await else {
        return;
    };
    let Some((_driver_b, cleo_browser)) = start_browser().await else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await;
    app.import("tests/packages/sum-list").await;
    let sam = app.new_candidate().await;
    app.set_role_directly(&sam, "instructor");
    let cleo = app.new_candidate().await;
    for (email, name) in [(&sam, "Sam Interviewer"), (&cleo, "Cleo Candidate")] {
        let user = token_for(&app, email).await;
        let renamed = reqwest::Client::new()
            .patch(app.url("/api/v1/me"))
            .bearer_auth(&user.token)
            .json(&serde_json::json!({ "display_name": name }))
            .send()
            .await
            .unwrap();
        assert_eq!(renamed.status(), 200);
    }
    log_in(&sam_browser, &app, &sam).await;
    log_in(&cleo_browser, &app, &cleo).await;

    // Sam opens a room on one problem.
    sam_browser.goto(&app.url("/rooms")).await.unwrap();
    wait_for_text(&sam_browser, "Open a room").await;
    fill(&sam_browser, "#room-title", "Onsite with Cleo").await;
    sam_browser
        .find(Locator::Css("#room-problem-1"))
        .await
        .unwrap()
        .select_by_value("sum-list")
        .await
        .unwrap();
    screenshot(&sam_browser, "rooms").await;
    submit(&sam_browser, "form.room-form").await;
    wait_until(&sam_browser, "document.getElementById('room') && document.getElementById('room').dataset.synced === 'true'", 20, "the interviewer's room syncs").await;
    let invite = js(
        &sam_browser,
        "return document.getElementById('invite-link').value;",
    )
    .await;
    let invite = invite.as_str().unwrap().to_owned();
    assert!(
        invite.starts_with(&app.address) && invite.contains("/rooms/join/"),
        "{invite}"
    );

    // Cleo follows the invite and joins as the candidate.
    cleo_browser.goto(&invite).await.unwrap();
    wait_for_text(&cleo_browser, "You join as the candidate").await;
    submit(&cleo_browser, "form[action^='/rooms/join/']").await;
    wait_until(&cleo_browser, "document.getElementById('room') && document.getElementById('room').dataset.synced === 'true'", 20, "the candidate's room syncs").await;
    let room_path = cleo_browser.current_url().await.unwrap().path().to_owned();
    let starter = js(&cleo_browser, &format!("return {ROOM_TEXT};")).await;
    assert!(
        starter.as_str().unwrap().contains("def sumList"),
        "the room opens on the starter code: {starter}"
    );

    // Each sees the other's typing, and the other's cursor.
    type_at_end_of_room_editor(&cleo_browser, "        return sum(nums)").await;
    wait_until(
        &sam_browser,
        &format!("({ROOM_TEXT} || '').includes('return sum(nums)')"),
        10,
        "Sam sees Cleo's typing",
    )
    .await;
    type_at_end_of_room_editor(&sam_browser, "\n# what if nums is empty?").await;
    wait_until(
        &cleo_browser,
        &format!("({ROOM_TEXT} || '').includes('what if nums is empty?')"),
        10,
        "Cleo sees Sam's typing",
    )
    .await;
    wait_until(
        &sam_browser,
        "document.querySelector('#room-code .cm-ySelectionCaret')",
        10,
        "Sam sees Cleo's cursor",
    )
    .await;
    wait_until(
        &cleo_browser,
        "document.querySelector('#room-code .cm-ySelectionCaret')",
        10,
        "Cleo sees Sam's cursor",
    )
    .await;
    let names = js(
        &sam_browser,
        "return document.getElementById('room-people').textContent;",
    )
    .await;
    let names = names.as_str().unwrap();
    assert!(
        names.contains("Sam Interviewer (you)") && names.contains("Cleo Candidate"),
        "{names}"
    );

    // Cleo runs the shared code; the outcome shows in both consoles.
    wait_until(
        &cleo_browser,
        "!document.getElementById('room-run').disabled",
        10,
        "Run is ready",
    )
    .await;
    cleo_browser
        .find(Locator::Css("#room-run"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    for browser in [&sam_browser, &cleo_browser] {
        wait_until(browser, "/Run by Cleo Candidate/.test(document.getElementById('room-console').textContent) && /tests passed|Error|error/.test(document.getElementById('room-console').textContent)", 120, "the run's outcome in the console").await;
    }
    screenshot(&sam_browser, "room-live-interviewer").await;
    screenshot(&cleo_browser, "room-live-candidate").await;

    // Focus time: Sam's cursor leaves Cleo's screen until it ends.
    sam_browser
        .find(Locator::Css("#focus-start"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(&cleo_browser, "!document.getElementById('room-focus').hidden && /interviewer's cursor is hidden/.test(document.getElementById('room-focus').textContent)", 10, "Cleo is told it is focus time").await;
    wait_until(&cleo_browser, "!document.querySelector('#room-code .cm-ySelectionCaret') && !/Sam Interviewer/.test(document.getElementById('room-people').textContent)", 10, "Sam's cursor leaves Cleo's screen").await;
    screenshot(&cleo_browser, "room-focus-time").await;
    sam_browser
        .find(Locator::Css("#focus-end"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(&cleo_browser, "document.getElementById('room-focus').hidden && /Sam Interviewer/.test(document.getElementById('room-people').textContent)", 10, "Sam is back after focus time").await;

    // The drawing board: a diagram as text, drawn as it is typed, shared.
    for browser in [&sam_browser, &cleo_browser] {
        browser
            .find(Locator::Css("#tab-board"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_until(
            browser,
            "document.querySelector('#board-preview svg')",
            30,
            "the board draws its diagram",
        )
        .await;
    }
    let editor = cleo_browser
        .find(Locator::Css("#board-text .cm-content"))
        .await
        .unwrap();
    editor.click().await.unwrap();
    editor
        .send_keys("\u{E009}\u{E010}\u{E000}  api --> cache[(Session cache)]")
        .await
        .unwrap();
    wait_until(
        &sam_browser,
        "/Session cache/.test(document.querySelector('#board-preview svg').textContent)",
        20,
        "Sam's board draws Cleo's addition",
    )
    .await;
    screenshot(&sam_browser, "room-board").await;
    for browser in [&sam_browser, &cleo_browser] {
        browser
            .find(Locator::Css("#tab-code"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }

    // Sam's notes and scorecard save as he types, and never reach Cleo.
    fill(
        &sam_browser,
        "#notes-text",
        "Asked about the empty list unprompted.",
    )
    .await;
    sam_browser
        .find(Locator::Css("#score-communication"))
        .await
        .unwrap()
        .select_by_value("4")
        .await
        .unwrap();
    wait_for_text(&sam_browser, "Saved").await;
    js(
        &sam_browser,
        "document.getElementById('notes').scrollIntoView(); return null;",
    )
    .await;
    screenshot(&sam_browser, "room-scorecard").await;
    cleo_browser.refresh().await.unwrap();
    wait_until(&cleo_browser, "document.getElementById('room') && document.getElementById('room').dataset.synced === 'true'", 20, "the candidate's room syncs again").await;
    let source = cleo_browser.source().await.unwrap();
    assert!(
        !source.contains("empty list unprompted")
            && !source.contains("Scorecard")
            && !source.contains("notes-form"),
        "the candidate's page holds notes"
    );
    poll_api(
        &cleo_browser,
        &format!("/api/v1{room_path}/notes"),
        5,
        "the candidate asks for notes",
        |v| v["status"] == 404,
    )
    .await;

    // A server started afresh on the same database has the same document.
    let text = js(&sam_browser, &format!("return {ROOM_TEXT};")).await;
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    let restarted =
        helpers::spawn_on(app.database.clone(), helpers::test_settings(&app.database)).await;
    cleo_browser.goto(&restarted.url(&room_path)).await.unwrap();
    wait_until(&cleo_browser, "document.getElementById('room') && document.getElementById('room').dataset.synced === 'true'", 20, "the room syncs after a restart").await;
    assert_eq!(
        js(&cleo_browser, &format!("return {ROOM_TEXT};")).await,
        text
    );

    // Sam ends the room; playback ends exactly at the final text.
    sam_browser.goto(&app.url(&room_path)).await.unwrap();
    wait_for_text(&sam_browser, "End the room").await;
    submit(&sam_browser, &format!("form[action='{room_path}/end']")).await;
    wait_for_text(&sam_browser, "The room has ended").await;
    sam_browser
        .goto(&app.url(&format!("{room_path}/playback")))
        .await
        .unwrap();
    wait_until(
        &sam_browser,
        "document.getElementById('playback').dataset.ready === 'true'",
        20,
        "playback loads",
    )
    .await;
    let replayed = js(
        &sam_browser,
        "return document.getElementById('playback-code').textContent;",
    )
    .await;
    assert_eq!(replayed, text, "playback ends at the final text");
    js(&sam_browser, "const s = document.getElementById('playback-scrub'); s.value = 1; s.dispatchEvent(new Event('input')); return null;").await;
    let first = js(
        &sam_browser,
        "return document.getElementById('playback-code').textContent;",
    )
    .await;
    assert_eq!(first, starter, "the first step is the starter code");
    js(&sam_browser, "const s = document.getElementById('playback-scrub'); s.value = s.max; s.dispatchEvent(new Event('input')); return null;").await;
    screenshot(&sam_browser, "room-playback").await;
}
