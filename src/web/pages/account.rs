use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use tera::Context;

use crate::accounts::AccountsError;
use crate::db::api_tokens::ApiTokenInfo;
use crate::domain::{ApiTokenId, TokenName, ValidationError};
use crate::web::auth::Auth;
use crate::web::error::AppError;
use crate::web::form::Form;
use crate::web::inputs;
use crate::web::page::{redirect_with_flash, Flash, PageCtx, UserView};

#[derive(Serialize)]
struct TokenView {
    id: String,
    name: String,
    prefix: String,
    created_at: String,
    last_used_at: Option<String>,
}

impl From<&ApiTokenInfo> for TokenView {
    fn from(t: &ApiTokenInfo) -> Self {
        let when = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M UTC").to_string();
        Self {
            id: t.id.to_string(),
            name: t.name.clone(),
            prefix: t.prefix.clone(),
            created_at: when(t.created_at),
            last_used_at: t.last_used_at.map(when),
        }
    }
}

/// What differs between renderings of the account page: which form failed
/// and what it said, or a token just created.
#[derive(Default)]
struct Outcome<'a> {
    profile_form: Option<(&'a str, &'a str)>,
    profile_errors: Vec<ValidationError>,
    password_errors: Vec<ValidationError>,
    token_errors: Vec<ValidationError>,
    new_token: Option<String>,
}

async fn render(
    page: &PageCtx,
    auth: &Auth,
    status: StatusCode,
    outcome: Outcome<'_>,
) -> Result<HttpResponse, AppError> {
    let user = &auth.identity.user;
    let tokens = page.state.accounts.list_api_tokens(user.id).await?;
    let mut ctx: Context = page.context();
    ctx.insert("user", &UserView::from(user));
    let (email, display_name) = outcome
        .profile_form
        .unwrap_or((user.email.as_str(), user.display_name.as_str()));
    ctx.insert(
        "profile_form",
        &serde_json::json!({ "email": email, "display_name": display_name }),
    );
    ctx.insert(
        "profile_errors",
        &inputs::error_map(&outcome.profile_errors),
    );
    ctx.insert(
        "password_errors",
        &inputs::error_map(&outcome.password_errors),
    );
    ctx.insert("token_errors", &inputs::error_map(&outcome.token_errors));
    ctx.insert(
        "tokens",
        &tokens.iter().map(TokenView::from).collect::<Vec<_>>(),
    );
    if let Some(token) = &outcome.new_token {
        ctx.insert("new_token", token);
    }
    page.render_status(status, "account.html", &ctx)
}

/// `GET /account`
pub async fn show(auth: Auth, page: PageCtx) -> Result<HttpResponse, AppError> {
    render(&page, &auth, StatusCode::OK, Outcome::default()).await
}

#[derive(Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    display_name: String,
}

/// `POST /account/profile`
pub async fn update_profile(
    auth: Auth,
    page: PageCtx,
    Form(form): Form<ProfileForm>,
) -> Result<HttpResponse, AppError> {
    let failed = |errors| Outcome {
        profile_form: Some((form.email.as_str(), form.display_name.as_str())),
        profile_errors: errors,
        ..Outcome::default()
    };
    let (email, display_name) = match inputs::profile(&form.email, &form.display_name) {
        Ok(parsed) => parsed,
        Err(errors) => {
            return render(
                &page,
                &auth,
                StatusCode::UNPROCESSABLE_ENTITY,
                failed(errors),
            )
            .await
        }
    };
    match page
        .state
        .accounts
        .update_profile(auth.identity.user.id, email, display_name)
        .await
    {
        Ok(_) => Ok(redirect_with_flash("/account", Some(Flash::ProfileSaved))),
        Err(AccountsError::EmailTaken) => {
            let error = ValidationError::new("email", AccountsError::EmailTaken.to_string());
            render(&page, &auth, StatusCode::CONFLICT, failed(vec![error])).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    confirm_password: String,
}

/// `POST /account/password`
pub async fn change_password(
    req: actix_web::HttpRequest,
    auth: Auth,
    page: PageCtx,
    Form(form): Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let client = crate::web::auth::client_info(&req, page.state.settings.trust_proxy_headers);
    let failed = |errors| Outcome {
        password_errors: errors,
        ..Outcome::default()
    };
    let new = match inputs::new_password(
        &form.current_password,
        &form.new_password,
        Some(&form.confirm_password),
    ) {
        Ok(new) => new,
        Err(errors) => {
            return render(
                &page,
                &auth,
                StatusCode::UNPROCESSABLE_ENTITY,
                failed(errors),
            )
            .await
        }
    };
    match page
        .state
        .accounts
        .change_password(&auth.identity, form.current_password, new, &client)
        .await
    {
        Ok(()) => Ok(redirect_with_flash(
            "/account",
            Some(Flash::PasswordChanged),
        )),
        Err(AccountsError::WrongPassword) => {
            let error =
                ValidationError::new("current_password", AccountsError::WrongPassword.to_string());
            render(
                &page,
                &auth,
                StatusCode::UNPROCESSABLE_ENTITY,
                failed(vec![error]),
            )
            .await
        }
        Err(e @ AccountsError::RateLimited { .. }) => {
            let error = ValidationError::new("current_password", e.to_string());
            render(
                &page,
                &auth,
                StatusCode::TOO_MANY_REQUESTS,
                failed(vec![error]),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
}

/// `POST /account/tokens`: shows the new token once, on this response only.
pub async fn create_token(
    auth: Auth,
    page: PageCtx,
    Form(form): Form<TokenForm>,
) -> Result<HttpResponse, AppError> {
    let name = match TokenName::parse(&form.name) {
        Ok(name) => name,
        Err(error) => {
            let outcome = Outcome {
                token_errors: vec![error],
                ..Outcome::default()
            };
            return render(&page, &auth, StatusCode::UNPROCESSABLE_ENTITY, outcome).await;
        }
    };
    let token = page
        .state
        .accounts
        .create_api_token(auth.identity.user.id, name)
        .await?;
    let outcome = Outcome {
        new_token: Some(token.secret),
        ..Outcome::default()
    };
    render(&page, &auth, StatusCode::OK, outcome).await
}

/// `POST /account/tokens/{id}/revoke`
pub async fn revoke_token(
    auth: Auth,
    page: PageCtx,
    path: web::Path<String>,
    Form(_): Form<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let id = ApiTokenId::parse(&path).ok_or(AccountsError::TokenNotFound)?;
    page.state
        .accounts
        .revoke_api_token(auth.identity.user.id, id)
        .await?;
    Ok(redirect_with_flash("/account", Some(Flash::TokenRevoked)))
}
