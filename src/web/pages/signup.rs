use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::accounts::AccountsError;
use crate::domain::ValidationError;
use crate::web::auth::client_info;
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

/// `POST /signup`: creates the account, then sends the person to sign in.
///
/// A new email and a registered one get the very same answer (and the same
/// password-hashing work), so this form cannot tell anyone who has an
/// account: the new account is not signed in automatically.
pub async fn submit(
    req: HttpRequest,
    page: PageCtx,
    Form(form): Form<SignupForm>,
) -> Result<HttpResponse, AppError> {
    let new = match inputs::new_candidate(&form.email, &form.display_name, &form.password) {
        Ok(new) => new,
        Err(errors) => return render(&page, StatusCode::UNPROCESSABLE_ENTITY, &form, &errors),
    };
    let email = new.email.as_str().to_owned();
    let client = client_info(&req, page.state.settings.trust_proxy_headers);
    match page.state.accounts.sign_up(new, &client).await {
        Ok(_) => {}
        Err(e @ AccountsError::TooManySignUps { .. }) => {
            let error = ValidationError::new("email", e.to_string());
            return render(&page, StatusCode::TOO_MANY_REQUESTS, &form, &[error]);
        }
        Err(e) => return Err(e.into()),
    }
    let query = serde_urlencoded::to_string([("email", email.as_str())])
        .map_err(|e| AppError::Unexpected(format!("cannot encode the email: {e}")))?;
    Ok(redirect_with_flash(
        &format!("/login?{query}"),
        Some(Flash::SignedUp),
    ))
}
