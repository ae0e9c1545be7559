//! The HTTP surface: HTML pages, the JSON API, static assets and the
//! operational endpoints, all registered in [`routes`].
//!
//! Handlers are thin: extractors parse and authorise (`auth`, `form`,
//! `page`), a handler calls one `accounts` method and renders. Errors are
//! [`error::AppError`], mapped to HTTP once, and given an HTML or JSON face by
//! [`error_pages`].

pub mod api;
pub mod assets;
pub mod auth;
pub mod csrf;
pub mod error;
pub mod error_pages;
pub mod form;
pub mod inputs;
pub mod metrics;
pub mod ops;
pub mod page;
pub mod pages;
pub mod templates;

use std::sync::Arc;

use actix_web::{web, HttpRequest};

use crate::accounts::Accounts;
use crate::config::Settings;
use crate::db::Db;
use error::AppError;

/// Shared by every request.
pub struct AppState {
    pub accounts: Accounts,
    pub catalog: crate::catalog::Catalog,
    pub submissions: crate::submissions::Submissions,
    pub progress: crate::progress::Progress,
    pub authoring: crate::authoring::Authoring,
    pub reviews: crate::reviews::Reviews,
    pub db: Db,
    pub templates: tera::Tera,
    pub settings: Arc<Settings>,
    pub csrf_key: csrf::CsrfKey,
    pub metrics: Arc<metrics::Metrics>,
}

/// Turns a rejected JSON body into our error (400 with the parser's words,
/// 413 when too large, 415 for another content type).
fn json_error(err: actix_web::error::JsonPayloadError, _: &HttpRequest) -> actix_web::Error {
    use actix_web::error::JsonPayloadError as E;
    let app = match &err {
        E::OverflowKnownLength { .. } | E::Overflow { .. } => {
            AppError::PayloadTooLarge("the request body is too large".into())
        }
        E::ContentType => AppError::UnsupportedMediaType(
            "expected a JSON body (Content-Type: application/json)".into(),
        ),
        E::Deserialize(e) => AppError::BadRequest(format!("invalid JSON body: {e}")),
        other => AppError::BadRequest(format!("could not read the JSON body: {other}")),
    };
    app.into()
}

fn query_error(err: actix_web::error::QueryPayloadError, _: &HttpRequest) -> actix_web::Error {
    AppError::BadRequest(format!("invalid query string: {err}")).into()
}

/// A path segment that does not parse (a slug with a NUL byte, an id that
/// is not one) names nothing that could exist: 404, saying why.
fn path_error(err: actix_web::error::PathError, _: &HttpRequest) -> actix_web::Error {
    let actix_web::error::PathError::Deserialize(reason) = err else {
        return AppError::NotFound("no such page".into()).into();
    };
    AppError::NotFound(reason.to_string()).into()
}

/// The policy every response carries. Scripts come only from our own
/// bundle (no inline script runs, so an injected `<script>` would not
/// either); CodeMirror injects its styles at run time, hence inline styles;
/// no page may be framed (clickjacking), and no form posts elsewhere.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Security headers on every response (a handler may set its own first).
pub fn security_headers() -> actix_web::middleware::DefaultHeaders {
    actix_web::middleware::DefaultHeaders::new()
        .add(("Content-Security-Policy", CONTENT_SECURITY_POLICY))
        .add(("X-Frame-Options", "DENY"))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "same-origin"))
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), payment=()",
        ))
}

/// The body limit for authoring requests (whole packages, zips).
pub const AUTHORING_BODY_BYTES: usize = 40 * 1024 * 1024;

/// Registers every route. The body limit applies to JSON, forms and raw bodies.
pub fn routes(max_body_bytes: usize) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg: &mut web::ServiceConfig| {
        cfg.app_data(
            web::JsonConfig::default()
                .limit(max_body_bytes)
                .error_handler(json_error),
        )
        .app_data(web::PayloadConfig::new(max_body_bytes))
        .app_data(web::QueryConfig::default().error_handler(query_error))
        .app_data(web::PathConfig::default().error_handler(path_error))
        .route("/healthz", web::get().to(ops::healthz))
        .route("/readyz", web::get().to(ops::readyz))
        .route("/metrics", web::get().to(metrics::render))
        .route("/static/{path:.*}", web::get().to(assets::serve))
        .route("/", web::get().to(pages::home::show))
        .route("/signup", web::get().to(pages::signup::show))
        .route("/signup", web::post().to(pages::signup::submit))
        .route("/login", web::get().to(pages::login::show))
        .route("/login", web::post().to(pages::login::submit))
        .route("/logout", web::post().to(pages::login::logout))
        .route("/account", web::get().to(pages::account::show))
        .route(
            "/account/profile",
            web::post().to(pages::account::update_profile),
        )
        .route(
            "/account/password",
            web::post().to(pages::account::change_password),
        )
        .route(
            "/account/tokens",
            web::post().to(pages::account::create_token),
        )
        .route(
            "/account/tokens/{id}/revoke",
            web::post().to(pages::account::revoke_token),
        )
        .route("/challenges", web::get().to(pages::challenges::catalog))
        .route("/challenges/{slug}", web::get().to(pages::challenges::show))
        .route(
            "/challenges/{slug}/submit",
            web::post().to(pages::challenges::submit),
        )
        .route("/submissions", web::get().to(pages::submissions::history))
        .route("/submissions/{id}", web::get().to(pages::submissions::show))
        .route("/dashboard", web::get().to(pages::progress::dashboard))
        .route("/leaderboard", web::get().to(pages::progress::leaderboard))
        .route("/instructor", web::get().to(pages::instructor::overview))
        .route(
            "/instructor/reviews",
            web::get().to(pages::instructor::reviews),
        )
        .route(
            "/instructor/reviews/{id}",
            web::get().to(pages::instructor::review_page),
        )
        .route(
            "/instructor/reviews/{id}",
            web::post().to(pages::instructor::review),
        )
        .route(
            "/instructor/challenges/{slug}/export.zip",
            web::get().to(pages::instructor::export),
        )
        .route(
            "/instructor/challenges/{slug}/stats",
            web::get().to(pages::instructor::stats),
        )
        .service(
            web::scope("/instructor/drafts")
                .app_data(web::PayloadConfig::new(AUTHORING_BODY_BYTES))
                .route("", web::post().to(pages::instructor::create))
                .route("/{slug}", web::get().to(pages::instructor::editor))
                .route("/{slug}", web::post().to(pages::instructor::act)),
        )
        .service(
            web::scope("/instructor/import")
                .app_data(web::PayloadConfig::new(AUTHORING_BODY_BYTES))
                .route("", web::post().to(pages::instructor::import)),
        )
        .route("/admin/users", web::get().to(pages::admin::users))
        .route(
            "/admin/users/{id}/role",
            web::post().to(pages::admin::set_role),
        )
        .service(
            web::scope("/api/v1")
                .route("/openapi.json", web::get().to(api::openapi::document))
                .route("/users", web::post().to(api::users::create))
                .route("/session", web::post().to(api::session::login))
                .route("/session", web::delete().to(api::session::logout))
                .route("/auth/token", web::post().to(api::session::token_login))
                .route("/me", web::get().to(api::me::show))
                .route("/me", web::patch().to(api::me::update))
                .route("/me/password", web::put().to(api::me::change_password))
                .route("/me/tokens", web::get().to(api::me::list_tokens))
                .route("/me/tokens", web::post().to(api::me::create_token))
                .route("/me/tokens/{id}", web::delete().to(api::me::revoke_token))
                .route("/challenges", web::get().to(api::challenges::list))
                .route("/challenges/{slug}", web::get().to(api::challenges::show))
                .route(
                    "/challenges/{slug}/submissions",
                    web::post().to(api::submissions::submit),
                )
                .route(
                    "/challenges/{slug}/runs",
                    web::post().to(api::submissions::run),
                )
                .route("/submissions/{id}", web::get().to(api::submissions::show))
                .route(
                    "/submissions/{id}/events",
                    web::get().to(api::submissions::events),
                )
                .route("/me/submissions", web::get().to(api::submissions::list_own))
                .route(
                    "/challenges/{slug}/export",
                    web::get().to(api::authoring::export),
                )
                .route(
                    "/challenges/{slug}/stats",
                    web::get().to(api::authoring::stats),
                )
                .route(
                    "/instructor/challenges",
                    web::get().to(api::authoring::overview),
                )
                .route("/reviews", web::get().to(api::authoring::queue))
                .route(
                    "/submissions/{id}/review",
                    web::put().to(api::authoring::review),
                )
                .service(
                    // Packages are larger than ordinary requests.
                    web::scope("/drafts")
                        .app_data(web::PayloadConfig::new(AUTHORING_BODY_BYTES))
                        .app_data(
                            web::JsonConfig::default()
                                .limit(AUTHORING_BODY_BYTES)
                                .error_handler(json_error),
                        )
                        .route("", web::post().to(api::authoring::create))
                        .route("/import", web::post().to(api::authoring::import))
                        .route("/{slug}", web::get().to(api::authoring::show))
                        .route("/{slug}", web::put().to(api::authoring::save))
                        .route("/{slug}", web::delete().to(api::authoring::discard))
                        .route("/{slug}/check", web::post().to(api::authoring::check))
                        .route("/{slug}/publish", web::post().to(api::authoring::publish)),
                )
                .route("/admin/users", web::get().to(api::admin::list_users))
                .route(
                    "/admin/users/{id}",
                    web::patch().to(api::admin::update_user),
                ),
        )
        .default_service(web::to(not_found));
    }
}

async fn not_found(req: HttpRequest) -> Result<actix_web::HttpResponse, AppError> {
    Err(AppError::NotFound(format!(
        "there is nothing at {}",
        req.path()
    )))
}
