//! Mock interviews:
//!
//! - `GET /api/v1/interview-formats` — what can be started;
//! - `POST /api/v1/interviews` — start one (`{"format": "phone-screen"}`);
//!   its problems are picked now and the clock starts;
//! - `GET /api/v1/interviews` — yours, newest first;
//! - `GET /api/v1/interviews/{id}` — the problems, the time left and the
//!   report so far (final once it has ended);
//! - `POST /api/v1/interviews/{id}/end` — end it before the deadline (your
//!   last drafts are submitted, as at the deadline).

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::domain::TimedSessionId;
use crate::interviews::{Format, InterviewView};
use crate::web::auth::Auth;
use crate::web::error::AppError;
use crate::web::json::Json;
use crate::web::AppState;

/// `{"formats": […]}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct FormatList {
    formats: Vec<Format>,
}

/// `{"interview": …}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct InterviewBody {
    interview: InterviewView,
}

/// `{"interviews": […]}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct InterviewList {
    interviews: Vec<InterviewView>,
}

/// Which interview to start.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StartBody {
    /// A format's slug, from `GET /api/v1/interview-formats`.
    #[schema(max_length = 64)]
    format: String,
}

fn parse_id(raw: &str) -> Result<TimedSessionId, AppError> {
    TimedSessionId::parse(raw).ok_or_else(|| AppError::NotFound("no such interview".into()))
}

/// `GET /api/v1/interview-formats`
#[utoipa::path(
    get,
    path = "/api/v1/interview-formats",
    operation_id = "listInterviewFormats",
    tag = "interviews",
    responses((status = 200, description = "The formats a mock interview can take, shortest first", body = FormatList)),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn formats(state: web::Data<AppState>, _auth: Auth) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(FormatList {
        formats: state.interviews.formats().to_vec(),
    }))
}

/// `POST /api/v1/interviews`
#[utoipa::path(
    post,
    path = "/api/v1/interviews",
    operation_id = "startInterview",
    tag = "interviews",
    request_body = StartBody,
    responses(
        (status = 201, description = "Started: its problems, deadline and time left", body = InterviewBody),
        (status = 409, description = "You already have a mock interview running, or the library has no challenge for one of the format's problems", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "No such format (`field` is `format`)", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn start(
    state: web::Data<AppState>,
    auth: Auth,
    body: Json<StartBody>,
) -> Result<HttpResponse, AppError> {
    let view = state
        .interviews
        .start(&auth.identity.user, &body.format)
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/v1/interviews/{}", view.id),
        ))
        .json(InterviewBody { interview: view }))
}

/// `GET /api/v1/interviews`
#[utoipa::path(
    get,
    path = "/api/v1/interviews",
    operation_id = "listInterviews",
    tag = "interviews",
    responses((status = 200, description = "Your mock interviews, newest first (up to 50)", body = InterviewList)),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn list(state: web::Data<AppState>, auth: Auth) -> Result<HttpResponse, AppError> {
    let interviews = state.interviews.list_own(&auth.identity.user, 50).await?;
    Ok(HttpResponse::Ok().json(InterviewList { interviews }))
}

/// `GET /api/v1/interviews/{id}`
#[utoipa::path(
    get,
    path = "/api/v1/interviews/{id}",
    operation_id = "getInterview",
    tag = "interviews",
    params(("id" = String, Path, description = "Interview id")),
    responses(
        (status = 200, description = "The interview: problems, clock and report", body = InterviewBody),
        (status = 404, description = "No such interview, or not yours", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn show(
    state: web::Data<AppState>,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let view = state
        .interviews
        .view(&auth.identity.user, parse_id(&id)?)
        .await?;
    Ok(HttpResponse::Ok().json(InterviewBody { interview: view }))
}

/// `POST /api/v1/interviews/{id}/end`
#[utoipa::path(
    post,
    path = "/api/v1/interviews/{id}/end",
    operation_id = "endInterview",
    tag = "interviews",
    params(("id" = String, Path, description = "Interview id")),
    responses(
        (status = 200, description = "Ended; the last drafts were submitted", body = InterviewBody),
        (status = 404, description = "No such interview, or not yours", body = crate::web::api::openapi::ErrorBody),
        (status = 409, description = "It has already ended", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn end(
    state: web::Data<AppState>,
    auth: Auth,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let view = state
        .interviews
        .end_early(&auth.identity.user, parse_id(&id)?)
        .await?;
    Ok(HttpResponse::Ok().json(InterviewBody { interview: view }))
}
