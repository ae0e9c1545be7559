//! The web layer's one error type, and the one place where errors become
//! HTTP responses.
//!
//! [`AppError`] renders as the JSON error body (`{"error": {"code",
//! "message", "field"?}}`). The [`error_pages`](super::error_pages)
//! middleware then turns error responses outside `/api` into HTML pages, and
//! any non-JSON error inside `/api` (actix's own, e.g. a body too large) into
//! the same JSON shape.

use std::collections::BTreeMap;
use std::time::Duration;

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

use crate::accounts::AccountsError;
use crate::authoring::AuthoringError;
use crate::catalog::CatalogError;
use crate::db::DbError;
use crate::domain::ValidationError;
use crate::interviews::InterviewError;
use crate::reviews::ReviewError;
use crate::rooms::RoomError;
use crate::submissions::SubmissionError;
use crate::workspace::WorkspaceError;

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
    /// The path exists; the method does not (`allowed` lists those that do).
    #[error("{method} is not allowed here; use {}", .allowed.join(" or "))]
    MethodNotAllowed {
        method: String,
        allowed: Vec<&'static str>,
    },
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
    #[error(transparent)]
    Interviews(#[from] InterviewError),
    #[error(transparent)]
    Rooms(#[from] RoomError),
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

impl From<WorkspaceError> for AppError {
    fn from(e: WorkspaceError) -> Self {
        match e {
            WorkspaceError::NotFound(message) => AppError::NotFound(message),
            WorkspaceError::Invalid(errors) => AppError::Validation(errors),
            WorkspaceError::Db(e) => e.into(),
            WorkspaceError::Catalog(e) => AppError::Catalog(e),
        }
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

/// One field's problem, when a request has several.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FieldMessage<'a> {
    pub field: &'a str,
    pub message: &'a str,
}

/// Every error answer of the API has this shape (the OpenAPI document's
/// error schema is derived from this very type).
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody<'a> {
    error: ErrorDetail<'a>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail<'a> {
    /// A stable, machine-readable name: `validation_failed`, `bad_request`,
    /// `unauthenticated`, `invalid_token`, `forbidden`, `csrf_failed`,
    /// `not_found`, `method_not_allowed`, `conflict`, `email_taken`,
    /// `invalid_credentials`, `wrong_password`, `last_admin`,
    /// `payload_too_large`, `unsupported_media_type`, `rate_limited`,
    /// `unavailable` or `internal`.
    code: &'a str,
    /// What went wrong, in words meant for people.
    message: &'a str,
    /// The input field the error points at, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    /// Every field's problem, when more than one field is wrong.
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
    /// The HTTP status and the stable, machine-readable name of the error:
    /// the one place each error of each layer is classified.
    pub fn class(&self) -> (StatusCode, &'static str) {
        use StatusCode as S;
        const INTERNAL: (StatusCode, &str) = (S::INTERNAL_SERVER_ERROR, "internal");
        const NOT_FOUND: (StatusCode, &str) = (S::NOT_FOUND, "not_found");
        const INVALID: (StatusCode, &str) = (S::UNPROCESSABLE_ENTITY, "validation_failed");
        const RATE_LIMITED: (StatusCode, &str) = (S::TOO_MANY_REQUESTS, "rate_limited");
        const FORBIDDEN: (StatusCode, &str) = (S::FORBIDDEN, "forbidden");
        match self {
            AppError::Validation(_) => INVALID,
            AppError::BadRequest(_) => (S::BAD_REQUEST, "bad_request"),
            AppError::Unauthenticated => (S::UNAUTHORIZED, "unauthenticated"),
            AppError::InvalidToken => (S::UNAUTHORIZED, "invalid_token"),
            AppError::Forbidden => FORBIDDEN,
            AppError::Csrf => (S::FORBIDDEN, "csrf_failed"),
            AppError::NotFound(_) => NOT_FOUND,
            AppError::MethodNotAllowed { .. } => (S::METHOD_NOT_ALLOWED, "method_not_allowed"),
            AppError::PayloadTooLarge(_) => (S::PAYLOAD_TOO_LARGE, "payload_too_large"),
            AppError::UnsupportedMediaType(_) => {
                (S::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
            }
            AppError::Accounts(e) => match e {
                AccountsError::EmailTaken => (S::CONFLICT, "email_taken"),
                AccountsError::InvalidCredentials => (S::UNAUTHORIZED, "invalid_credentials"),
                AccountsError::WrongPassword => (S::UNPROCESSABLE_ENTITY, "wrong_password"),
                AccountsError::RateLimited { .. } | AccountsError::TooManySignUps { .. } => {
                    RATE_LIMITED
                }
                AccountsError::UserNotFound | AccountsError::TokenNotFound => NOT_FOUND,
                AccountsError::LastAdmin => (S::CONFLICT, "last_admin"),
                AccountsError::Db(_) | AccountsError::Unexpected(_) => INTERNAL,
            },
            AppError::Submissions(e) | AppError::Rooms(RoomError::Submission(e)) => match e {
                SubmissionError::ChallengeNotFound(_) | SubmissionError::SubmissionNotFound => {
                    NOT_FOUND
                }
                SubmissionError::Invalid { .. } => INVALID,
                SubmissionError::RateLimited { .. } => RATE_LIMITED,
                SubmissionError::Db(_)
                | SubmissionError::Catalog(_)
                | SubmissionError::Internal(_) => INTERNAL,
            },
            AppError::Catalog(_) => INTERNAL,
            AppError::Authoring(e) => match e {
                AuthoringError::NotFound(_) => NOT_FOUND,
                AuthoringError::Forbidden(_) => FORBIDDEN,
                AuthoringError::Invalid { .. } => INVALID,
                AuthoringError::Conflict(_) => (S::CONFLICT, "conflict"),
                AuthoringError::Db(_)
                | AuthoringError::Catalog(_)
                | AuthoringError::Internal(_) => INTERNAL,
            },
            AppError::Reviews(e) => match e {
                ReviewError::NotFound(_)
                | ReviewError::Submissions(SubmissionError::SubmissionNotFound) => NOT_FOUND,
                ReviewError::Forbidden => FORBIDDEN,
                ReviewError::Invalid { .. } => INVALID,
                ReviewError::Db(_) | ReviewError::Catalog(_) | ReviewError::Submissions(_) => {
                    INTERNAL
                }
            },
            AppError::Interviews(e) => match e {
                InterviewError::FormatNotFound(_) => INVALID,
                InterviewError::NotFound => NOT_FOUND,
                InterviewError::AlreadyRunning(_) => (S::CONFLICT, "interview_running"),
                InterviewError::Ended => (S::CONFLICT, "interview_ended"),
                InterviewError::NoProblem(_) => (S::CONFLICT, "no_problem_fits"),
                InterviewError::Db(_)
                | InterviewError::Catalog(_)
                | InterviewError::Submission(_) => INTERNAL,
            },
            AppError::Rooms(e) => match e {
                RoomError::NotFound => NOT_FOUND,
                RoomError::Forbidden(_) => FORBIDDEN,
                RoomError::Invalid(_) => INVALID,
                RoomError::Ended => (S::CONFLICT, "room_ended"),
                RoomError::Conflict(_) => (S::CONFLICT, "conflict"),
                RoomError::Db(_) | RoomError::Catalog(_) | RoomError::Live(_) => INTERNAL,
                // Matched with the submissions' own errors above.
                RoomError::Submission(_) => INTERNAL,
            },
            AppError::Unavailable(_) => (S::SERVICE_UNAVAILABLE, "unavailable"),
            AppError::Unexpected(_) => INTERNAL,
        }
    }

    /// A stable, machine-readable name for the error.
    pub fn code(&self) -> &'static str {
        self.class().1
    }

    /// The input field the error points at, when there is one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            AppError::Validation(errors) => errors.first().map(|e| e.field),
            AppError::Accounts(AccountsError::EmailTaken) => Some("email"),
            AppError::Accounts(AccountsError::WrongPassword) => Some("current_password"),
            AppError::Interviews(InterviewError::FormatNotFound(_)) => Some("format"),
            AppError::Rooms(RoomError::Invalid(e)) => Some(e.field),
            AppError::Submissions(SubmissionError::Invalid { field, .. })
            | AppError::Rooms(RoomError::Submission(SubmissionError::Invalid { field, .. }))
            | AppError::Authoring(AuthoringError::Invalid { field, .. })
            | AppError::Reviews(ReviewError::Invalid { field, .. }) => Some(field),
            _ => None,
        }
    }

    /// The error as messages per form field, for a page that shows them
    /// beside the fields it re-renders; `None` for an error no field
    /// explains (those get the error page).
    pub fn field_errors(&self) -> Option<BTreeMap<&'static str, String>> {
        match self {
            AppError::Validation(errors) => Some(
                errors
                    .iter()
                    .rev()
                    .map(|e| (e.field, sentence(&e.message)))
                    .collect(),
            ),
            other => other
                .field()
                .map(|field| BTreeMap::from([(field, sentence(&other.public_message()))])),
        }
    }

    /// What the client may read. Internal details stay in the log.
    pub fn public_message(&self) -> String {
        if self.is_internal() {
            AppError::Unexpected(String::new()).to_string()
        } else {
            self.to_string()
        }
    }

    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            AppError::Accounts(
                AccountsError::RateLimited { retry_after }
                | AccountsError::TooManySignUps { retry_after },
            )
            | AppError::Submissions(SubmissionError::RateLimited { retry_after, .. })
            | AppError::Rooms(RoomError::Submission(SubmissionError::RateLimited {
                retry_after,
                ..
            })) => Some(*retry_after),
            _ => None,
        }
    }

    fn is_internal(&self) -> bool {
        self.code() == "internal"
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        self.class().0
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
        if let AppError::MethodNotAllowed { allowed, .. } = self {
            response.insert_header((header::ALLOW, allowed.join(", ")));
        }
        if matches!(self, AppError::Unauthenticated | AppError::InvalidToken) {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"rehearse\""));
        }
        response.json(body)
    }
}

/// A message as a sentence: capital first letter, closing full stop.
/// Services word their errors to be quoted inside other text ("email: is
/// taken"); pages show them on their own.
pub fn sentence(message: &str) -> String {
    let message = message.trim();
    let mut chars = message.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out: String = first.to_uppercase().chain(chars).collect();
    if !out.ends_with(['.', '!', '?', ')']) {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod sentence_tests {
    use super::sentence;

    #[test]
    fn messages_become_sentences() {
        assert_eq!(sentence("the solution is empty"), "The solution is empty.");
        assert_eq!(sentence("Already fine."), "Already fine.");
        assert_eq!(sentence(""), "");
    }
}
