//! The web layer's one error type, and the one place where errors become
//! HTTP responses.
//!
//! [`AppError`] renders as the JSON error body (`{"error": {"code",
//! "message", "field"?}}`). The [`error_pages`](super::error_pages)
//! middleware then turns error responses outside `/api` into HTML pages, and
//! any non-JSON error inside `/api` (actix's own, e.g. a body too large) into
//! the same JSON shape.

use std::time::Duration;

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

use crate::accounts::AccountsError;
use crate::authoring::AuthoringError;
use crate::catalog::CatalogError;
use crate::db::DbError;
use crate::domain::ValidationError;
use crate::reviews::ReviewError;
use crate::submissions::SubmissionError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// One or more fields failed validation.
    #[error("{}", .0.first().map(|e| e.message.as_str()).unwrap_or("invalid input"))]
    Validation(Vec<ValidationError>),
    #[error("{0}")]
    BadRequest(String),
    #[error("log in to continue")]
    Unauthenticated,
    #[error("the API token is invalid or has been revoked")]
    InvalidToken,
    #[error("you do not have permission to do this")]
    Forbidden,
    #[error("the form has expired or did not come from this site; reload the page and try again")]
    Csrf,
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error(transparent)]
    Accounts(#[from] AccountsError),
    #[error(transparent)]
    Submissions(#[from] SubmissionError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Authoring(#[from] AuthoringError),
    #[error(transparent)]
    Reviews(#[from] ReviewError),
    #[error("the service is not ready: {0}")]
    Unavailable(String),
    /// Details are logged, never shown.
    #[error("something went wrong on our side; the error has been logged")]
    Unexpected(String),
}

impl From<ValidationError> for AppError {
    fn from(e: ValidationError) -> Self {
        AppError::Validation(vec![e])
    }
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        AppError::Accounts(AccountsError::Db(e))
    }
}

impl From<tera::Error> for AppError {
    fn from(e: tera::Error) -> Self {
        // Tera nests the useful part in `source`.
        let mut message = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(inner) = source {
            message.push_str(": ");
            message.push_str(&inner.to_string());
            source = inner.source();
        }
        AppError::Unexpected(format!("template rendering failed: {message}"))
    }
}

#[derive(Serialize)]
pub struct FieldMessage<'a> {
    pub field: &'a str,
    pub message: &'a str,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorDetail<'a>,
}

#[derive(Serialize)]
struct ErrorDetail<'a> {
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    details: Vec<FieldMessage<'a>>,
}

/// The JSON error body, for errors that did not come from [`AppError`].
pub fn json_error_body(code: &str, message: &str) -> String {
    serde_json::to_string(&ErrorBody {
        error: ErrorDetail {
            code,
            message,
            field: None,
            details: Vec::new(),
        },
    })
    .unwrap_or_default()
}

impl AppError {
    /// A stable, machine-readable name for the error.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Validation(_) => "validation_failed",
            AppError::BadRequest(_) => "bad_request",
            AppError::Unauthenticated => "unauthenticated",
            AppError::InvalidToken => "invalid_token",
            AppError::Forbidden => "forbidden",
            AppError::Csrf => "csrf_failed",
            AppError::NotFound(_) => "not_found",
            AppError::PayloadTooLarge(_) => "payload_too_large",
            AppError::UnsupportedMediaType(_) => "unsupported_media_type",
            AppError::Accounts(e) => match e {
                AccountsError::EmailTaken => "email_taken",
                AccountsError::InvalidCredentials => "invalid_credentials",
                AccountsError::WrongPassword => "wrong_password",
                AccountsError::RateLimited { .. } | AccountsError::TooManySignUps { .. } => {
                    "rate_limited"
                }
                AccountsError::UserNotFound | AccountsError::TokenNotFound => "not_found",
                AccountsError::LastAdmin => "last_admin",
                AccountsError::Db(_) | AccountsError::Unexpected(_) => "internal",
            },
            AppError::Submissions(e) => match e {
                SubmissionError::ChallengeNotFound(_) | SubmissionError::SubmissionNotFound => {
                    "not_found"
                }
                SubmissionError::Invalid { .. } => "validation_failed",
                SubmissionError::RateLimited { .. } => "rate_limited",
                SubmissionError::Db(_) | SubmissionError::Catalog(_) => "internal",
            },
            AppError::Catalog(_) => "internal",
            AppError::Authoring(e) => match e {
                AuthoringError::NotFound(_) => "not_found",
                AuthoringError::Forbidden(_) => "forbidden",
                AuthoringError::Invalid { .. } => "validation_failed",
                AuthoringError::Conflict(_) => "conflict",
                AuthoringError::Db(_) | AuthoringError::Catalog(_) => "internal",
            },
            AppError::Reviews(e) => match e {
                ReviewError::NotFound(_) => "not_found",
                ReviewError::Forbidden => "forbidden",
                ReviewError::Invalid { .. } => "validation_failed",
                ReviewError::Submissions(SubmissionError::SubmissionNotFound) => "not_found",
                ReviewError::Db(_) | ReviewError::Catalog(_) | ReviewError::Submissions(_) => {
                    "internal"
                }
            },
            AppError::Unavailable(_) => "unavailable",
            AppError::Unexpected(_) => "internal",
        }
    }

    /// The input field the error points at, when there is one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            AppError::Validation(errors) => errors.first().map(|e| e.field),
            AppError::Accounts(AccountsError::EmailTaken) => Some("email"),
            AppError::Accounts(AccountsError::WrongPassword) => Some("current_password"),
            AppError::Submissions(SubmissionError::Invalid { field, .. })
            | AppError::Authoring(AuthoringError::Invalid { field, .. })
            | AppError::Reviews(ReviewError::Invalid { field, .. }) => Some(field),
            _ => None,
        }
    }

    /// What the client may read. Internal details stay in the log.
    pub fn public_message(&self) -> String {
        match self {
            AppError::Accounts(AccountsError::Db(_) | AccountsError::Unexpected(_))
            | AppError::Submissions(SubmissionError::Db(_) | SubmissionError::Catalog(_))
            | AppError::Catalog(_)
            | AppError::Authoring(AuthoringError::Db(_) | AuthoringError::Catalog(_))
            | AppError::Reviews(ReviewError::Db(_) | ReviewError::Catalog(_)) => {
                AppError::Unexpected(String::new()).to_string()
            }
            other => other.to_string(),
        }
    }

    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            AppError::Accounts(
                AccountsError::RateLimited { retry_after }
                | AccountsError::TooManySignUps { retry_after },
            )
            | AppError::Submissions(SubmissionError::RateLimited { retry_after, .. }) => {
                Some(*retry_after)
            }
            _ => None,
        }
    }

    fn is_internal(&self) -> bool {
        self.code() == "internal"
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthenticated | AppError::InvalidToken => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Accounts(e) => match e {
                AccountsError::EmailTaken | AccountsError::LastAdmin => StatusCode::CONFLICT,
                AccountsError::InvalidCredentials => StatusCode::UNAUTHORIZED,
                AccountsError::WrongPassword => StatusCode::UNPROCESSABLE_ENTITY,
                AccountsError::RateLimited { .. } | AccountsError::TooManySignUps { .. } => {
                    StatusCode::TOO_MANY_REQUESTS
                }
                AccountsError::UserNotFound | AccountsError::TokenNotFound => StatusCode::NOT_FOUND,
                AccountsError::Db(_) | AccountsError::Unexpected(_) => {
                    StatusCode::INTERNAL_SERVER_ERROR
                }
            },
            AppError::Submissions(e) => match e {
                SubmissionError::ChallengeNotFound(_) | SubmissionError::SubmissionNotFound => {
                    StatusCode::NOT_FOUND
                }
                SubmissionError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
                SubmissionError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
                SubmissionError::Db(_) | SubmissionError::Catalog(_) => {
                    StatusCode::INTERNAL_SERVER_ERROR
                }
            },
            AppError::Catalog(_) => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Authoring(e) => match e {
                AuthoringError::NotFound(_) => StatusCode::NOT_FOUND,
                AuthoringError::Forbidden(_) => StatusCode::FORBIDDEN,
                AuthoringError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
                AuthoringError::Conflict(_) => StatusCode::CONFLICT,
                AuthoringError::Db(_) | AuthoringError::Catalog(_) => {
                    StatusCode::INTERNAL_SERVER_ERROR
                }
            },
            AppError::Reviews(e) => match e {
                ReviewError::NotFound(_)
                | ReviewError::Submissions(SubmissionError::SubmissionNotFound) => {
                    StatusCode::NOT_FOUND
                }
                ReviewError::Forbidden => StatusCode::FORBIDDEN,
                ReviewError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
                ReviewError::Db(_) | ReviewError::Catalog(_) | ReviewError::Submissions(_) => {
                    StatusCode::INTERNAL_SERVER_ERROR
                }
            },
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if self.is_internal() {
            tracing::error!(error = %self, detail = ?self, "request failed");
        }
        let message = self.public_message();
        let details = match self {
            AppError::Validation(errors) if errors.len() > 1 => errors
                .iter()
                .map(|e| FieldMessage {
                    field: e.field,
                    message: &e.message,
                })
                .collect(),
            _ => Vec::new(),
        };
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code(),
                message: &message,
                field: self.field(),
                details,
            },
        };
        let mut response = HttpResponse::build(self.status_code());
        if let Some(wait) = self.retry_after() {
            response.insert_header((header::RETRY_AFTER, wait.as_secs().max(1).to_string()));
        }
        if matches!(self, AppError::Unauthenticated | AppError::InvalidToken) {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"rehearse\""));
        }
        response.json(body)
    }
}
