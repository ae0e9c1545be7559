use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::UserJson;
use crate::web::error::AppError;
use crate::web::inputs;
use crate::web::AppState;

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignupBody {
    email: String,
    display_name: String,
    password: String,
}

/// `POST /api/v1/users`: creates a candidate account.
#[utoipa::path(post, path = "/api/v1/users", tag = "accounts", request_body = SignupBody, responses((status = 201, description = "The account, signed in"), (status = 409, description = "The email is taken", body = crate::web::api::openapi::ErrorBody), (status = 422, description = "A field is invalid", body = crate::web::api::openapi::ErrorBody)))]
pub async fn create(
    state: web::Data<AppState>,
    body: web::Json<SignupBody>,
) -> Result<HttpResponse, AppError> {
    let new = inputs::new_candidate(&body.email, &body.display_name, &body.password)
        .map_err(AppError::Validation)?;
    let user = state.accounts.create_account(new).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", "/api/v1/me"))
        .json(serde_json::json!({ "user": UserJson::from(&user) })))
}
