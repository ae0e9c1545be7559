use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use super::{Label, TokenJson, UserJson};
use crate::domain::TokenName;
use crate::web::auth::{
    clear_session_cookie, client_info, current_session, session_cookie, Auth, MaybeIdentity,
};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::json::Json;
use crate::web::AppState;

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginBody {
    email: String,
    password: String,
}

/// A browser's new session.
#[derive(Serialize, utoipa::ToSchema)]
pub struct LoggedIn {
    user: UserJson,
    /// Send it as `X-CSRF-Token` on writes made with the session cookie.
    csrf_token: String,
}

/// `POST /api/v1/session`: logs a browser in (sets the session cookie) and
/// returns the CSRF token its scripts must send on writes.
#[utoipa::path(
    post,
    path = "/api/v1/session",
    operation_id = "logIn",
    tag = "accounts",
    request_body = LoginBody,
    responses(
        (status = 200, description = "Logged in: a session cookie and the CSRF token for API writes", body = LoggedIn),
        (status = 401, description = "Wrong email or password", body = crate::web::api::openapi::ErrorBody),
        (status = 429, description = "Too many failed attempts; see Retry-After", body = crate::web::api::openapi::ErrorBody),
    )
)]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: MaybeIdentity,
    body: Json<LoginBody>,
) -> Result<HttpResponse, AppError> {
    let client = client_info(&req, state.settings.trust_proxy_headers);
    let session = state
        .accounts
        .login(
            &body.email,
            &body.password,
            client,
            current_session(current.0.as_ref()),
        )
        .await?;
    let cookie = session_cookie(
        session.secret,
        state.accounts.session_ttl(),
        state.settings.tls,
    );
    Ok(HttpResponse::Ok().cookie(cookie).json(LoggedIn {
        user: UserJson::from(&session.user),
        csrf_token: csrf::token_for(&req, &state.csrf_key),
    }))
}

/// `DELETE /api/v1/session`: logs out.
#[utoipa::path(
    delete,
    path = "/api/v1/session",
    operation_id = "logOut",
    tag = "accounts",
    responses((status = 204, description = "Logged out")),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn logout(state: web::Data<AppState>, auth: Auth) -> Result<HttpResponse, AppError> {
    if let Some(session) = current_session(Some(&auth.identity)) {
        state.accounts.logout(session).await?;
    }
    Ok(HttpResponse::NoContent()
        .cookie(clear_session_cookie(state.settings.tls))
        .finish())
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenLoginBody {
    email: String,
    password: String,
    /// What to call the token (1–64 characters); `command line` if absent.
    #[serde(default = "default_token_name")]
    #[schema(value_type = Label)]
    name: String,
}

fn default_token_name() -> String {
    "command line".to_owned()
}

/// A token made by logging in.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TokenIssued {
    user: UserJson,
    token: TokenJson,
}

/// `POST /api/v1/auth/token`: the command-line client's login. Credentials
/// in, a new API token out (shown this once).
#[utoipa::path(
    post,
    path = "/api/v1/auth/token",
    operation_id = "logInForToken",
    tag = "accounts",
    request_body = TokenLoginBody,
    responses(
        (status = 201, description = "A new API token, shown only in this response", body = TokenIssued),
        (status = 401, description = "Wrong email or password", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "The token name is invalid", body = crate::web::api::openapi::ErrorBody),
        (status = 429, description = "Too many failed attempts; see Retry-After", body = crate::web::api::openapi::ErrorBody),
    )
)]
pub async fn token_login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: Json<TokenLoginBody>,
) -> Result<HttpResponse, AppError> {
    let name = TokenName::parse(&body.name)?;
    let client = client_info(&req, state.settings.trust_proxy_headers);
    let (user, token) = state
        .accounts
        .create_api_token_with_password(&body.email, &body.password, name, client)
        .await?;
    Ok(HttpResponse::Created().json(TokenIssued {
        user: UserJson::from(&user),
        token: TokenJson::new(&token.info, Some(token.secret)),
    }))
}
