//! Building and running the server: open the database, migrate, load
//! secrets and templates, bind the listener (port 0 picks a free one, which
//! the tests use), and serve until SIGINT/SIGTERM.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Compress};
use actix_web::web::Data;
use actix_web::{App, HttpServer};
use anyhow::Context as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use secrecy::ExposeSecret;
use tracing_actix_web::TracingLogger;

use crate::accounts::rate_limit::{LimitSettings, LoginLimits};
use crate::accounts::{secret_token, Accounts, AccountsSettings};
use crate::catalog::Catalog;
use crate::config::Settings;
use crate::db::{self, DatabaseUrl, Db};
use crate::submissions::{Limits as SubmissionLimits, Submissions};
use crate::web::{self, csrf::CsrfKey, metrics::Metrics, AppState};
use crate::worker::{Wake, WorkerPool};

/// How often expired sessions are swept.
const HOUSEKEEPING_EVERY: Duration = Duration::from_secs(600);
/// How often each serving process looks for mock interviews past their
/// deadline: how late, at most, a deadline's submissions are sent.
const INTERVIEW_CLOSER_EVERY: Duration = Duration::from_secs(2);

pub struct Application {
    port: u16,
    server: Server,
    accounts: Accounts,
    interviews: crate::interviews::Interviews,
    rooms: crate::rooms::Rooms,
    /// On PostgreSQL, news that another process wrote to a room's log
    /// (the listener stops when dropped).
    room_news: Option<(
        crate::db::listen::Listener,
        tokio::sync::mpsc::UnboundedReceiver<String>,
    )>,
    workers: Option<WorkerPool>,
    /// Stops the library import when the server stops.
    import: rehearse_sandbox::CancelToken,
}

/// The database the settings point at: the configured URL, or the SQLite
/// file under the data directory.
pub fn database_url(settings: &Settings) -> anyhow::Result<DatabaseUrl> {
    match &settings.database_url {
        Some(url) => Ok(DatabaseUrl::parse(url)?),
        None => Ok(DatabaseUrl::Sqlite(settings.data_dir.join("rehearse.db"))),
    }
}

/// Opens the database and applies pending migrations.
pub async fn open_database(settings: &Settings) -> anyhow::Result<Db> {
    let url = database_url(settings)?;
    let pool_size = settings.db_pool_size;
    let db = tokio::task::spawn_blocking(move || -> anyhow::Result<Db> {
        let db = Db::connect(&url, pool_size)?;
        let applied = db.migrate()?;
        if !applied.is_empty() {
            tracing::info!(migrations = ?applied, "database migrated");
        }
        Ok(db)
    })
    .await
    .context("database set-up task failed")??;
    tracing::info!(backend = db.backend().as_str(), "database ready");
    Ok(db)
}

/// The CSRF signing key: configured, or generated once and kept in the
/// database so that every process sharing it agrees.
async fn csrf_key(settings: &Settings, db: &Db) -> anyhow::Result<CsrfKey> {
    if let Some(key) = &settings.secret_key {
        return Ok(CsrfKey::new(key.expose_secret().as_bytes()));
    }
    let stored = db
        .run(|conn| db::secrets::get_or_create(conn, "csrf_key", secret_token::generate))
        .await
        .context("cannot load the server secret")?;
    // Stored as `secret_token::generate` made it: base64url. Anything else
    // was written by hand or damaged; starting with it would make a key
    // nobody meant.
    let bytes = URL_SAFE_NO_PAD.decode(stored.as_bytes()).context(
        "the stored server secret (secrets.csrf_key) is not base64url; \
         delete that row to make a new one (signed-in forms will need a reload)",
    )?;
    Ok(CsrfKey::new(&bytes))
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let db = open_database(&settings).await?;
        Self::build_with_db(settings, db).await
    }

    pub async fn build_with_db(settings: Settings, db: Db) -> anyhow::Result<Self> {
        let accounts = Accounts::new(
            db.clone(),
            AccountsSettings {
                session_ttl: Duration::from_secs(u64::from(settings.session_ttl_hours) * 3600),
                login: LoginLimits {
                    account_and_ip: LimitSettings {
                        burst: settings.login_account_burst,
                        refill: Duration::from_secs(settings.login_account_refill_seconds),
                    },
                    account: LimitSettings {
                        burst: settings.login_account_total_burst,
                        refill: Duration::from_secs(settings.login_account_total_refill_seconds),
                    },
                    ip: LimitSettings {
                        burst: settings.login_ip_burst,
                        refill: Duration::from_secs(settings.login_ip_refill_seconds),
                    },
                },
                signup_per_ip: LimitSettings {
                    burst: settings.signup_ip_burst,
                    refill: Duration::from_secs(settings.signup_ip_refill_seconds),
                },
            },
        );
        let catalog = Catalog::new(db.clone(), grader(&settings)?);
        let import = rehearse_sandbox::CancelToken::default();
        if settings.import_library {
            import_library_in_background(
                catalog.clone(),
                settings.library_dir.clone(),
                import.clone(),
            )?;
        }
        let wake = Arc::new(Wake::default());
        let submissions = Submissions::new(
            db.clone(),
            catalog.clone(),
            submission_limits(&settings),
            wake.clone(),
        );
        let workers = match worker_count(&settings) {
            0 => None,
            n => Some(
                WorkerPool::start(catalog.clone(), n, &worker_name("serve"), wake)
                    .context("cannot start the grading workers")?,
            ),
        };
        let (formats, bad_formats) = crate::interviews::format::load_dir(&settings.interviews_dir);
        for bad in &bad_formats {
            tracing::warn!(error = %bad, "an interview format was not loaded");
        }
        let interviews = crate::interviews::Interviews::new(
            db.clone(),
            catalog.clone(),
            submissions.clone(),
            formats,
        );
        let rooms = crate::rooms::Rooms::new(
            db.clone(),
            catalog.clone(),
            submissions.clone(),
            crate::rooms::RoomSettings {
                open_to_candidates: settings.rooms_open_to_candidates,
            },
        );
        let (news_tx, news_rx) = tokio::sync::mpsc::unbounded_channel();
        let room_news = crate::db::listen::Listener::start(
            &db,
            crate::db::listen::ROOMS_CHANNEL,
            move |payload| {
                let _ = news_tx.send(payload);
            },
        )
        .context("cannot listen for other processes' room changes")?
        .map(|listener| (listener, news_rx));
        let state = Data::new(AppState {
            accounts: accounts.clone(),
            catalog: catalog.clone(),
            submissions: submissions.clone(),
            progress: crate::progress::Progress::new(db.clone()),
            authoring: crate::authoring::Authoring::new(db.clone(), catalog.clone()),
            reviews: crate::reviews::Reviews::new(db.clone(), catalog.clone(), submissions.clone()),
            workspace: crate::workspace::Workspace::new(db.clone(), catalog.clone()),
            interviews: interviews.clone(),
            rooms: rooms.clone(),
            db: db.clone(),
            templates: web::templates::load().context("cannot load templates")?,
            csrf_key: csrf_key(&settings, &db).await?,
            metrics: Metrics::new(),
            settings: Arc::new(settings.clone()),
        });

        let listener = TcpListener::bind((settings.bind, settings.port))
            .with_context(|| format!("cannot listen on {}:{}", settings.bind, settings.port))?;
        let port = listener.local_addr()?.port();
        let max_body = settings.max_body_bytes;
        let mut server = HttpServer::new(move || {
            // The last `wrap` runs first: tracing sees every request, then
            // metrics, then the CSRF cookie, then error pages.
            App::new()
                .app_data(state.clone())
                .configure(web::routes(max_body))
                .wrap(web::error_pages::middleware())
                .wrap(from_fn(web::csrf::ensure_cookie))
                .wrap(web::security_headers())
                .wrap(Compress::default())
                .wrap(from_fn(web::metrics::record))
                .wrap(from_fn(request_id_header))
                .wrap(TracingLogger::default())
        })
        .listen(listener)?
        .shutdown_timeout(30);
        if let Some(workers) = settings.http_workers {
            server = server.workers(workers.max(1));
        }
        tracing::info!("listening on http://{}:{port}", settings.bind);
        Ok(Self {
            port,
            server: server.run(),
            accounts,
            interviews,
            rooms,
            room_news,
            workers,
            import,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until the server stops (SIGINT/SIGTERM start a graceful stop:
    /// in-flight requests get up to 30 s to finish).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let accounts = self.accounts;
        let workers = self.workers;
        let housekeeping = async move {
            let mut tick = tokio::time::interval(HOUSEKEEPING_EVERY);
            loop {
                tick.tick().await;
                match accounts.housekeeping().await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(expired_sessions = n, "housekeeping"),
                    Err(e) => tracing::warn!(error = %e, "housekeeping failed"),
                }
            }
        };
        // Mock interviews whose clock ran out are closed here, by whichever
        // serving process gets there first (each session is leased).
        let interviews = self.interviews;
        let closer = async move {
            let owner = worker_name("closer");
            let mut tick = tokio::time::interval(INTERVIEW_CLOSER_EVERY);
            loop {
                tick.tick().await;
                match interviews.close_due(&owner).await {
                    Ok(0) => {}
                    Ok(n) => {
                        tracing::info!(closed = n, "mock interviews past their deadline closed")
                    }
                    Err(e) => tracing::warn!(error = %e, "closing mock interviews failed"),
                }
            }
        };
        // Live rooms' changes are written to their logs in batches.
        let hub = self.rooms.hub().clone();
        let flusher = {
            let hub = hub.clone();
            async move {
                let mut tick = tokio::time::interval(crate::rooms::live::FLUSH_EVERY);
                loop {
                    tick.tick().await;
                    if let Err(e) = hub.flush().await {
                        tracing::warn!(error = %e, "writing room changes failed");
                    }
                }
            }
        };
        // Changes other processes wrote to rooms open here reach this
        // process's participants (PostgreSQL only).
        let news = {
            let hub = hub.clone();
            let room_news = self.room_news;
            async move {
                let Some((_listener, mut news)) = room_news else {
                    return std::future::pending().await;
                };
                while let Some(payload) = news.recv().await {
                    if let Err(e) = hub.notified(&payload).await {
                        tracing::warn!(error = %e, "reading another process's room changes failed");
                    }
                }
                // The listener is gone; serving goes on without news.
                std::future::pending::<()>().await
            }
        };
        let result = tokio::select! {
            result = self.server => result,
            () = housekeeping => Ok(()),
            () = closer => Ok(()),
            () = flusher => Ok(()),
            () = news => Ok(()),
        };
        // The last changes of live rooms are not left in memory.
        if let Err(e) = hub.flush().await {
            tracing::warn!(error = %e, "writing room changes at shutdown failed");
        }
        // An import still checking packages stops at once; what it had
        // stored stays, the rest is imported by the next start.
        self.import.cancel();
        // Grading in hand goes back to the queue for the next process.
        if let Some(workers) = workers {
            let _ = tokio::task::spawn_blocking(move || workers.shutdown()).await;
        }
        result
    }
}

/// Echoes the request id tracing assigned, so a user's report can be matched
/// to the log lines.
async fn request_id_header(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    use actix_web::HttpMessage;
    let id = req
        .extensions()
        .get::<tracing_actix_web::RequestId>()
        .map(|id| id.to_string());
    let mut res = next.call(req).await?;
    if let Some(id) = id {
        if let Ok(value) = actix_web::http::header::HeaderValue::from_str(&id) {
            res.headers_mut().insert(
                actix_web::http::header::HeaderName::from_static("x-request-id"),
                value,
            );
        }
    }
    Ok(res)
}

/// The process's sandbox, caching compiled modules under the data folder.
pub fn sandbox(settings: &Settings) -> anyhow::Result<rehearse_sandbox::Sandbox> {
    let config = rehearse_sandbox::SandboxConfig {
        cache_dir: settings.data_dir.join("cache").join("sandbox"),
        cache_max_bytes: settings.sandbox_cache_mb.saturating_mul(1024 * 1024),
        ..rehearse_sandbox::SandboxConfig::default()
    };
    Ok(rehearse_sandbox::Sandbox::new(config)?)
}

/// A grader over the process's sandbox.
pub fn grader(settings: &Settings) -> anyhow::Result<crate::grading::Grader> {
    Ok(crate::grading::Grader::new(sandbox(settings)?))
}

/// Imports the bundled challenge library without holding up start-up:
/// new or changed packages are validated and stored at once (the catalog
/// is full within seconds), then their solutions are checked in the
/// background (see `catalog::library`). It runs on a thread of its own,
/// not tokio's blocking pool (whose shutdown would wait for it), and
/// `cancel` stops it mid-check.
fn import_library_in_background(
    catalog: Catalog,
    dir: std::path::PathBuf,
    cancel: rehearse_sandbox::CancelToken,
) -> anyhow::Result<()> {
    catalog.begin_import();
    let spawned = std::thread::Builder::new()
        .name("library-import".into())
        .spawn(move || {
            let packages = match crate::challenges::find_packages(std::slice::from_ref(&dir)) {
                Ok(packages) => packages,
                Err(problems) => {
                    for problem in problems {
                        tracing::warn!(%problem, "challenge library not imported");
                    }
                    return;
                }
            };
            // Packages are independent; checks run solutions, so one thread
            // per core shortens a first start.
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            catalog.import_library(&packages, threads, &cancel);
        });
    spawned
        .map(|_| ())
        .context("cannot start the library import")
}

/// Per-user limits and queue settings from the configuration.
pub fn submission_limits(settings: &Settings) -> SubmissionLimits {
    SubmissionLimits {
        per_minute: settings.submissions_per_minute,
        pending: settings.pending_submissions,
        max_attempts: settings.grading_attempts.max(1),
    }
}

/// Grading workers to start: as configured, or one per core.
pub fn worker_count(settings: &Settings) -> usize {
    settings
        .workers
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// A lease owner name unique to this process: host, process id, a random tag.
pub fn worker_name(role: &str) -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_owned())
        .unwrap_or_else(|_| "host".into());
    let tag: u32 = rand::random();
    format!("{role}@{host}:{}:{tag:08x}", std::process::id())
}

/// Resolves on SIGINT or SIGTERM.
pub async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
