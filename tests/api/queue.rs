//! The grading queue under failure: dead workers, competing workers,
//! restarts, and jobs that keep failing.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use rehearse::catalog::Catalog;
use rehearse::db::jobs::{self, JobState};
use rehearse::worker::{Wake, WorkerPool};
use serde_json::json;

use crate::helpers::*;

const RIGHT: &str = "class Solution:\n    def sumList(self, nums):\n        return sum(nums)\n";

async fn queued(app: &TestApp, user: &ApiUser) -> String {
    let response = app
        .api_post(
            user,
            "/api/v1/challenges/sum-list/submissions",
            &json!({ "language": "python", "source": RIGHT }),
        )
        .await;
    assert_eq!(response.status(), 202);
    json(response).await["id"].as_str().expect("id").to_owned()
}

fn pool(app: &TestApp, name: &str, size: usize) -> WorkerPool {
    let catalog = Catalog::new(app.db.clone(), test_grader());
    WorkerPool::start(catalog, size, name, Arc::new(Wake::default())).expect("workers")
}

/// A worker that claimed a job and died: its lease is already over.
fn claim_and_die(app: &TestApp) -> jobs::ClaimedJob {
    let now = Utc::now();
    app.db
        .run_blocking(|conn| {
            jobs::claim(conn, "dead-worker", now, now - chrono::Duration::seconds(1))
        })
        .expect("claim")
        .expect("a job to claim")
}

fn job_of(app: &TestApp, id: &str) -> jobs::JobStatus {
    let id = rehearse::domain::SubmissionId::parse(id).expect("id");
    app.db
        .run_blocking(|conn| jobs::of_submission(conn, id))
        .expect("job")
        .expect("a job")
}

fn no_workers(settings: &mut rehearse::config::Settings) {
    settings.workers = Some(0);
    settings.pending_submissions = 1000;
    settings.submissions_per_minute = 1000;
}

/// Runs `body` on an app without in-process workers, on both backends.
macro_rules! without_workers {
    ($(async fn $name:ident($app:ident: TestApp) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                async fn body($app: TestApp) $body

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    body(try_spawn_app(Backend::Sqlite, no_workers).await.expect("app")).await
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    if let Some(app) = try_spawn_app(Backend::Postgres, no_workers).await {
                        body(app).await
                    }
                }
            }
        )*
    };
}

without_workers! {
    async fn a_dead_workers_job_is_graded_once_by_the_next_worker(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let user = app.api_user("candidate").await;
        let id = queued(&app, &user).await;
        let dead = claim_and_die(&app);
        assert_eq!(dead.attempts, 1);
        let workers = pool(&app, "rescuer", 1);
        let graded = app.wait_graded(&user, &id).await;
        assert_eq!(graded["verdict"], "accepted");
        let job = job_of(&app, &id);
        assert_eq!((job.state, job.attempts), (JobState::Done, 2));
        assert_eq!(job.lease_owner.as_deref(), Some("rescuer-0"));
        tokio::task::spawn_blocking(move || workers.shutdown()).await.expect("stop");
        // The dead worker coming back cannot overwrite the result.
        let late = app.db.run_blocking(|conn| jobs::renew(conn, dead.id, "dead-worker", Utc::now(), Utc::now())).expect("renew");
        assert!(!late);
    }

    async fn concurrent_claims_never_take_the_same_job_twice(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let user = app.api_user("candidate").await;
        let mut ids = HashSet::new();
        for _ in 0..30 {
            ids.insert(queued(&app, &user).await);
        }
        let db = app.db.clone();
        let claimed: Vec<String> = tokio::task::spawn_blocking(move || {
            std::thread::scope(|scope| {
                let handles: Vec<_> = (0..6)
                    .map(|n| {
                        let db = db.clone();
                        scope.spawn(move || {
                            let mut mine = Vec::new();
                            loop {
                                let now = Utc::now();
                                let until = now + chrono::Duration::seconds(60);
                                let owner = format!("racer-{n}");
                                match db.run_blocking(|conn| jobs::claim(conn, &owner, now, until)).expect("claim") {
                                    Some(job) => mine.push(job.submission_id.to_string()),
                                    None => break mine,
                                }
                            }
                        })
                    })
                    .collect();
                handles.into_iter().flat_map(|h| h.join().expect("thread")).collect()
            })
        })
        .await
        .expect("task");
        let unique: HashSet<String> = claimed.iter().cloned().collect();
        assert_eq!(claimed.len(), 30, "every job claimed exactly once");
        assert_eq!(unique, ids);
    }

    async fn two_worker_pools_grade_every_job_exactly_once(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let user = app.api_user("candidate").await;
        let mut ids = Vec::new();
        for _ in 0..8 {
            ids.push(queued(&app, &user).await);
        }
        let first = pool(&app, "first", 2);
        let second = pool(&app, "second", 2);
        for id in &ids {
            assert_eq!(app.wait_graded(&user, id).await["verdict"], "accepted");
            let job = job_of(&app, id);
            assert_eq!((job.state, job.attempts), (JobState::Done, 1), "graded once, by one worker");
        }
        tokio::task::spawn_blocking(move || {
            first.shutdown();
            second.shutdown();
        })
        .await
        .expect("stop");
    }

    async fn queued_jobs_are_graded_after_a_restart(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let user = app.api_user("candidate").await;
        let mut ids = Vec::new();
        for _ in 0..3 {
            ids.push(queued(&app, &user).await);
        }
        // A server with workers starts on the same database.
        let mut settings = test_settings(&app.database);
        settings.workers = Some(1);
        let restarted = spawn_on(app.database.clone(), settings).await;
        for id in &ids {
            assert_eq!(restarted.wait_graded(&user, id).await["verdict"], "accepted");
        }
    }

    async fn a_job_that_keeps_failing_ends_as_a_visible_internal_error(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let user = app.api_user("candidate").await;
        let id = queued(&app, &user).await;
        // Three workers claimed it and died (the default is three attempts).
        for _ in 0..3 {
            claim_and_die(&app);
        }
        let workers = pool(&app, "survivor", 1);
        let failed = app.wait_graded(&user, &id).await;
        assert_eq!(failed["status"], "failed");
        assert_eq!(failed["verdict"], "internal_error");
        assert!(failed["error"].as_str().unwrap_or("").contains("grading failed 3 times"), "{failed}");
        assert_eq!(job_of(&app, &id).state, JobState::Failed);
        tokio::task::spawn_blocking(move || workers.shutdown()).await.expect("stop");
    }

    async fn shutting_down_hands_jobs_in_hand_back_to_the_queue(app: TestApp) {
        app.import("tests/packages/sum-list").await;
        let user = app.api_user("candidate").await;
        let slow =
            "class Solution:\n    def sumList(self, nums):\n        while True:\n            pass\n";
        let response = app
            .api_post(
                &user,
                "/api/v1/challenges/sum-list/submissions",
                &json!({ "language": "python", "source": slow }),
            )
            .await;
        let id = json(response).await["id"].as_str().expect("id").to_owned();
        let workers = pool(&app, "leaving", 1);
        // Wait until the worker holds the job (a test that stopped the
        // worker before it claimed anything would prove nothing).
        let mut leased = false;
        for _ in 0..600 {
            let job = job_of(&app, &id);
            if job.state == JobState::Leased {
                assert_eq!((job.attempts, job.lease_owner.as_deref()), (1, Some("leaving-0")));
                leased = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(leased, "the worker never claimed the job");
        tokio::task::spawn_blocking(move || workers.shutdown())
            .await
            .expect("stop");
        let job = job_of(&app, &id);
        assert_eq!((job.state, job.attempts, job.lease_owner), (JobState::Queued, 0, None));
    }
}
