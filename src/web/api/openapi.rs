//! The OpenAPI document of `/api/v1`, generated from the handlers'
//! annotations (utoipa) and served at `/api/v1/openapi.json`.

use actix_web::HttpResponse;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};

/// Every error has this shape: the schema is derived from the type the
/// server writes.
pub use crate::web::error::ErrorBody;

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

/// The errors any operation can meet, added where they apply and the
/// operation does not describe them itself: a body that is not a JSON
/// object (400), too large (413) or not JSON (415); a query string that
/// does not parse (400); a path naming nothing (404); no or a bad
/// credential (401), a missing CSRF token or too low a role (403); and a
/// fault of ours (500).
struct CommonErrors;

impl CommonErrors {
    fn add(operation: &mut Operation) {
        let has = |operation: &Operation, place: ParameterIn| {
            operation
                .parameters
                .iter()
                .flatten()
                .any(|p| p.parameter_in == place)
        };
        let mut common = Vec::new();
        if operation.request_body.is_some() {
            common.push((
                "400",
                "The body is not a JSON object of the documented shape",
            ));
            common.push(("413", "The body is too large"));
            common.push(("415", "The body is not of the documented content type"));
        }
        if has(operation, ParameterIn::Query) {
            common.push(("400", "The query string does not parse"));
        }
        if has(operation, ParameterIn::Path) {
            common.push(("404", "The path names nothing that exists"));
        }
        if operation.security.as_ref().is_some_and(|s| !s.is_empty()) {
            common.push((
                "401",
                "Not signed in, or the API token is invalid or revoked",
            ));
            common.push((
                "403",
                "Not allowed: a role too low, or a cookie-authenticated write without its CSRF token",
            ));
        }
        common.push((
            "500",
            "A fault on the server's side (logged; the message says no more)",
        ));
        for (status, description) in common {
            operation
                .responses
                .responses
                .entry(status.to_owned())
                .or_insert_with(|| {
                    RefOr::T(
                        ResponseBuilder::new()
                            .description(description)
                            .content(
                                "application/json",
                                ContentBuilder::new()
                                    .schema(Some(Ref::from_schema_name("ErrorBody")))
                                    .build(),
                            )
                            .build(),
                    )
                });
        }
    }
}

impl Modify for CommonErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for operation in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                Self::add(operation);
            }
        }
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Rehearse API",
        description = "Practise backend interviews: the catalog, submissions graded live, progress, and the instructors' tools. Errors are always `{\"error\": {\"code\", \"message\", \"field\"?, \"details\"?}}`; a method a path does not take is answered 405 with `Allow`.",
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
        super::workspace::settings,
        super::workspace::save_settings,
        super::workspace::draft,
        super::workspace::save_draft,
        super::interviews::formats,
        super::interviews::start,
        super::interviews::list,
        super::interviews::show,
        super::interviews::end,
        super::rooms::create,
        super::rooms::list,
        super::rooms::join,
        super::rooms::show,
        super::rooms::start,
        super::rooms::end,
        super::rooms::notes,
        super::rooms::save_notes,
        super::rooms::playback,
        super::rooms::answer,
        super::rooms::console,
        super::rooms::swap,
        super::rooms::feedback,
    ),
    // Schemas that only query parameters name (utoipa collects the others
    // from the bodies that use them).
    components(schemas(
        ErrorBody,
        super::challenges::CatalogSort,
        super::challenges::CatalogPick,
        crate::domain::Kind,
        crate::domain::Difficulty,
        crate::catalog::Standing,
    )),
    modifiers(&Security, &CommonErrors),
    tags(
        (name = "accounts", description = "Sign-up, sessions, API tokens"),
        (name = "challenges", description = "The catalog"),
        (name = "submissions", description = "Answers, runs and live grading"),
        (name = "authoring", description = "Instructors: drafts, publishing, export, statistics"),
        (name = "reviews", description = "Instructors: reviewing design answers"),
        (name = "admin", description = "Admins: users and roles"),
        (name = "workspace", description = "Your editor settings and drafts, kept across devices"),
        (name = "interviews", description = "Timed mock interviews and their reports"),
        (name = "rooms", description = "Live interview rooms: a shared editor (Yjs over the WebSocket at `/rooms/{id}/live`), interviewers' private notes and scorecards, and playback"),
    )
)]
pub struct ApiDoc;

/// `GET /api/v1/openapi.json`
pub async fn document() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
