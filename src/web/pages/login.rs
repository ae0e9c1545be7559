use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::accounts::AccountsError;
use crate::web::auth::{clear_session_cookie, client_info, current_session, session_cookie};
use crate::web::error::AppError;
use crate::web::form::Form;
use crate::web::page::{redirect_with_flash, safe_next, Flash, PageCtx};

#[derive(Deserialize, Default)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

#[derive(Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
    /// Filled in after a sign-up.
    email: Option<String>,
}

fn render(
    page: &PageCtx,
    status: StatusCode,
    email: &str,
    next: Option<&str>,
    error: Option<String>,
) -> Result<HttpResponse, AppError> {
    let mut ctx = page.context();
    ctx.insert("form", &serde_json::json!({ "email": email }));
    ctx.insert("next", safe_next(next));
    let errors = match error {
        Some(message) => serde_json::json!({ "form": message }),
        None => serde_json::json!({}),
    };
    ctx.insert("errors", &errors);
    page.render_status(status, "login.html", &ctx)
}

/// `GET /login`
pub async fn show(page: PageCtx, query: web::Query<LoginQuery>) -> Result<HttpResponse, AppError> {
    if page.user().is_some() {
        return Ok(redirect_with_flash(safe_next(query.next.as_deref()), None));
    }
    let email = query.email.as_deref().unwrap_or("");
    render(&page, StatusCode::OK, email, query.next.as_deref(), None)
}

/// `POST /login`
pub async fn submit(
    req: HttpRequest,
    page: PageCtx,
    Form(form): Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let accounts = &page.state.accounts;
    let client = client_info(&req, page.state.settings.trust_proxy_headers);
    let replacing = current_session(page.identity.as_ref());
    match accounts
        .login(&form.email, &form.password, client, replacing)
        .await
    {
        Ok(session) => {
            let mut response =
                redirect_with_flash(safe_next(form.next.as_deref()), Some(Flash::LoggedIn));
            response
                .add_cookie(&session_cookie(
                    session.secret,
                    accounts.session_ttl(),
                    page.state.settings.tls,
                ))
                .map_err(|e| AppError::Unexpected(format!("cannot set cookie: {e}")))?;
            Ok(response)
        }
        Err(e @ (AccountsError::InvalidCredentials | AccountsError::RateLimited { .. })) => {
            let error = AppError::from(e);
            let status = actix_web::ResponseError::status_code(&error);
            let mut response = render(
                &page,
                status,
                &form.email,
                form.next.as_deref(),
                Some(error.public_message()),
            )?;
            if let Some(wait) = error.retry_after() {
                response.headers_mut().insert(
                    actix_web::http::header::RETRY_AFTER,
                    actix_web::http::header::HeaderValue::from(wait.as_secs().max(1)),
                );
            }
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /logout`: ends the session server-side and drops the cookie.
pub async fn logout(
    page: PageCtx,
    Form(_): Form<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    if let Some(session) = current_session(page.identity.as_ref()) {
        page.state.accounts.logout(session).await?;
    }
    let mut response = redirect_with_flash("/", Some(Flash::LoggedOut));
    response
        .add_cookie(&clear_session_cookie(page.state.settings.tls))
        .map_err(|e| AppError::Unexpected(format!("cannot set cookie: {e}")))?;
    Ok(response)
}
