use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::UserJson;
use crate::accounts::AccountsError;
use crate::domain::{Role, UserId};
use crate::web::auth::{Admin, Auth};
use crate::web::error::AppError;
use crate::web::AppState;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    page: Option<u32>,
    per_page: Option<u32>,
}

/// `GET /api/v1/admin/users?page=&per_page=`
#[utoipa::path(get, path = "/api/v1/admin/users", tag = "admin", params(ListQuery), responses((status = 200, description = "Users, a page at a time"), (status = 403, description = "Admins only", body = crate::web::api::openapi::ErrorBody)), security(("bearer_token" = []), ("session_cookie" = [])))]
pub async fn list_users(
    state: web::Data<AppState>,
    _admin: Auth<Admin>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let page = query.page.unwrap_or(1).max(1);
    let per_page = query.per_page.unwrap_or(50).clamp(1, 200);
    let (users, total) = state.accounts.list_users(page, per_page).await?;
    let users: Vec<_> = users.iter().map(UserJson::from).collect();
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "users": users,
        "page": page,
        "per_page": per_page,
        "total": total,
    })))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleBody {
    role: String,
}

/// `PATCH /api/v1/admin/users/{id}`: changes a user's role.
#[utoipa::path(patch, path = "/api/v1/admin/users/{id}", tag = "admin", request_body = RoleBody, params(("id" = String, Path, description = "User id")), responses((status = 200, description = "The user with the new role"), (status = 409, description = "The last admin cannot be demoted", body = crate::web::api::openapi::ErrorBody)), security(("bearer_token" = []), ("session_cookie" = [])))]
pub async fn update_user(
    state: web::Data<AppState>,
    _admin: Auth<Admin>,
    path: web::Path<String>,
    body: web::Json<RoleBody>,
) -> Result<HttpResponse, AppError> {
    let target = UserId::parse(&path).ok_or(AccountsError::UserNotFound)?;
    let role = Role::parse(&body.role)?;
    let user = state.accounts.set_role(target, role).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "user": UserJson::from(&user) })))
}
