use std::time::Duration;

use crate::db::DbError;

/// What can go wrong in an account operation. The web layer maps each
/// variant to a status code in one place (`web::error`).
#[derive(Debug, thiserror::Error)]
pub enum AccountsError {
    #[error("an account with this email already exists")]
    EmailTaken,
    /// Deliberately vague: the same for an unknown email and a wrong password.
    #[error("the email or password is incorrect")]
    InvalidCredentials,
    #[error("the current password is incorrect")]
    WrongPassword,
    #[error("too many failed attempts; try again in {} seconds", retry_after.as_secs().max(1))]
    RateLimited { retry_after: Duration },
    #[error("too many sign-ups from this address; try again in {} seconds", retry_after.as_secs().max(1))]
    TooManySignUps { retry_after: Duration },
    #[error("no such user")]
    UserNotFound,
    #[error("no such API token")]
    TokenNotFound,
    #[error("the last admin cannot give up the admin role; make someone else admin first")]
    LastAdmin,
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("{0}")]
    Unexpected(String),
}
