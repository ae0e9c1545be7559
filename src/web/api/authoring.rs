//! Instructors' API: drafts (create, read, replace, check, publish,
//! discard, import from a zip), export, statistics and reviews.

use std::collections::BTreeMap;

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::authoring::Publication;
use crate::challenges::Slug;
use crate::domain::SubmissionId;
use crate::web::auth::{Auth, Instructor};
use crate::web::error::AppError;
use crate::web::AppState;

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDraft {
    slug: String,
    kind: String,
}

/// `POST /api/v1/drafts`
#[utoipa::path(post, path = "/api/v1/drafts", tag = "authoring", request_body = NewDraft, responses((status = 201, description = "A draft made from the template of its kind"), (status = 409, description = "The slug is taken", body = crate::web::api::openapi::ErrorBody), (status = 403, description = "Instructors only", body = crate::web::api::openapi::ErrorBody)), security(("bearer_token" = []), ("session_cookie" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    body: web::Json<NewDraft>,
) -> Result<HttpResponse, AppError> {
    let draft = state
        .authoring
        .create(&auth.identity.user, body.slug.trim(), body.kind.trim())
        .await?;
    Ok(HttpResponse::Created().json(json!({ "draft": draft })))
}

/// `GET /api/v1/drafts/{slug}`: the draft, or a published challenge's files to start one from (nothing is stored until the first save)
#[utoipa::path(get, path = "/api/v1/drafts/{slug}", tag = "authoring", params(("slug" = String, Path, description = "Challenge slug")), responses((status = 200, description = "The draft's files, or the published files a draft of it would start from"), (status = 403, description = "Only the author or an admin edits it", body = crate::web::api::openapi::ErrorBody)), security(("bearer_token" = []), ("session_cookie" = [])))]
pub async fn show(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    let draft = state.authoring.view(&auth.identity.user, &slug).await?;
    Ok(HttpResponse::Ok().json(json!({ "draft": draft })))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Files {
    files: BTreeMap<String, String>,
}

/// `PUT /api/v1/drafts/{slug}`
#[utoipa::path(put, path = "/api/v1/drafts/{slug}", tag = "authoring", request_body = Files, params(("slug" = String, Path, description = "Challenge slug")), responses((status = 200, description = "Saved"), (status = 422, description = "A path or size is invalid", body = crate::web::api::openapi::ErrorBody)), security(("bearer_token" = []), ("session_cookie" = [])))]
pub async fn save(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
    body: web::Json<Files>,
) -> Result<HttpResponse, AppError> {
    let draft = state
        .authoring
        .save(&auth.identity.user, &slug, body.into_inner().files)
        .await?;
    Ok(HttpResponse::Ok().json(json!({ "draft": draft })))
}

/// `DELETE /api/v1/drafts/{slug}`
#[utoipa::path(delete, path = "/api/v1/drafts/{slug}", tag = "authoring", params(("slug" = String, Path, description = "Challenge slug")), responses((status = 204, description = "Discarded")), security(("bearer_token" = []), ("session_cookie" = [])))]
pub async fn discard(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    state.authoring.discard(&auth.identity.user, &slug).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `POST /api/v1/drafts/{slug}/check`
#[utoipa::path(post, path = "/api/v1/drafts/{slug}/check", tag = "authoring", params(("slug" = String, Path, description = "Challenge slug")), responses((status = 200, description = "What `rehearse challenges check` finds: problems, and each solution's expectation and outcome")), security(("bearer_token" = []), ("session_cookie" = [])))]
pub async fn check(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    let result = state.authoring.check(&auth.identity.user, &slug).await?;
    Ok(HttpResponse::Ok().json(json!({ "check": result })))
}

/// `POST /api/v1/drafts/{slug}/publish`: 200 when published, 422 with the
/// check's findings when refused.
#[utoipa::path(post, path = "/api/v1/drafts/{slug}/publish", tag = "authoring", params(("slug" = String, Path, description = "Challenge slug")), responses((status = 200, description = "Published as the next version"), (status = 422, description = "Refused, with the check's findings")), security(("bearer_token" = []), ("session_cookie" = [])))]
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
    slug: Option<String>,
}

/// `POST /api/v1/drafts/import` with a zip body (`Content-Type: application/zip`).
#[utoipa::path(post, path = "/api/v1/drafts/import", tag = "authoring", request_body(content = Vec<u8>, content_type = "application/zip", description = "A zip of the package folder"), params(ImportQuery), responses((status = 201, description = "A draft made from the zip (one folder named after the slug)"), (status = 422, description = "Not a package zip", body = crate::web::api::openapi::ErrorBody)), security(("bearer_token" = []), ("session_cookie" = [])))]
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
    Ok(HttpResponse::Created().json(json!({ "draft": draft })))
}

/// `GET /api/v1/challenges/{slug}/export`: the package folder as a zip.
#[utoipa::path(get, path = "/api/v1/challenges/{slug}/export", tag = "authoring", params(("slug" = String, Path, description = "Challenge slug")), responses((status = 200, description = "application/zip: the package folder"), (status = 403, description = "Instructors only", body = crate::web::api::openapi::ErrorBody)), security(("bearer_token" = []), ("session_cookie" = [])))]
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
#[utoipa::path(get, path = "/api/v1/challenges/{slug}/stats", tag = "authoring", params(("slug" = String, Path, description = "Challenge slug")), responses((status = 200, description = "Attempts, candidates, acceptance, verdict and score distributions"), (status = 403, description = "Instructors only", body = crate::web::api::openapi::ErrorBody)), security(("bearer_token" = []), ("session_cookie" = [])))]
pub async fn stats(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    slug: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    let stats = state.reviews.stats(&auth.identity.user, &slug).await?;
    Ok(HttpResponse::Ok().json(json!({ "stats": stats })))
}

/// `GET /api/v1/instructor/challenges`: what the instructor may edit.
#[utoipa::path(get, path = "/api/v1/instructor/challenges", tag = "authoring", responses((status = 200, description = "Challenges and drafts, with what you may edit")), security(("bearer_token" = []), ("session_cookie" = [])))]
pub async fn overview(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
) -> Result<HttpResponse, AppError> {
    let rows = state.authoring.overview(&auth.identity.user).await?;
    Ok(HttpResponse::Ok().json(json!({ "challenges": rows })))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct QueueQuery {
    reviewed: Option<bool>,
}

/// `GET /api/v1/reviews?reviewed=false`
#[utoipa::path(get, path = "/api/v1/reviews", tag = "reviews", params(QueueQuery), responses((status = 200, description = "Graded design answers waiting for review (or reviewed), oldest first")), security(("bearer_token" = []), ("session_cookie" = [])))]
pub async fn queue(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    let items = state
        .reviews
        .queue(&auth.identity.user, query.reviewed.unwrap_or(false))
        .await?;
    Ok(HttpResponse::Ok().json(json!({ "reviews": items })))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewBody {
    /// 0–100.
    score_percent: f64,
    comment: String,
}

/// `PUT /api/v1/submissions/{id}/review`
#[utoipa::path(put, path = "/api/v1/submissions/{id}/review", tag = "reviews", request_body = ReviewBody, params(("id" = String, Path, description = "Submission id")), responses((status = 200, description = "The submission with the override the candidate now sees"), (status = 422, description = "Score or comment invalid, or not a design answer", body = crate::web::api::openapi::ErrorBody)), security(("bearer_token" = []), ("session_cookie" = [])))]
pub async fn review(
    state: web::Data<AppState>,
    auth: Auth<Instructor>,
    id: web::Path<String>,
    body: web::Json<ReviewBody>,
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
    Ok(HttpResponse::Ok().json(json!({ "submission": view })))
}
