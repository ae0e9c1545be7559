//! Stored challenges: importing packages on both backends — versions,
//! no-op re-imports, refusals — and the server's start-up import.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rehearse::catalog::{Catalog, Imported};
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

async fn import(catalog: &Catalog, dir: &Path) -> Imported {
    let catalog = catalog.clone();
    let dir = dir.to_path_buf();
    tokio::task::spawn_blocking(move || catalog.import_package(&dir, &Default::default()))
        .await
        .expect("task")
        .expect("import")
}

on_both_backends! {
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

fn sum_list() -> rehearse::challenges::Slug {
    rehearse::challenges::Slug::parse("sum-list").expect("a slug")
}
