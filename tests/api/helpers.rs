//! The test harness: a real server on port 0 against a fresh database,
//! SQLite or PostgreSQL, and one typed helper per endpoint.

use std::sync::atomic::{AtomicU32, Ordering};

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use rehearse::config::Settings;
use rehearse::db::{DatabaseUrl, Db};
use rehearse::startup::Application;
use reqwest::redirect::Policy;
use reqwest::{Client, Response};
use serde_json::{json, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs each listed test once per backend, as `<name>::sqlite` and
/// `<name>::postgres`. The PostgreSQL variant is skipped (with a note) when no
/// server is reachable, and fails instead when `CI=true`.
#[macro_export]
macro_rules! on_both_backends {
    ($(async fn $name:ident($app:ident: TestApp) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                async fn body($app: $crate::helpers::TestApp) $body

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    body($crate::helpers::spawn_app($crate::helpers::Backend::Sqlite).await).await
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    if let Some(app) = $crate::helpers::try_spawn_app($crate::helpers::Backend::Postgres, |_| {}).await {
                        body(app).await
                    }
                }
            }
        )*
    };
}

pub const PASSWORD: &str = "correct horse battery staple";

/// The server PostgreSQL tests use; each test gets its own database on it.
/// Local test databases go without TLS: libpq's TLS is OpenSSL, whose
/// clean-up at process exit races with pool threads still connecting and
/// crashed the test binary after every test had passed (an r2d2 worker
/// segfaulting in OpenSSL's lock; diesel-rs/diesel#3441).
fn postgres_admin_url() -> String {
    std::env::var("REHEARSE_TEST_POSTGRES_URL").unwrap_or_else(|_| {
        "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable".to_owned()
    })
}

/// Notes a test that could not run here: on stderr, and as a line in the
/// file `REHEARSE_SKIP_LOG` names (scripts/test.sh counts those lines into
/// its summary, since cargo shows a passing test's stderr to nobody).
pub fn note_skip(reason: &str) {
    eprintln!("SKIPPED: {reason}");
    if let Ok(path) = std::env::var("REHEARSE_SKIP_LOG") {
        use std::io::Write;
        if let Ok(mut file) = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(path)
        {
            let _ = writeln!(file, "{reason}");
        }
    }
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// A fresh PostgreSQL database, dropped when the test ends.
pub struct PgDatabase {
    admin_url: String,
    pub name: String,
    pub url: String,
}

impl PgDatabase {
    pub fn create() -> Option<Self> {
        let admin_url = postgres_admin_url();
        let mut admin = match PgConnection::establish(&admin_url) {
            Ok(conn) => conn,
            Err(e) => {
                if in_ci() {
                    panic!("CI=true but PostgreSQL at {admin_url} is unreachable: {e}");
                }
                note_skip(&format!("PostgreSQL at {admin_url} is unreachable ({e})"));
                return None;
            }
        };
        let name = format!("rehearse_test_{}", uuid::Uuid::new_v4().simple());
        if let Err(e) = admin.batch_execute(&format!("CREATE DATABASE {name}")) {
            panic!("cannot create test database {name}: {e}");
        }
        // Same server and options (`?sslmode=…`), another database.
        let (path, query) = admin_url.split_once('?').unwrap_or((&admin_url, ""));
        let base = path.rsplit_once('/').map_or(path, |(base, _)| base);
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        };
        Some(Self {
            url: format!("{base}/{name}{query}"),
            admin_url,
            name,
        })
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        if let Ok(mut admin) = PgConnection::establish(&self.admin_url) {
            let _ = admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// Where a test database lives; kept alive as long as the app.
pub enum TestDatabase {
    Sqlite(tempfile::TempDir),
    Postgres(PgDatabase),
}

impl TestDatabase {
    pub fn create(backend: Backend) -> Option<Self> {
        match backend {
            Backend::Sqlite => Some(TestDatabase::Sqlite(
                tempfile::tempdir().expect("temporary directory"),
            )),
            Backend::Postgres => PgDatabase::create().map(TestDatabase::Postgres),
        }
    }

    pub fn url(&self) -> String {
        match self {
            TestDatabase::Sqlite(dir) => dir.path().join("rehearse.db").display().to_string(),
            TestDatabase::Postgres(db) => db.url.clone(),
        }
    }

    pub fn data_dir(&self) -> std::path::PathBuf {
        match self {
            TestDatabase::Sqlite(dir) => dir.path().to_path_buf(),
            TestDatabase::Postgres(_) => std::env::temp_dir(),
        }
    }
}

pub struct TestApp {
    pub address: String,
    /// A browser-like client: keeps cookies, does not follow redirects.
    pub client: Client,
    pub db: Db,
    pub database: std::sync::Arc<TestDatabase>,
}

pub fn test_settings(database: &TestDatabase) -> Settings {
    Settings {
        port: 0,
        data_dir: database.data_dir(),
        database_url: Some(database.url()),
        db_pool_size: 4,
        http_workers: Some(1),
        import_library: false,
        // Formats made for the tests (the bundled ones need the library).
        interviews_dir: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interviews"),
        workers: Some(1),
        // Every test signs its users up from 127.0.0.1.
        signup_ip_burst: 1_000_000,
        ..Settings::default()
    }
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    try_spawn_app(backend, |_| {})
        .await
        .expect("backend available")
}

/// Starts the app on a fresh database with settings adjusted by `configure`.
pub async fn try_spawn_app(
    backend: Backend,
    configure: impl FnOnce(&mut Settings),
) -> Option<TestApp> {
    let database = std::sync::Arc::new(TestDatabase::create(backend)?);
    let mut settings = test_settings(&database);
    configure(&mut settings);
    Some(spawn_on(database, settings).await)
}

/// Starts another app process-alike on an existing database.
pub async fn spawn_on(database: std::sync::Arc<TestDatabase>, settings: Settings) -> TestApp {
    let app = Application::build(settings).await.expect("app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let url = DatabaseUrl::parse(&database.url()).expect("database url");
    let db = Db::connect(&url, 2).expect("test connects to its database");
    TestApp {
        address,
        client: browser(),
        db,
        database,
    }
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A unique email for this test run.
pub fn unique_email() -> String {
    format!(
        "user{}-{}@example.com",
        COUNTER.fetch_add(1, Ordering::Relaxed),
        &uuid::Uuid::new_v4().simple().to_string()[..8]
    )
}

pub fn browser() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .expect("http client")
}

/// Pulls the CSRF token out of a page's forms.
pub fn csrf_from_html(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("input[name=csrf_token]").expect("selector");
    doc.select(&selector)
        .next()
        .and_then(|input| input.value().attr("value"))
        .expect("the page has a form with a CSRF token")
        .to_owned()
}

pub async fn json(response: Response) -> Value {
    response.json().await.expect("JSON body")
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    /// The CSRF token the page at `path` hands to this client.
    pub async fn csrf_token(&self, client: &Client, path: &str) -> String {
        let html = client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
            .text()
            .await
            .expect("body");
        csrf_from_html(&html)
    }

    /// Posts a form as a browser would: fetches `page` for the CSRF token first.
    pub async fn post_form(
        &self,
        client: &Client,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> Response {
        let token = self.csrf_token(client, page).await;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &token));
        client
            .post(self.url(action))
            .form(&form)
            .send()
            .await
            .expect("request")
    }

    pub async fn api_signup(&self, email: &str, display_name: &str, password: &str) -> Response {
        self.client
            .post(self.url("/api/v1/users"))
            .json(&json!({ "email": email, "display_name": display_name, "password": password }))
            .send()
            .await
            .expect("request")
    }

    pub async fn api_login(&self, client: &Client, email: &str, password: &str) -> Response {
        client
            .post(self.url("/api/v1/session"))
            .json(&json!({ "email": email, "password": password }))
            .send()
            .await
            .expect("request")
    }

    /// Signs up a fresh candidate and returns their email.
    pub async fn new_candidate(&self) -> String {
        let email = unique_email();
        let response = self.api_signup(&email, "Test Candidate", PASSWORD).await;
        assert_eq!(
            response.status(),
            202,
            "signup: {}",
            response.text().await.unwrap_or_default()
        );
        email
    }

    /// A new user with `role`, logged in on a fresh browser; returns (email, browser).
    pub async fn logged_in(&self, role: &str) -> (String, Client) {
        let email = self.new_candidate().await;
        if role != "candidate" {
            self.set_role_directly(&email, role);
        }
        let client = browser();
        let response = self.api_login(&client, &email, PASSWORD).await;
        assert_eq!(response.status(), 200);
        (email, client)
    }

    /// Logs in through the API and returns (browser, CSRF token for API writes).
    pub async fn api_session(&self, email: &str) -> (Client, String) {
        let client = browser();
        let body = json(self.api_login(&client, email, PASSWORD).await).await;
        let token = body["csrf_token"].as_str().expect("csrf token").to_owned();
        (client, token)
    }

    /// Changes a role in the database, bypassing the API (test set-up only).
    /// Moves a mock interview's deadline into the past, as if its time had
    /// run out (the closer then ends it within a few seconds).
    pub fn expire_interview_directly(&self, id: &str) {
        use diesel::prelude::*;
        use rehearse::db::schema::timed_sessions;
        let id = id.to_owned();
        let past = (chrono::Utc::now() - chrono::Duration::seconds(1)).naive_utc();
        self.db
            .run_blocking(move |conn| {
                diesel::update(timed_sessions::table.find(id))
                    .set(timed_sessions::deadline.eq(past))
                    .execute(conn)?;
                Ok(())
            })
            .expect("deadline moved");
    }

    pub fn set_role_directly(&self, email: &str, role: &str) {
        use diesel::prelude::*;
        use rehearse::db::schema::users;
        let role = role.to_owned();
        let email = email.to_owned();
        self.db
            .run_blocking(move |conn| {
                diesel::update(users::table.filter(users::email.eq(email)))
                    .set(users::role.eq(role))
                    .execute(conn)?;
                Ok(())
            })
            .expect("role set");
    }
}

/// A grader for tests, its compiled modules cached under the target folder.
pub fn test_grader() -> rehearse::grading::Grader {
    let config = rehearse_sandbox::SandboxConfig {
        cache_dir: std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("api-sandbox-cache"),
        ..rehearse_sandbox::SandboxConfig::default()
    };
    rehearse::grading::Grader::new(rehearse_sandbox::Sandbox::new(config).expect("sandbox"))
}

/// A signed-in API user: their email and bearer token.
pub struct ApiUser {
    pub token: String,
}

impl TestApp {
    /// Imports a package from tests/packages (or the library with
    /// `challenges/<slug>`) into this app's database.
    pub async fn import(&self, package: &str) {
        let catalog = rehearse::catalog::Catalog::new(self.db.clone(), test_grader());
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(package);
        let imported =
            tokio::task::spawn_blocking(move || catalog.import_package(&dir, &Default::default()))
                .await
                .expect("task")
                .expect("import");
        assert!(
            matches!(
                imported,
                rehearse::catalog::Imported::Created { .. }
                    | rehearse::catalog::Imported::Unchanged { .. }
            ),
            "{package}: {imported:?}"
        );
    }

    /// A new user with `role` and an API token.
    pub async fn api_user(&self, role: &str) -> ApiUser {
        let email = self.new_candidate().await;
        if role != "candidate" {
            self.set_role_directly(&email, role);
        }
        let response = reqwest::Client::new()
            .post(self.url("/api/v1/auth/token"))
            .json(&json!({ "email": email, "password": PASSWORD }))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), 201, "token");
        let body = json(response).await;
        let token = body["token"]["token"]
            .as_str()
            .or_else(|| body["token"].as_str())
            .expect("a token in the response")
            .to_owned();
        ApiUser { token }
    }

    pub async fn api_get(&self, user: &ApiUser, path: &str) -> Response {
        reqwest::Client::new()
            .get(self.url(path))
            .bearer_auth(&user.token)
            .send()
            .await
            .expect("request")
    }

    pub async fn api_post(&self, user: &ApiUser, path: &str, body: &Value) -> Response {
        self.api_send(user, reqwest::Method::POST, path, body).await
    }

    pub async fn api_send(
        &self,
        user: &ApiUser,
        method: reqwest::Method,
        path: &str,
        body: &Value,
    ) -> Response {
        reqwest::Client::new()
            .request(method, self.url(path))
            .bearer_auth(&user.token)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// Polls a submission until it is graded (or failed); returns it.
    pub async fn wait_graded(&self, user: &ApiUser, id: &str) -> Value {
        for _ in 0..600 {
            let body = json(
                self.api_get(user, &format!("/api/v1/submissions/{id}"))
                    .await,
            )
            .await;
            let status = body["submission"]["status"]
                .as_str()
                .unwrap_or("")
                .to_owned();
            if status == "done" || status == "failed" {
                return body["submission"].clone();
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("submission {id} was not graded within 60 s");
    }
}
