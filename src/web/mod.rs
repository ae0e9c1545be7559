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
pub mod json;
pub mod live;
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
    pub workspace: crate::workspace::Workspace,
    pub interviews: crate::interviews::Interviews,
    pub rooms: crate::rooms::Rooms,
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

/// One path with the handler of each method it takes, as one resource: a
/// method it does not take is answered 405 with `Allow` (a path registered
/// once per method would answer 404, as if it did not exist).
macro_rules! at {
    ($path:expr, $($method:ident => $handler:expr),+ $(,)?) => {{
        const ALLOWED: &[&str] = &[$(at!(@name $method)),+];
        web::resource($path)
            $(.route(web::$method().to($handler)))+
            .default_service(web::to(|req: HttpRequest| method_not_allowed(req, ALLOWED)))
    }};
    (@name get) => { "GET" };
    (@name post) => { "POST" };
    (@name put) => { "PUT" };
    (@name patch) => { "PATCH" };
    (@name delete) => { "DELETE" };
}

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
        .service(at!("/healthz", get => ops::healthz))
        .service(at!("/readyz", get => ops::readyz))
        .service(at!("/metrics", get => metrics::render))
        .service(at!("/static/{path:.*}", get => assets::serve))
        .service(at!("/", get => pages::home::show))
        .service(at!("/signup", get => pages::signup::show, post => pages::signup::submit))
        .service(at!("/login", get => pages::login::show, post => pages::login::submit))
        .service(at!("/logout", post => pages::login::logout))
        .service(at!("/account", get => pages::account::show))
        .service(at!("/account/profile", post => pages::account::update_profile))
        .service(at!("/account/password", post => pages::account::change_password))
        .service(at!("/account/tokens", post => pages::account::create_token))
        .service(at!("/account/tokens/{id}/revoke", post => pages::account::revoke_token))
        .service(at!("/challenges", get => pages::challenges::catalog))
        .service(at!("/challenges/{slug}", get => pages::challenges::show))
        .service(at!("/challenges/{slug}/submit", post => pages::challenges::submit))
        .service(at!("/submissions", get => pages::submissions::history))
        .service(at!("/submissions/{id}", get => pages::submissions::show))
        .service(at!("/dashboard", get => pages::progress::dashboard))
        .service(at!("/leaderboard", get => pages::progress::leaderboard))
        .service(at!("/instructor", get => pages::instructor::overview))
        .service(at!("/instructor/reviews", get => pages::instructor::reviews))
        .service(at!(
            "/instructor/reviews/{id}",
            get => pages::instructor::review_page,
            post => pages::instructor::review,
        ))
        .service(at!(
            "/instructor/challenges/{slug}/export.zip",
            get => pages::instructor::export,
        ))
        .service(at!("/instructor/challenges/{slug}/stats", get => pages::instructor::stats))
        .service(
            web::scope("/instructor/drafts")
                .app_data(web::PayloadConfig::new(AUTHORING_BODY_BYTES))
                .service(at!("", post => pages::instructor::create))
                .service(at!(
                    "/{slug}",
                    get => pages::instructor::editor,
                    post => pages::instructor::act,
                )),
        )
        .service(
            web::scope("/instructor/import")
                .app_data(web::PayloadConfig::new(AUTHORING_BODY_BYTES))
                .service(at!("", post => pages::instructor::import)),
        )
        .service(at!(
            "/interviews",
            get => pages::interviews::index,
            post => pages::interviews::start,
        ))
        .service(at!("/interviews/{id}", get => pages::interviews::show))
        .service(at!("/interviews/{id}/end", post => pages::interviews::end))
        .service(at!(
            "/rooms",
            get => pages::rooms::index,
            post => pages::rooms::create,
        ))
        .service(
            at!("/rooms/join/{token}", get => pages::rooms::invite, post => pages::rooms::join),
        )
        .service(at!("/rooms/{id}", get => pages::rooms::show))
        .service(at!("/rooms/{id}/live", get => live::connect))
        .service(at!("/rooms/{id}/notes", post => pages::rooms::save_notes))
        .service(at!("/rooms/{id}/start", post => pages::rooms::start))
        .service(at!("/rooms/{id}/end", post => pages::rooms::end))
        .service(at!("/rooms/{id}/swap", post => pages::rooms::swap))
        .service(at!("/rooms/{id}/playback", get => pages::rooms::playback))
        .service(at!("/admin/users", get => pages::admin::users))
        .service(at!("/admin/users/{id}/role", post => pages::admin::set_role))
        .service(api_routes())
        .default_service(web::to(not_found));
    }
}

/// `/api/v1`: the JSON API (documented at `/api/v1/openapi.json`).
fn api_routes() -> actix_web::Scope {
    web::scope("/api/v1")
        .service(at!("/openapi.json", get => api::openapi::document))
        .service(at!("/users", post => api::users::create))
        .service(at!(
            "/session",
            post => api::session::login,
            delete => api::session::logout,
        ))
        .service(at!("/auth/token", post => api::session::token_login))
        .service(at!("/me", get => api::me::show, patch => api::me::update))
        .service(at!("/me/password", put => api::me::change_password))
        .service(at!(
            "/me/editor-settings",
            get => api::workspace::settings,
            put => api::workspace::save_settings
        ))
        .service(at!(
            "/me/tokens",
            get => api::me::list_tokens,
            post => api::me::create_token,
        ))
        .service(at!("/me/tokens/{id}", delete => api::me::revoke_token))
        .service(at!("/me/submissions", get => api::submissions::list_own))
        .service(at!("/interview-formats", get => api::interviews::formats))
        .service(at!(
            "/interviews",
            get => api::interviews::list,
            post => api::interviews::start,
        ))
        .service(at!("/interviews/{id}", get => api::interviews::show))
        .service(at!("/interviews/{id}/end", post => api::interviews::end))
        .service(at!("/rooms", get => api::rooms::list, post => api::rooms::create))
        .service(at!("/rooms/join", post => api::rooms::join))
        .service(at!("/rooms/{id}", get => api::rooms::show))
        .service(at!("/rooms/{id}/start", post => api::rooms::start))
        .service(at!("/rooms/{id}/end", post => api::rooms::end))
        .service(at!(
            "/rooms/{id}/notes",
            get => api::rooms::notes,
            put => api::rooms::save_notes,
        ))
        .service(at!("/rooms/{id}/playback", get => api::rooms::playback))
        .service(at!("/rooms/{id}/answers", post => api::rooms::answer))
        .service(at!("/rooms/{id}/console", get => api::rooms::console))
        .service(at!("/rooms/{id}/swap", post => api::rooms::swap))
        .service(at!("/rooms/{id}/feedback", get => api::rooms::feedback))
        .service(at!("/challenges", get => api::challenges::list))
        .service(at!("/challenges/{slug}", get => api::challenges::show))
        .service(at!("/challenges/{slug}/submissions", post => api::submissions::submit))
        .service(at!("/challenges/{slug}/runs", post => api::submissions::run))
        .service(at!(
            "/challenges/{slug}/draft",
            get => api::workspace::draft,
            put => api::workspace::save_draft
        ))
        .service(at!("/challenges/{slug}/export", get => api::authoring::export))
        .service(at!("/challenges/{slug}/stats", get => api::authoring::stats))
        .service(at!("/submissions/{id}", get => api::submissions::show))
        .service(at!("/submissions/{id}/events", get => api::submissions::events))
        .service(at!("/submissions/{id}/review", put => api::authoring::review))
        .service(at!("/instructor/challenges", get => api::authoring::overview))
        .service(at!("/reviews", get => api::authoring::queue))
        .service(
            // Packages are larger than ordinary requests.
            web::scope("/drafts")
                .app_data(web::PayloadConfig::new(AUTHORING_BODY_BYTES))
                .app_data(
                    web::JsonConfig::default()
                        .limit(AUTHORING_BODY_BYTES)
                        .error_handler(json_error),
                )
                .service(at!("", post => api::authoring::create))
                .service(at!("/import", post => api::authoring::import))
                .service(at!(
                    "/{slug}",
                    get => api::authoring::show,
                    put => api::authoring::save,
                    delete => api::authoring::discard,
                ))
                .service(at!("/{slug}/check", post => api::authoring::check))
                .service(at!("/{slug}/publish", post => api::authoring::publish)),
        )
        .service(at!("/admin/users", get => api::admin::list_users))
        .service(at!("/admin/users/{id}", patch => api::admin::update_user))
}

async fn method_not_allowed(
    req: HttpRequest,
    allowed: &'static [&'static str],
) -> Result<actix_web::HttpResponse, AppError> {
    Err(AppError::MethodNotAllowed {
        method: req.method().to_string(),
        allowed: allowed.to_vec(),
    })
}

async fn not_found(req: HttpRequest) -> Result<actix_web::HttpResponse, AppError> {
    Err(AppError::NotFound(format!(
        "there is nothing at {}",
        req.path()
    )))
}
