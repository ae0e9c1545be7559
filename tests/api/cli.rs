//! The `rehearse` binary's own commands, run as a user would.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::helpers::*;

fn rehearse(database: &TestDatabase) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rehearse"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", database.url())
        .env("REHEARSE_LOG", "warn");
    cmd
}

fn add_user(
    database: &TestDatabase,
    email: &str,
    role: &str,
    password: &str,
) -> std::process::Output {
    let mut child = rehearse(database)
        .args(["user", "add", "--email", email, "--role", role])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{password}\n").as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

async fn admin_created_on_the_command_line_can_log_in(backend: Backend) {
    let Some(database) = TestDatabase::create(backend) else {
        return;
    };
    let migrate = rehearse(&database).arg("migrate").output().unwrap();
    assert!(
        migrate.status.success(),
        "{}",
        String::from_utf8_lossy(&migrate.stderr)
    );

    let output = add_user(&database, "Boss@Example.com", "admin", PASSWORD);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("boss@example.com"));

    let again = add_user(&database, "boss@example.com", "admin", PASSWORD);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));

    let short = add_user(&database, "other@example.com", "admin", "short");
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 10 characters"));

    let bad_role = add_user(&database, "other@example.com", "root", PASSWORD);
    assert!(!bad_role.status.success());
    assert!(String::from_utf8_lossy(&bad_role.stderr).contains("unknown role"));

    let database = std::sync::Arc::new(database);
    let app = spawn_on(database.clone(), test_settings(&database)).await;
    let (client, _) = app.api_session("boss@example.com").await;
    let me = json(client.get(app.url("/api/v1/me")).send().await.unwrap()).await;
    assert_eq!(me["user"]["role"], "admin");
    assert_eq!(
        client
            .get(app.url("/admin/users"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    let demote = rehearse(&database)
        .args([
            "user",
            "set-role",
            "--email",
            "boss@example.com",
            "--role",
            "candidate",
        ])
        .output()
        .unwrap();
    assert!(!demote.status.success(), "the last admin stays admin");
    assert!(String::from_utf8_lossy(&demote.stderr).contains("last admin"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_created_on_the_command_line_can_log_in_sqlite() {
    admin_created_on_the_command_line_can_log_in(Backend::Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_created_on_the_command_line_can_log_in_postgres() {
    admin_created_on_the_command_line_can_log_in(Backend::Postgres).await
}

#[test]
fn every_command_explains_itself() {
    let help = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_rehearse"))
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let serve = help(&["serve", "--help"]);
    for flag in [
        "--bind",
        "--port",
        "--data-dir",
        "REHEARSE_PORT",
        "REHEARSE_BIND",
        "REHEARSE_DATA_DIR",
    ] {
        assert!(serve.contains(flag), "serve --help lacks {flag}:\n{serve}");
    }
    let top = help(&["--help"]);
    for command in ["serve", "migrate", "user"] {
        assert!(top.contains(command), "{top}");
    }
    assert!(help(&["user", "add", "--help"]).contains("--email"));
    assert!(help(&["migrate", "--help"]).contains("migrations"));
}

#[test]
fn a_bad_configuration_is_reported_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rehearse.toml"), "prot = 1\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_rehearse"))
        .current_dir(dir.path())
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("prot"), "{stderr}");
    assert!(
        !dir.path().join("data").exists(),
        "nothing created on a bad configuration"
    );
}

/// `rehearse serve` with no configuration but a data folder: it creates and
/// migrates the SQLite database, serves, and stops cleanly on SIGTERM.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_starts_on_sqlite_and_stops_gracefully_on_sigterm() {
    use std::io::BufRead;

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut child = Command::new(env!("CARGO_BIN_EXE_rehearse"))
        .current_dir(dir.path())
        .env_clear()
        .env("REHEARSE_LOG", "info")
        .args(["serve", "--port", "0", "--data-dir"])
        .arg(&data)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut port = None;
    let mut line = String::new();
    while port.is_none() && stderr.read_line(&mut line).unwrap() > 0 {
        port = line
            .split("listening on http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.trim().split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|p| p.parse::<u16>().ok());
        line.clear();
    }
    let port = port.expect("the server says where it listens");
    assert!(
        data.join("rehearse.db").exists(),
        "SQLite database created under the data folder"
    );
    let health = reqwest::get(format!("http://127.0.0.1:{port}/readyz"))
        .await
        .unwrap();
    assert_eq!(health.status(), 200);

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "exit status {status}; log:\n{rest}");
    assert!(rest.contains("server stopped"), "{rest}");
}

#[test]
fn doctor_lists_every_language_with_its_state() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_rehearse"))
        .args(["doctor", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let table = String::from_utf8(output.stdout).unwrap();
    for language in ["Python", "JavaScript", "SQL", "Rust", "C", "C++"] {
        assert!(
            table.lines().any(|l| l.starts_with(language)),
            "{language} missing:\n{table}"
        );
    }
    // setup installs the compilers, so these are ready with a version.
    let rust = table.lines().find(|l| l.starts_with("Rust")).unwrap();
    assert!(
        rust.contains("ready") && rust.contains("rustc 1."),
        "{rust}"
    );
    let cpp = table.lines().find(|l| l.starts_with("C++")).unwrap();
    assert!(cpp.contains("ready") && cpp.contains("clang"), "{cpp}");
    // The SQL runtime answers for itself, from inside the sandbox.
    let sql = table.lines().find(|l| l.starts_with("SQL")).unwrap();
    assert!(sql.contains("ready") && sql.contains("SQLite 3."), "{sql}");
    let python = table.lines().find(|l| l.starts_with("Python")).unwrap();
    assert!(
        python.contains("ready") && python.contains("Python 3.11"),
        "{python}"
    );
    let js = table.lines().find(|l| l.starts_with("JavaScript")).unwrap();
    assert!(js.contains("ready") && js.contains("QuickJS"), "{js}");
}

mod client {
    use std::io::Write;
    use std::process::{Command, Output, Stdio};

    use crate::helpers::*;

    /// The client side of the binary, with its own config folder.
    fn client(config: &std::path::Path, cwd: &std::path::Path) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rehearse"));
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("XDG_CONFIG_HOME", config)
            .env("REHEARSE_LOG", "warn")
            .current_dir(cwd);
        cmd
    }

    fn run(cmd: &mut Command, stdin: &str) -> Output {
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }

    fn text(output: &Output) -> String {
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn login_list_pull_and_submit_from_the_command_line() {
        let app = spawn_app(Backend::Sqlite).await;
        app.import("tests/packages/sum-list").await;
        let email = app.new_candidate().await;
        let config = tempfile::tempdir().unwrap();
        let work = tempfile::tempdir().unwrap();
        let (config_dir, work_dir) = (config.path().to_path_buf(), work.path().to_path_buf());
        let address = app.address.clone();
        let outputs = tokio::task::spawn_blocking(move || {
            let login = run(
                client(&config_dir, &work_dir).args(["login", &address, "--email", &email]),
                &format!("{PASSWORD}\n"),
            );
            let wrong_password = run(
                client(&config_dir, &work_dir).args(["login", &address, "--email", &email]),
                "nope-nope-nope\n",
            );
            let list = run(client(&config_dir, &work_dir).arg("challenges"), "");
            let pull = run(
                client(&config_dir, &work_dir).args(["pull", "sum-list", "--lang", "python"]),
                "",
            );
            let starter =
                std::fs::read_to_string(work_dir.join("sum-list/solution.py")).unwrap_or_default();
            std::fs::write(
                work_dir.join("sum-list/solution.py"),
                "class Solution:\n    def sumList(self, nums):\n        return sum(nums)\n",
            )
            .unwrap();
            let accepted = run(
                client(&config_dir, &work_dir).args(["submit", "sum-list", "sum-list/solution.py"]),
                "",
            );
            std::fs::write(
                work_dir.join("wrong.py"),
                "def sumList(nums):\n    return 0\n",
            )
            .unwrap();
            let rejected = run(
                client(&config_dir, &work_dir).args(["submit", "sum-list", "wrong.py"]),
                "",
            );
            let unknown = run(
                client(&config_dir, &work_dir).args(["submit", "no-such-challenge", "wrong.py"]),
                "",
            );
            (
                login,
                wrong_password,
                list,
                pull,
                starter,
                accepted,
                rejected,
                unknown,
            )
        })
        .await
        .unwrap();
        let (login, wrong_password, list, pull, starter, accepted, rejected, unknown) = outputs;
        assert!(login.status.success(), "{}", text(&login));
        assert!(text(&login).contains("logged in to"));
        assert!(!wrong_password.status.success());
        assert!(
            text(&wrong_password).contains("401"),
            "{}",
            text(&wrong_password)
        );
        let mode = std::fs::metadata(config.path().join("rehearse/credentials.toml")).unwrap();
        assert_eq!(
            std::os::unix::fs::PermissionsExt::mode(&mode.permissions()) & 0o777,
            0o600
        );
        assert!(text(&list).contains("sum-list"), "{}", text(&list));
        assert!(pull.status.success(), "{}", text(&pull));
        assert!(
            starter.contains("def sumList(self, nums: List[int]) -> int:"),
            "{starter}"
        );
        assert!(
            std::fs::read_to_string(work.path().join("sum-list/statement.md"))
                .unwrap()
                .contains("Sample: small")
        );
        assert!(accepted.status.success(), "{}", text(&accepted));
        assert!(
            text(&accepted).contains("Accepted · 100 of 100 points"),
            "{}",
            text(&accepted)
        );
        assert_eq!(rejected.status.code(), Some(1));
        assert!(
            text(&rejected).contains("Wrong Answer"),
            "{}",
            text(&rejected)
        );
        assert_eq!(unknown.status.code(), Some(1));
        assert!(
            text(&unknown).contains("no challenge `no-such-challenge`"),
            "{}",
            text(&unknown)
        );
    }
}
