//! The OpenAPI document of `/api/v1`, generated from the handlers'
//! annotations (utoipa) and served at `/api/v1/openapi.json`.

use actix_web::HttpResponse;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

/// Every error has this shape.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ErrorBody {
    error: ErrorDetail,
}

#[derive(ToSchema)]
#[allow(dead_code)]
struct ErrorDetail {
    /// A stable, machine-readable name (`not_found`, `validation_failed`, `rate_limited` …).
    code: String,
    /// What went wrong, in words meant for people.
    message: String,
    /// The input field the error points at, when there is one.
    field: Option<String>,
}

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "An API token (`rh_…`) from `POST /api/v1/auth/token` or the account page",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "rehearse_session",
                "The browser's session cookie; writes also need the `X-CSRF-Token` header",
            ))),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Rehearse API",
        description = "Practise backend interviews: the catalog, submissions graded live, progress, and the instructors' tools. Errors are always `{\"error\": {\"code\", \"message\", \"field\"?}}`.",
        license(name = "AGPL-3.0-or-later")
    ),
    paths(
        super::users::create,
        super::session::login,
        super::session::logout,
        super::session::token_login,
        super::me::show,
        super::me::update,
        super::me::change_password,
        super::me::list_tokens,
        super::me::create_token,
        super::me::revoke_token,
        super::challenges::list,
        super::challenges::show,
        super::submissions::submit,
        super::submissions::run,
        super::submissions::show,
        super::submissions::events,
        super::submissions::list_own,
        super::authoring::create,
        super::authoring::show,
        super::authoring::save,
        super::authoring::discard,
        super::authoring::check,
        super::authoring::publish,
        super::authoring::import,
        super::authoring::export,
        super::authoring::stats,
        super::authoring::overview,
        super::authoring::queue,
        super::authoring::review,
        super::admin::list_users,
        super::admin::update_user,
    ),
    components(schemas(ErrorBody)),
    modifiers(&Security),
    tags(
        (name = "accounts", description = "Sign-up, sessions, API tokens"),
        (name = "challenges", description = "The catalog"),
        (name = "submissions", description = "Answers, runs and live grading"),
        (name = "authoring", description = "Instructors: drafts, publishing, export, statistics"),
        (name = "reviews", description = "Instructors: reviewing design answers"),
        (name = "admin", description = "Admins: users and roles"),
    )
)]
pub struct ApiDoc;

/// `GET /api/v1/openapi.json`
pub async fn document() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
