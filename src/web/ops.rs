//! Probes for orchestrators: liveness and readiness.

use actix_web::{web, HttpResponse};

use super::AppState;

/// `GET /healthz`: the process is up and serving.
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

/// `GET /readyz`: the database answers and the data directory's disk has
/// room to write, so requests can be served.
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    if let Err(e) = state.db.ping().await {
        tracing::warn!(error = %e, "readiness check failed");
        return unavailable("database unavailable".into());
    }
    let dir = state.settings.data_dir.clone();
    let wanted = state.settings.min_free_disk_mb.saturating_mul(1024 * 1024);
    match free_bytes(&dir) {
        Ok(free) if free < wanted => {
            tracing::warn!(free, wanted, dir = %dir.display(), "disk nearly full");
            unavailable(format!(
                "disk nearly full: {} MiB free under {}, {} MiB needed",
                free / (1024 * 1024),
                dir.display(),
                wanted / (1024 * 1024)
            ))
        }
        Ok(_) => HttpResponse::Ok().content_type("text/plain").body("ready"),
        Err(e) => {
            tracing::warn!(error = %e, dir = %dir.display(), "cannot read free disk space");
            unavailable(format!("cannot read free disk space: {e}"))
        }
    }
}

fn unavailable(reason: String) -> HttpResponse {
    HttpResponse::ServiceUnavailable()
        .content_type("text/plain")
        .body(reason)
}

/// Bytes an unprivileged process may still write on the disk holding `dir`.
pub fn free_bytes(dir: &std::path::Path) -> std::io::Result<u64> {
    let stat = rustix::fs::statvfs(dir)?;
    Ok(stat.f_bavail.saturating_mul(stat.f_frsize))
}
