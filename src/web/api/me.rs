use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::{Label, TokenJson, UserBody, UserJson};
use crate::accounts::AccountsError;
use crate::domain::{ApiTokenId, TokenName};
use crate::web::auth::Auth;
use crate::web::error::AppError;
use crate::web::inputs;
use crate::web::json::Json;
use crate::web::AppState;

/// `GET /api/v1/me`
#[utoipa::path(
    get,
    path = "/api/v1/me",
    operation_id = "getMe",
    tag = "accounts",
    responses((status = 200, description = "Your account", body = UserBody)),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn show(auth: Auth) -> HttpResponse {
    HttpResponse::Ok().json(UserBody {
        user: UserJson::from(&auth.identity.user),
    })
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileBody {
    #[schema(format = Email, max_length = 254)]
    email: Option<String>,
    #[schema(value_type = Option<Label>)]
    display_name: Option<String>,
}

/// `PATCH /api/v1/me`: changes email and/or display name.
#[utoipa::path(
    patch,
    path = "/api/v1/me",
    operation_id = "updateMe",
    tag = "accounts",
    request_body = ProfileBody,
    responses(
        (status = 200, description = "The updated account", body = UserBody),
        (status = 409, description = "Another account has this email", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "A field is invalid", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn update(
    state: web::Data<AppState>,
    auth: Auth,
    body: Json<ProfileBody>,
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
    Ok(HttpResponse::Ok().json(UserBody {
        user: UserJson::from(&updated),
    }))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordBody {
    current_password: String,
    #[schema(min_length = 10, max_length = 256)]
    new_password: String,
}

/// `PUT /api/v1/me/password`: ends every other session of the user.
#[utoipa::path(
    put,
    path = "/api/v1/me/password",
    operation_id = "changePassword",
    tag = "accounts",
    request_body = PasswordBody,
    responses(
        (status = 204, description = "Changed; other sessions ended"),
        (status = 422, description = "Wrong current password or invalid new one", body = crate::web::api::openapi::ErrorBody),
        (status = 429, description = "Too many wrong current passwords; see Retry-After", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn change_password(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    auth: Auth,
    body: Json<PasswordBody>,
) -> Result<HttpResponse, AppError> {
    let client = crate::web::auth::client_info(&req, state.settings.trust_proxy_headers);
    let body = body.into_inner();
    let new = inputs::new_password(&body.current_password, &body.new_password, None)
        .map_err(AppError::Validation)?;
    state
        .accounts
        .change_password(&auth.identity, body.current_password, new, &client)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `{"tokens": […]}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct Tokens {
    tokens: Vec<TokenJson>,
}

/// `{"token": …}`, with its secret.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CreatedToken {
    token: TokenJson,
}

/// `GET /api/v1/me/tokens`
#[utoipa::path(
    get,
    path = "/api/v1/me/tokens",
    operation_id = "listTokens",
    tag = "accounts",
    responses((status = 200, description = "Your API tokens (never their secrets)", body = Tokens)),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn list_tokens(state: web::Data<AppState>, auth: Auth) -> Result<HttpResponse, AppError> {
    let tokens = state
        .accounts
        .list_api_tokens(auth.identity.user.id)
        .await?;
    let tokens: Vec<_> = tokens.iter().map(|t| TokenJson::new(t, None)).collect();
    Ok(HttpResponse::Ok().json(Tokens { tokens }))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenBody {
    #[schema(value_type = Label)]
    name: String,
}

/// `POST /api/v1/me/tokens`: the token appears in this response only.
#[utoipa::path(
    post,
    path = "/api/v1/me/tokens",
    operation_id = "createToken",
    tag = "accounts",
    request_body = TokenBody,
    responses(
        (status = 201, description = "A new API token, shown only in this response", body = CreatedToken),
        (status = 422, description = "The name is invalid", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn create_token(
    state: web::Data<AppState>,
    auth: Auth,
    body: Json<TokenBody>,
) -> Result<HttpResponse, AppError> {
    let name = TokenName::parse(&body.name)?;
    let token = state
        .accounts
        .create_api_token(auth.identity.user.id, name)
        .await?;
    Ok(HttpResponse::Created().json(CreatedToken {
        token: TokenJson::new(&token.info, Some(token.secret)),
    }))
}

/// `DELETE /api/v1/me/tokens/{id}`
#[utoipa::path(
    delete,
    path = "/api/v1/me/tokens/{id}",
    operation_id = "revokeToken",
    tag = "accounts",
    params(("id" = String, Path, description = "Token id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 404, description = "No such token of yours", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
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
