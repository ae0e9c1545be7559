use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::{TokenJson, UserJson};
use crate::accounts::AccountsError;
use crate::domain::{ApiTokenId, TokenName};
use crate::web::auth::Auth;
use crate::web::error::AppError;
use crate::web::inputs;
use crate::web::AppState;

/// `GET /api/v1/me`
pub async fn show(auth: Auth) -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({ "user": UserJson::from(&auth.identity.user) }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileBody {
    email: Option<String>,
    display_name: Option<String>,
}

/// `PATCH /api/v1/me`: changes email and/or display name.
pub async fn update(
    state: web::Data<AppState>,
    auth: Auth,
    body: web::Json<ProfileBody>,
) -> Result<HttpResponse, AppError> {
    let user = &auth.identity.user;
    let email = body.email.as_deref().unwrap_or(user.email.as_str());
    let display_name = body
        .display_name
        .as_deref()
        .unwrap_or(user.display_name.as_str());
    let (email, display_name) =
        inputs::profile(email, display_name).map_err(AppError::Validation)?;
    let updated = state
        .accounts
        .update_profile(user.id, email, display_name)
        .await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "user": UserJson::from(&updated) })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordBody {
    current_password: String,
    new_password: String,
}

/// `PUT /api/v1/me/password`: ends every other session of the user.
pub async fn change_password(
    state: web::Data<AppState>,
    auth: Auth,
    body: web::Json<PasswordBody>,
) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let new = inputs::new_password(&body.current_password, &body.new_password, None)
        .map_err(AppError::Validation)?;
    state
        .accounts
        .change_password(&auth.identity, body.current_password, new)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `GET /api/v1/me/tokens`
pub async fn list_tokens(state: web::Data<AppState>, auth: Auth) -> Result<HttpResponse, AppError> {
    let tokens = state
        .accounts
        .list_api_tokens(auth.identity.user.id)
        .await?;
    let tokens: Vec<_> = tokens.iter().map(|t| TokenJson::new(t, None)).collect();
    Ok(HttpResponse::Ok().json(serde_json::json!({ "tokens": tokens })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenBody {
    name: String,
}

/// `POST /api/v1/me/tokens`: the token appears in this response only.
pub async fn create_token(
    state: web::Data<AppState>,
    auth: Auth,
    body: web::Json<TokenBody>,
) -> Result<HttpResponse, AppError> {
    let name = TokenName::parse(&body.name)?;
    let token = state
        .accounts
        .create_api_token(auth.identity.user.id, name)
        .await?;
    Ok(HttpResponse::Created()
        .json(serde_json::json!({ "token": TokenJson::new(&token.info, Some(token.secret)) })))
}

/// `DELETE /api/v1/me/tokens/{id}`
pub async fn revoke_token(
    state: web::Data<AppState>,
    auth: Auth,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = ApiTokenId::parse(&path).ok_or(AccountsError::TokenNotFound)?;
    state
        .accounts
        .revoke_api_token(auth.identity.user.id, id)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
