use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::accounts::AccountsError;
use crate::domain::{Role, UserId};
use crate::web::auth::{Admin, Auth};
use crate::web::error::AppError;
use crate::web::form::Form;
use crate::web::page::{redirect_with_flash, Flash, PageCtx, UserView};

pub const PER_PAGE: u32 = 50;

#[derive(Deserialize)]
pub struct UsersQuery {
    page: Option<u32>,
}

/// `GET /admin/users`
pub async fn users(
    _admin: Auth<Admin>,
    page: PageCtx,
    query: web::Query<UsersQuery>,
) -> Result<HttpResponse, AppError> {
    let number = query.page.unwrap_or(1).max(1);
    let (users, total) = page.state.accounts.list_users(number, PER_PAGE).await?;
    let mut ctx = page.context();
    ctx.insert(
        "users",
        &users.iter().map(UserView::from).collect::<Vec<_>>(),
    );
    ctx.insert(
        "roles",
        &Role::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
    );
    ctx.insert("page", &number);
    ctx.insert("total", &total);
    ctx.insert("has_prev", &(number > 1));
    ctx.insert(
        "has_next",
        &(i64::from(number) * i64::from(PER_PAGE) < total),
    );
    page.render("admin_users.html", &ctx)
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

/// `POST /admin/users/{id}/role`
pub async fn set_role(
    _admin: Auth<Admin>,
    page: PageCtx,
    path: web::Path<String>,
    Form(form): Form<RoleForm>,
) -> Result<HttpResponse, AppError> {
    let target = UserId::parse(&path).ok_or(AccountsError::UserNotFound)?;
    let role = Role::parse(&form.role)?;
    page.state.accounts.set_role(target, role).await?;
    Ok(redirect_with_flash(
        "/admin/users",
        Some(Flash::RoleChanged),
    ))
}
