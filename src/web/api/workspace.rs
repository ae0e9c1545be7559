//! The workspace's own state, kept per user: editor settings
//! (`/api/v1/me/editor-settings`) and drafts
//! (`/api/v1/challenges/{slug}/draft`).

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::challenges::Slug;
use crate::web::auth::Auth;
use crate::web::error::AppError;
use crate::web::json::Json;
use crate::web::AppState;
use crate::workspace::{EditorSettings, SettingsInput};

/// `GET /api/v1/me/editor-settings`
#[utoipa::path(
    get,
    path = "/api/v1/me/editor-settings",
    operation_id = "getEditorSettings",
    tag = "workspace",
    responses((status = 200, description = "Your editor settings (the defaults if you never saved any)", body = EditorSettings)),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn settings(state: web::Data<AppState>, auth: Auth) -> Result<HttpResponse, AppError> {
    let settings = state.workspace.settings(auth.identity.user.id).await?;
    Ok(HttpResponse::Ok().json(settings))
}

/// `PUT /api/v1/me/editor-settings`: a field left out keeps its default.
#[utoipa::path(
    put,
    path = "/api/v1/me/editor-settings",
    operation_id = "saveEditorSettings",
    tag = "workspace",
    request_body = SettingsInput,
    responses(
        (status = 200, description = "The settings as stored", body = EditorSettings),
        (status = 422, description = "A value is not offered; `field` names it", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn save_settings(
    state: web::Data<AppState>,
    auth: Auth,
    body: Json<SettingsInput>,
) -> Result<HttpResponse, AppError> {
    let settings = state
        .workspace
        .save_settings(auth.identity.user.id, body.into_inner())
        .await?;
    Ok(HttpResponse::Ok().json(settings))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AnswerDraftQuery {
    /// `python`, `cpp`, … for code; `sql` for SQL.
    #[param(max_length = 32)]
    language: String,
}

/// A draft to keep.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerDraftBody {
    /// `python`, `cpp`, … for code; `sql` for SQL.
    #[schema(max_length = 32)]
    language: String,
    /// The editor's text (up to 64 KiB; may be empty).
    #[schema(max_length = 65536)]
    source: String,
}

/// A kept draft.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AnswerDraftJson {
    language: String,
    source: String,
    updated_at: chrono::DateTime<chrono::Utc>,
}

impl From<crate::db::answer_drafts::AnswerDraft> for AnswerDraftJson {
    fn from(d: crate::db::answer_drafts::AnswerDraft) -> Self {
        Self {
            language: d.language,
            source: d.source,
            updated_at: d.updated_at,
        }
    }
}

/// `GET /api/v1/challenges/{slug}/draft?language=python`
#[utoipa::path(
    get,
    path = "/api/v1/challenges/{slug}/draft",
    operation_id = "getAnswerDraft",
    tag = "workspace",
    params(("slug" = String, Path, description = "Challenge slug"), AnswerDraftQuery),
    responses(
        (status = 200, description = "Your draft in that language", body = AnswerDraftJson),
        (status = 404, description = "No such challenge, or no draft in that language", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "The challenge is not written in that language", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn draft(
    state: web::Data<AppState>,
    auth: Auth,
    slug: web::Path<Slug>,
    query: web::Query<AnswerDraftQuery>,
) -> Result<HttpResponse, AppError> {
    let language = &query.language;
    match state
        .workspace
        .draft(&auth.identity.user, &slug, language)
        .await?
    {
        Some(draft) => Ok(HttpResponse::Ok().json(AnswerDraftJson::from(draft))),
        None => Err(AppError::NotFound(format!(
            "You have no {language} draft of {slug}."
        ))),
    }
}

/// `PUT /api/v1/challenges/{slug}/draft`
#[utoipa::path(
    put,
    path = "/api/v1/challenges/{slug}/draft",
    operation_id = "saveAnswerDraft",
    tag = "workspace",
    request_body = AnswerDraftBody,
    params(("slug" = String, Path, description = "Challenge slug")),
    responses(
        (status = 200, description = "The draft as kept", body = AnswerDraftJson),
        (status = 404, description = "No such challenge", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "Not a language of this challenge, or the draft is too long", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn save_draft(
    state: web::Data<AppState>,
    auth: Auth,
    slug: web::Path<Slug>,
    body: Json<AnswerDraftBody>,
) -> Result<HttpResponse, AppError> {
    let AnswerDraftBody { language, source } = body.into_inner();
    let draft = state
        .workspace
        .save_draft(&auth.identity.user, &slug, &language, source)
        .await?;
    Ok(HttpResponse::Ok().json(AnswerDraftJson::from(draft)))
}
