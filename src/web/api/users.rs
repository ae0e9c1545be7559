use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::UserJson;
use crate::web::error::AppError;
use crate::web::inputs;
use crate::web::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignupBody {
    email: String,
    display_name: String,
    password: String,
}

/// `POST /api/v1/users`: creates a candidate account.
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
