//! Stored challenges: importing packages on both backends — versions,
//! no-op re-imports, refusals — and the server's start-up import.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rehearse::catalog::{Catalog, Imported};
use rehearse::challenges::model::Spec;
use rehearse::domain::CheckStatus;
use rehearse::grading::Grader;
use rehearse_sandbox::{Sandbox, SandboxConfig};

use crate::helpers::*;
use crate::on_both_backends;

fn grader() -> Grader {
    let config = SandboxConfig {
        cache_dir: PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("api-sandbox-cache"),
        ..SandboxConfig::default()
    };
    Grader::new(Sandbox::new(config).expect("sandbox"))
}

/// A copy of tests/packages/sum-list in a library folder of its own.
fn library_with_sum_list() -> (tempfile::TempDir, PathBuf) {
    let library = tempfile::tempdir().expect("tempdir");
    let dir = library.path().join("sum-list");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packages/sum-list");
    std::fs::create_dir_all(dir.join("solutions")).expect("mkdir");
    for file in [
        "challenge.toml",
        "statement.md",
        "tests.json",
        "solutions/sum.py",
    ] {
        std::fs::copy(source.join(file), dir.join(file)).expect("copy");
    }
    (library, dir)
}

/// Runs one of the catalog's (blocking) package imports on a blocking thread.
async fn on_blocking(
    catalog: &Catalog,
    dir: &Path,
    f: fn(&Catalog, &Path) -> Result<Imported, rehearse::catalog::CatalogError>,
) -> Imported {
    let catalog = catalog.clone();
    let owned = dir.to_path_buf();
    tokio::task::spawn_blocking(move || f(&catalog, &owned))
        .await
        .expect("task")
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

/// Imports the package the strict way: checked first, stored if it passes.
async fn import(catalog: &Catalog, dir: &Path) -> Imported {
    on_blocking(catalog, dir, |c, d| {
        c.import_package(d, &Default::default())
    })
    .await
}

/// Stores the package the start-up way: at once, its check pending.
async fn stage(catalog: &Catalog, dir: &Path) -> Imported {
    on_blocking(catalog, dir, |c, d| c.stage_package(d)).await
}

/// Runs the background check of the current version of sum-list.
async fn check_sum_list(catalog: &Catalog) -> Option<CheckStatus> {
    let record = catalog
        .record(&sum_list())
        .await
        .expect("read")
        .expect("stored");
    let catalog = catalog.clone();
    tokio::task::spawn_blocking(move || {
        catalog.check_version(record.id, record.current_version, &Default::default())
    })
    .await
    .expect("task")
    .expect("check")
}

/// Adds a generated test to the package: a script prints its input, the
/// reference gives the answer.
fn add_generated_test(dir: &Path) {
    std::fs::create_dir_all(dir.join("generators")).expect("mkdir");
    std::fs::write(
        dir.join("generators/count.py"),
        "import json, sys\nn = int(sys.argv[1])\nprint(json.dumps({\"nums\": list(range(n))}))\n",
    )
    .expect("write");
    let tests = std::fs::read_to_string(dir.join("tests.json")).expect("read");
    let tests = tests.trim_end().trim_end_matches(']').trim_end().to_owned()
        + ",\n  {\"name\": \"counted\", \"generate\": [\"generators/count.py\", \"100\"]}\n]\n";
    std::fs::write(dir.join("tests.json"), tests).expect("write");
}

on_both_backends! {
    // Versions saved at once (the start-up import, two instructors
    // publishing) all land: on SQLite the second waits for the first
    // instead of failing with "database is locked".
    async fn packages_stored_at_the_same_moment_all_land(app: TestApp) {
        let catalog = Catalog::new(app.db.clone(), grader());
        let packages = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packages");
        let mut tasks = Vec::new();
        for name in ["sum-list", "even-split", "echo-tokens", "mean-latency", "pick-any", "ten-sums"] {
            let (catalog, dir) = (catalog.clone(), packages.join(name));
            tasks.push(tokio::spawn(async move { stage(&catalog, &dir).await }));
        }
        for task in tasks {
            assert!(matches!(task.await.expect("task"), Imported::Created { version: 1 }));
        }
        assert_eq!(catalog.list().await.expect("list").len(), 6);
    }

    // The start-up import: a package is listed before anything of it runs;
    // its generated tests are made the first time the version is needed,
    // and its solutions are checked after.
    async fn a_staged_package_is_stored_at_once_and_checked_after(app: TestApp) {
        let catalog = Catalog::new(app.db.clone(), grader());
        let (_library, dir) = library_with_sum_list();
        add_generated_test(&dir);
        assert!(matches!(stage(&catalog, &dir).await, Imported::Created { version: 1 }));
        let unsettled = catalog.unsettled_checks().await.expect("checks");
        assert_eq!(unsettled.len(), 1, "{unsettled:?}");
        assert_eq!(unsettled[0].status, CheckStatus::Pending);
        let view = catalog.view(None, &sum_list()).await.expect("view").expect("listed");
        let rehearse::catalog::view::Details::Code(details) = &view.details else {
            panic!("a code challenge");
        };
        assert_eq!(details.tests, 6, "the generated test is counted before it is made");

        let (_, challenge) = catalog.current(&sum_list()).await.expect("read").expect("stored");
        let Spec::Code(spec) = &challenge.spec else { panic!("a code challenge") };
        assert!(spec.generate.is_empty(), "made concrete when first needed");
        let counted = spec.tests.iter().find(|t| t.name == "counted").expect("the generated test");
        assert_eq!(counted.expected, rehearse::challenges::model::Expected::Value(serde_json::json!(4950)));
        // Made once and stored: a fresh catalog reads the concrete tests.
        let fresh = Catalog::new(app.db.clone(), grader());
        let (_, again) = fresh.current(&sum_list()).await.expect("read").expect("stored");
        assert_eq!(again.as_ref(), challenge.as_ref());

        assert_eq!(check_sum_list(&catalog).await, Some(CheckStatus::Passed));
        assert!(catalog.unsettled_checks().await.expect("checks").is_empty());
        // Staging the same files again changes nothing, the check included.
        assert!(matches!(stage(&catalog, &dir).await, Imported::Unchanged { version: 1 }));
        assert!(catalog.unsettled_checks().await.expect("checks").is_empty());
    }

    async fn a_staged_package_whose_solution_fails_stays_listed_and_its_check_says_why(app: TestApp) {
        let catalog = Catalog::new(app.db.clone(), grader());
        let (_library, dir) = library_with_sum_list();
        std::fs::write(dir.join("solutions/sum.py"), "def sumList(nums):\n    return 0\n").expect("edit");
        assert!(matches!(stage(&catalog, &dir).await, Imported::Created { version: 1 }));
        assert_eq!(check_sum_list(&catalog).await, Some(CheckStatus::Failed));
        let unsettled = catalog.unsettled_checks().await.expect("checks");
        assert_eq!(unsettled.len(), 1, "{unsettled:?}");
        assert_eq!(unsettled[0].status, CheckStatus::Failed);
        let result = unsettled[0].result.as_ref().expect("a report");
        let line = result.lines.iter().find(|l| !l.ok).expect("a failing line");
        assert_eq!(line.path, "solutions/sum.py");
        assert_eq!(line.expectation, "must pass");
        assert!(line.outcome.starts_with("Wrong Answer"), "{line:?}");
        // Still in the catalog: a failure is reported, not hidden.
        assert!(catalog.view(None, &sum_list()).await.expect("view").is_some());
    }

    async fn a_changed_package_is_a_new_version_and_an_unchanged_one_a_no_op(app: TestApp) {
        let catalog = Catalog::new(app.db.clone(), grader());
        let (_library, dir) = library_with_sum_list();
        assert!(matches!(import(&catalog, &dir).await, Imported::Created { version: 1 }));
        assert!(matches!(import(&catalog, &dir).await, Imported::Unchanged { version: 1 }));
        std::fs::write(dir.join("statement.md"), "Add up `nums`, all of them.").expect("edit");
        assert!(matches!(import(&catalog, &dir).await, Imported::NewVersion { version: 2 }));
        let (record, challenge) = catalog.current(&sum_list()).await.expect("read").expect("stored");
        assert_eq!(record.current_version, 2);
        assert_eq!(record.kind, rehearse::domain::Kind::Code);
        assert!(record.published, "library challenges are published");
        assert_eq!(challenge.statement, "Add up `nums`, all of them.");
        assert_eq!(catalog.list().await.expect("list").len(), 1);
    }

    async fn a_package_whose_solution_fails_is_refused_and_nothing_is_stored(app: TestApp) {
        let catalog = Catalog::new(app.db.clone(), grader());
        let (_library, dir) = library_with_sum_list();
        std::fs::write(dir.join("solutions/sum.py"), "def sumList(nums):\n    return 0\n").expect("edit");
        let Imported::Refused(check) = import(&catalog, &dir).await else {
            panic!("a failing package must be refused");
        };
        let reasons = rehearse::catalog::describe_refusal(&check);
        assert!(reasons[0].starts_with("sum-list/solutions/sum.py must pass: Wrong Answer"), "{reasons:?}");
        assert!(catalog.current(&sum_list()).await.expect("read").is_none());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_imports_its_library_at_start_up() {
    let (library, _dir) = library_with_sum_list();
    let library_dir = library.path().to_path_buf();
    let app = try_spawn_app(Backend::Sqlite, move |settings| {
        settings.import_library = true;
        settings.library_dir = library_dir;
    })
    .await
    .expect("app");
    // The server answers at once; the import finishes in the background.
    assert_eq!(
        app.client
            .get(app.url("/healthz"))
            .send()
            .await
            .expect("get")
            .status(),
        200
    );
    let catalog = Catalog::new(app.db.clone(), grader());
    for _ in 0..300 {
        if catalog.current(&sum_list()).await.expect("read").is_some() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the library was not imported within 30 s");
}

// A library package whose own solution fails is listed at once and its
// failed check is shown to instructors, beside the challenge and on their
// overview; candidates see the challenge, never the report.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_library_check_is_shown_to_instructors_only() {
    let (library, dir) = library_with_sum_list();
    std::fs::write(
        dir.join("solutions/sum.py"),
        "def sumList(nums):\n    return 0\n",
    )
    .expect("edit");
    let library_dir = library.path().to_path_buf();
    let app = try_spawn_app(Backend::Sqlite, move |settings| {
        settings.import_library = true;
        settings.library_dir = library_dir;
    })
    .await
    .expect("app");
    let (_, instructor) = app.logged_in("instructor").await;
    let mut overview = String::new();
    for _ in 0..600 {
        let response = instructor
            .get(app.url("/instructor"))
            .send()
            .await
            .expect("get");
        overview = response.text().await.expect("body");
        if overview.contains("Solution checks that failed") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        overview.contains("Solution checks that failed"),
        "{overview}"
    );
    assert!(
        overview.contains("sum.py</code> must pass: Wrong Answer"),
        "{overview}"
    );
    let page = instructor
        .get(app.url("/challenges/sum-list"))
        .send()
        .await
        .expect("get");
    let page = page.text().await.expect("body");
    assert!(page.contains("did not pass their check"), "{page}");

    let (_, candidate) = app.logged_in("candidate").await;
    let page = candidate
        .get(app.url("/challenges/sum-list"))
        .send()
        .await
        .expect("get");
    assert_eq!(page.status(), 200);
    let page = page.text().await.expect("body");
    assert!(!page.contains("Instructors only"), "{page}");
    assert!(!page.contains("sum.py"), "{page}");
    let forbidden = candidate
        .get(app.url("/instructor"))
        .send()
        .await
        .expect("get");
    assert_eq!(forbidden.status(), 403);
}

fn sum_list() -> rehearse::challenges::Slug {
    rehearse::challenges::Slug::parse("sum-list").expect("a slug")
}
