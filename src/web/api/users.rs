use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::Label;
use crate::web::error::AppError;
use crate::web::inputs;
use crate::web::json::Json;
use crate::web::AppState;

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignupBody {
    #[schema(format = Email, max_length = 254)]
    email: String,
    #[schema(value_type = Label)]
    display_name: String,
    #[schema(min_length = 10, max_length = 256)]
    password: String,
}

/// What every accepted sign-up hears, whether the email was new or not.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SignedUp {
    /// Always `accepted`.
    status: &'static str,
    message: &'static str,
}

/// `POST /api/v1/users`: signs up a candidate. A new email and a registered
/// one get the same answer, so sign-up does not reveal who has an account;
/// sign in (`POST /api/v1/session` or `/api/v1/auth/token`) to continue.
#[utoipa::path(
    post,
    path = "/api/v1/users",
    operation_id = "signUp",
    tag = "accounts",
    request_body = SignupBody,
    responses(
        (status = 202, description = "Accepted: if the email was new, the account exists now. The same answer comes for a registered email, which is left unchanged", body = SignedUp),
        (status = 422, description = "A field is invalid", body = crate::web::api::openapi::ErrorBody),
        (status = 429, description = "Too many sign-ups from this address; see Retry-After", body = crate::web::api::openapi::ErrorBody),
    )
)]
pub async fn create(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    body: Json<SignupBody>,
) -> Result<HttpResponse, AppError> {
    let new = inputs::new_candidate(&body.email, &body.display_name, &body.password)
        .map_err(AppError::Validation)?;
    let client = crate::web::auth::client_info(&req, state.settings.trust_proxy_headers);
    state.accounts.sign_up(new, &client).await?;
    Ok(HttpResponse::Accepted().json(SignedUp {
        status: "accepted",
        message: SIGNED_UP,
    }))
}

/// What every accepted sign-up hears, whether the email was new or not.
pub const SIGNED_UP: &str =
    "If this email was not registered yet, its account is ready: sign in with it to continue.";
