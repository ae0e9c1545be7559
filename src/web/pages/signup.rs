use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::accounts::AccountsError;
use crate::domain::ValidationError;
use crate::web::auth::{client_info, current_session, session_cookie};
use crate::web::error::AppError;
use crate::web::form::Form;
use crate::web::inputs;
use crate::web::page::{redirect_with_flash, Flash, PageCtx};

#[derive(Deserialize, Default)]
pub struct SignupForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    password: String,
}

fn render(
    page: &PageCtx,
    status: StatusCode,
    form: &SignupForm,
    errors: &[ValidationError],
) -> Result<HttpResponse, AppError> {
    let mut ctx = page.context();
    // The password is never sent back.
    ctx.insert(
        "form",
        &serde_json::json!({ "email": form.email, "display_name": form.display_name }),
    );
    ctx.insert("errors", &inputs::error_map(errors));
    page.render_status(status, "signup.html", &ctx)
}

/// `GET /signup`
pub async fn show(page: PageCtx) -> Result<HttpResponse, AppError> {
    if page.user().is_some() {
        return Ok(redirect_with_flash("/", None));
    }
    render(&page, StatusCode::OK, &SignupForm::default(), &[])
}

/// `POST /signup`: creates the account and logs the new user in.
pub async fn submit(
    req: HttpRequest,
    page: PageCtx,
    Form(form): Form<SignupForm>,
) -> Result<HttpResponse, AppError> {
    let new = match inputs::new_candidate(&form.email, &form.display_name, &form.password) {
        Ok(new) => new,
        Err(errors) => return render(&page, StatusCode::UNPROCESSABLE_ENTITY, &form, &errors),
    };
    let accounts = &page.state.accounts;
    let user = match accounts.create_account(new).await {
        Ok(user) => user,
        Err(AccountsError::EmailTaken) => {
            let error = ValidationError::new("email", AccountsError::EmailTaken.to_string());
            return render(&page, StatusCode::CONFLICT, &form, &[error]);
        }
        Err(e) => return Err(e.into()),
    };
    let client = client_info(&req, page.state.settings.trust_proxy_headers);
    let replacing = current_session(page.identity.as_ref());
    let session = accounts.open_session(user, client, replacing).await?;
    let mut response = redirect_with_flash("/", Some(Flash::Welcome));
    response
        .add_cookie(&session_cookie(
            session.secret,
            accounts.session_ttl(),
            page.state.settings.tls,
        ))
        .map_err(|e| AppError::Unexpected(format!("cannot set cookie: {e}")))?;
    Ok(response)
}
