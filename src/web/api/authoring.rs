//! Instructors' API: drafts (create, read, replace, check, publish,
//! discard, import from a zip), export, statistics and reviews.

use std::collections::BTreeMap;

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::authoring::{Authored, CheckResult, Draft, Publication};
use crate::challenges::Slug;
use crate::domain::Kind;
use crate::domain::SubmissionId;
use crate::reviews::{ChallengeStats, QueueItem};
use crate::web::auth::{Auth, Instructor};
use crate::web::error::AppError;
use crate::web::json::Json;
use crate::web::AppState;

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDraft {
    /// 1–64 lower-case letters, digits and single hyphens.
    #[schema(max_length = 64, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")]
    slug: String,
    #[schema(value_type = Kind)]
    kind: String,
}

/// `{"draft": …}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct DraftBody {
    draft: Draft,
}

/// `{"check": …}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct CheckBody {
    check: CheckResult,
}

/// `{"stats": …}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct StatsBody {
    stats: ChallengeStats,
}

/// `{"challenges": […]}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct Overview {
    challenges: Vec<Authored>,
}

/// `{"reviews": […]}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct ReviewQueue {
    reviews: Vec<QueueItem>,
}

/// `POST /api/v1/drafts`
#[utoipa::path(
    post,
    path = "/api/v1/drafts",
    operation_id = "createDraft",
    tag = "authoring",
    request_body = NewDraft,
    responses(
        (status = 201, description = "A draft made from the template of its kind", body = DraftBody),
        (status = 403, description = "Instructors only; a draft is edited by its author or an admin", body = crate::web::api::openapi::ErrorBody),
        (status = 409, description = "The slug is taken", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "The slug or kind is invalid", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn create(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    body: Json<NewDraft>,
) -> Result<HttpResponse, AppError> {
    let draft = state
        .authoring
        .create(
            &auth.identity.user,
            body.slug.trim(),
            Kind::parse(body.kind.trim()).map_err(|e| e.for_field("kind"))?,
        )
        .await?;
    Ok(HttpResponse::Created().json(DraftBody { draft }))
}

/// `GET /api/v1/drafts/{slug}`: the draft, or a published challenge's files to start one from (nothing is stored until the first save)
#[utoipa::path(
    get,
    path = "/api/v1/drafts/{slug}",
    operation_id = "getDraft",
    tag = "authoring",
    params(("slug" = String, Path, description = "Challenge slug")),
    responses(
        (status = 200, description = "The draft's files, or the published files a draft of it would start from (nothing is stored until the first save)", body = DraftBody),
        (status = 403, description = "Instructors only; a draft is edited by its author or an admin", body = crate::web::api::openapi::ErrorBody),
        (status = 404, description = "No such challenge or draft", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn show(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    let draft = state.authoring.view(&auth.identity.user, &slug).await?;
    Ok(HttpResponse::Ok().json(DraftBody { draft }))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Files {
    files: BTreeMap<String, String>,
}

/// `PUT /api/v1/drafts/{slug}`
#[utoipa::path(
    put,
    path = "/api/v1/drafts/{slug}",
    operation_id = "saveDraft",
    tag = "authoring",
    request_body = Files,
    params(("slug" = String, Path, description = "Challenge slug")),
    responses(
        (status = 200, description = "Saved", body = DraftBody),
        (status = 403, description = "Instructors only; a draft is edited by its author or an admin", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "A path or size is invalid", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn save(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
    body: Json<Files>,
) -> Result<HttpResponse, AppError> {
    let draft = state
        .authoring
        .save(&auth.identity.user, &slug, body.into_inner().files)
        .await?;
    Ok(HttpResponse::Ok().json(DraftBody { draft }))
}

/// `DELETE /api/v1/drafts/{slug}`
#[utoipa::path(
    delete,
    path = "/api/v1/drafts/{slug}",
    operation_id = "discardDraft",
    tag = "authoring",
    params(("slug" = String, Path, description = "Challenge slug")),
    responses(
        (status = 204, description = "Discarded"),
        (status = 403, description = "Instructors only; a draft is edited by its author or an admin", body = crate::web::api::openapi::ErrorBody),
        (status = 404, description = "No such challenge or draft", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn discard(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    state.authoring.discard(&auth.identity.user, &slug).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `POST /api/v1/drafts/{slug}/check`
#[utoipa::path(
    post,
    path = "/api/v1/drafts/{slug}/check",
    operation_id = "checkDraft",
    tag = "authoring",
    params(("slug" = String, Path, description = "Challenge slug")),
    responses(
        (status = 200, description = "What `rehearse challenges check` finds: problems, and each solution's expectation and outcome", body = CheckBody),
        (status = 403, description = "Instructors only; a draft is edited by its author or an admin", body = crate::web::api::openapi::ErrorBody),
        (status = 404, description = "No such challenge or draft", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn check(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    let result = state.authoring.check(&auth.identity.user, &slug).await?;
    Ok(HttpResponse::Ok().json(CheckBody { check: result }))
}

/// `POST /api/v1/drafts/{slug}/publish`: 200 when published, 422 with the
/// check's findings when refused.
#[utoipa::path(
    post,
    path = "/api/v1/drafts/{slug}/publish",
    operation_id = "publishDraft",
    tag = "authoring",
    params(("slug" = String, Path, description = "Challenge slug")),
    responses(
        (status = 200, description = "Published as the next version", body = Publication),
        (status = 403, description = "Instructors only; a draft is edited by its author or an admin", body = crate::web::api::openapi::ErrorBody),
        (status = 404, description = "No such challenge or draft", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "Refused, with the check's findings", body = Publication),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn publish(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    let publication = state.authoring.publish(&auth.identity.user, &slug).await?;
    Ok(match &publication {
        Publication::Published { .. } => HttpResponse::Ok().json(publication),
        Publication::Refused { .. } => HttpResponse::UnprocessableEntity().json(publication),
    })
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ImportQuery {
    /// The slug, when the zip holds the files at its root.
    #[param(max_length = 64, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")]
    slug: Option<String>,
}

/// A zip file's bytes.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct ZipFile(Vec<u8>);

/// `POST /api/v1/drafts/import` with a zip body (`Content-Type: application/zip`).
#[utoipa::path(
    post,
    path = "/api/v1/drafts/import",
    operation_id = "importDraft",
    tag = "authoring",
    request_body(content = ZipFile, content_type = "application/zip", description = "A zip of the package folder"),
    params(ImportQuery),
    responses(
        (status = 201, description = "A draft made from the zip (one folder named after the slug)", body = DraftBody),
        (status = 403, description = "Instructors only; a draft is edited by its author or an admin", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "Not a package zip", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn import(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    query: web::Query<ImportQuery>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let draft = state
        .authoring
        .import_zip(&auth.identity.user, &body, query.slug.as_deref())
        .await?;
    Ok(HttpResponse::Created().json(DraftBody { draft }))
}

/// `GET /api/v1/challenges/{slug}/export`: the package folder as a zip.
#[utoipa::path(
    get,
    path = "/api/v1/challenges/{slug}/export",
    operation_id = "exportChallenge",
    tag = "authoring",
    params(("slug" = String, Path, description = "Challenge slug")),
    responses(
        (status = 200, description = "The package folder as a zip", content_type = "application/zip", body = ZipFile),
        (status = 403, description = "Instructors only; a draft is edited by its author or an admin", body = crate::web::api::openapi::ErrorBody),
        (status = 404, description = "No such challenge or draft", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn export(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    let bytes = state.authoring.export(&auth.identity.user, &slug).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/zip"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{slug}.zip\""),
        ))
        .body(bytes))
}

/// `GET /api/v1/challenges/{slug}/stats`
#[utoipa::path(
    get,
    path = "/api/v1/challenges/{slug}/stats",
    operation_id = "getChallengeStats",
    tag = "authoring",
    params(("slug" = String, Path, description = "Challenge slug")),
    responses(
        (status = 200, description = "Attempts, candidates, acceptance, verdict and score distributions", body = StatsBody),
        (status = 403, description = "Instructors only; a draft is edited by its author or an admin", body = crate::web::api::openapi::ErrorBody),
        (status = 404, description = "No such challenge or draft", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn stats(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    let stats = state.reviews.stats(&auth.identity.user, &slug).await?;
    Ok(HttpResponse::Ok().json(StatsBody { stats }))
}

/// `GET /api/v1/instructor/challenges`: what the instructor may edit.
#[utoipa::path(
    get,
    path = "/api/v1/instructor/challenges",
    operation_id = "listAuthoredChallenges",
    tag = "authoring",
    responses(
        (status = 200, description = "Challenges and drafts, with what you may edit", body = Overview),
        (status = 403, description = "Instructors only; a draft is edited by its author or an admin", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn overview(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
) -> Result<HttpResponse, AppError> {
    let rows = state.authoring.overview(&auth.identity.user).await?;
    Ok(HttpResponse::Ok().json(Overview { challenges: rows }))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct QueueQuery {
    reviewed: Option<bool>,
}

/// `GET /api/v1/reviews?reviewed=false`
#[utoipa::path(
    get,
    path = "/api/v1/reviews",
    operation_id = "listReviews",
    tag = "reviews",
    params(QueueQuery),
    responses(
        (status = 200, description = "Graded design answers waiting for review (or reviewed), oldest first", body = ReviewQueue),
        (status = 403, description = "Instructors only; a draft is edited by its author or an admin", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn queue(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    let items = state
        .reviews
        .queue(&auth.identity.user, query.reviewed.unwrap_or(false))
        .await?;
    Ok(HttpResponse::Ok().json(ReviewQueue { reviews: items }))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewBody {
    /// 0–100.
    #[schema(minimum = 0, maximum = 100)]
    score_percent: f64,
    comment: String,
}

/// `PUT /api/v1/submissions/{id}/review`
#[utoipa::path(
    put,
    path = "/api/v1/submissions/{id}/review",
    operation_id = "reviewSubmission",
    tag = "reviews",
    request_body = ReviewBody,
    params(("id" = String, Path, description = "Submission id")),
    responses(
        (status = 200, description = "The submission with the override the candidate now sees", body = crate::web::api::submissions::SubmissionBody),
        (status = 403, description = "Instructors only; a draft is edited by its author or an admin", body = crate::web::api::openapi::ErrorBody),
        (status = 404, description = "No such submission", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "Score or comment invalid, or not a graded design answer", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn review(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    id: web::Path<String>,
    body: Json<ReviewBody>,
) -> Result<HttpResponse, AppError> {
    let id =
        SubmissionId::parse(&id).ok_or_else(|| AppError::NotFound("no such submission".into()))?;
    let view = state
        .reviews
        .review(
            &auth.identity.user,
            id,
            body.score_percent / 100.0,
            &body.comment,
        )
        .await?;
    Ok(HttpResponse::Ok().json(crate::web::api::submissions::SubmissionBody { submission: view }))
}
