use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::{UserBody, UserJson};
use crate::accounts::AccountsError;
use crate::domain::{Role, UserId, ValidationError};
use crate::web::auth::{Admin, Auth};
use crate::web::error::AppError;
use crate::web::json::Json;
use crate::web::AppState;

/// The most users a page holds.
const MAX_PER_PAGE: u32 = 200;
/// The highest page number asked for (far past any real list).
const MAX_PAGE: u32 = 1_000_000;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// From 1.
    #[param(minimum = 1, maximum = 1000000)]
    page: Option<u32>,
    /// 1–200; 50 when absent.
    #[param(minimum = 1, maximum = 200)]
    per_page: Option<u32>,
}

/// A page of users.
#[derive(Serialize, utoipa::ToSchema)]
pub struct UsersPage {
    users: Vec<UserJson>,
    page: u32,
    per_page: u32,
    total: u64,
}

/// `GET /api/v1/admin/users?page=&per_page=`
#[utoipa::path(
    get,
    path = "/api/v1/admin/users",
    operation_id = "listUsers",
    tag = "admin",
    params(ListQuery),
    responses(
        (status = 200, description = "Users, a page at a time", body = UsersPage),
        (status = 403, description = "Admins only", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "`page` or `per_page` is out of range", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn list_users(
    state: web::Data<AppState>,
    _admin: Auth<Admin>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let page = query.page.unwrap_or(1);
    if !(1..=MAX_PAGE).contains(&page) {
        return Err(
            ValidationError::new("page", format!("pages are numbered 1 to {MAX_PAGE}")).into(),
        );
    }
    let per_page = query.per_page.unwrap_or(50);
    if !(1..=MAX_PER_PAGE).contains(&per_page) {
        return Err(ValidationError::new(
            "per_page",
            format!("a page holds 1 to {MAX_PER_PAGE} users"),
        )
        .into());
    }
    let (users, total) = state.accounts.list_users(page, per_page).await?;
    Ok(HttpResponse::Ok().json(UsersPage {
        users: users.iter().map(UserJson::from).collect(),
        page,
        per_page,
        total: u64::try_from(total).unwrap_or(0),
    }))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleBody {
    #[schema(value_type = Role)]
    role: String,
}

/// `PATCH /api/v1/admin/users/{id}`: changes a user's role.
#[utoipa::path(
    patch,
    path = "/api/v1/admin/users/{id}",
    operation_id = "setUserRole",
    tag = "admin",
    request_body = RoleBody,
    params(("id" = String, Path, description = "User id")),
    responses(
        (status = 200, description = "The user with the new role", body = UserBody),
        (status = 403, description = "Admins only", body = crate::web::api::openapi::ErrorBody),
        (status = 404, description = "No such user", body = crate::web::api::openapi::ErrorBody),
        (status = 409, description = "The last admin cannot be demoted", body = crate::web::api::openapi::ErrorBody),
        (status = 422, description = "Not a role", body = crate::web::api::openapi::ErrorBody),
    ),
    security(("bearer_token" = []), ("session_cookie" = []))
)]
pub async fn update_user(
    state: web::Data<AppState>,
    _admin: Auth<Admin>,
    path: web::Path<String>,
    body: Json<RoleBody>,
) -> Result<HttpResponse, AppError> {
    let target = UserId::parse(&path).ok_or(AccountsError::UserNotFound)?;
    let role = Role::parse(&body.role)?;
    let user = state.accounts.set_role(target, role).await?;
    Ok(HttpResponse::Ok().json(UserBody {
        user: UserJson::from(&user),
    }))
}
