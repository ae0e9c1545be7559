//! `Form<T>`: a URL-encoded form body whose CSRF token has been checked.
//! Every state-changing page route takes its input through this extractor,
//! so none can forget the check.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::auth::state;
use super::csrf;
use super::error::AppError;

pub struct Form<T>(pub T);

#[derive(Deserialize)]
struct CsrfField {
    csrf_token: Option<String>,
}

impl<T: DeserializeOwned + 'static> FromRequest for Form<T> {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            let is_form = req
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
            if !is_form {
                return Err(AppError::UnsupportedMediaType(
                    "expected a form (application/x-www-form-urlencoded)".into(),
                ));
            }
            let body =
                body.await
                    .map_err(|e| match e.as_error::<actix_web::error::PayloadError>() {
                        Some(actix_web::error::PayloadError::Overflow) => {
                            AppError::PayloadTooLarge("the form is too large".into())
                        }
                        _ => AppError::BadRequest(format!("could not read the form: {e}")),
                    })?;
            let state = state(&req)?;
            let token: CsrfField = serde_urlencoded::from_bytes(&body)
                .map_err(|e| AppError::BadRequest(format!("the form is malformed: {e}")))?;
            csrf::verify(&req, &state.csrf_key, token.csrf_token.as_deref())?;
            let value = serde_urlencoded::from_bytes(&body)
                .map_err(|e| AppError::BadRequest(format!("the form is malformed: {e}")))?;
            Ok(Form(value))
        })
    }
}
