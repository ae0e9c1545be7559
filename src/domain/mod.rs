//! Domain types: values parsed once at the edge and trusted afterwards.
//!
//! Each type has a private field and a `parse` constructor, so past the web
//! layer no raw `String` stands for an email, a password or a role. This module
//! does no I/O.

mod challenge;
mod display_name;
mod email;
mod ids;
mod label;
mod password;
mod role;
mod room;
mod score;
mod submission;
mod text_enum;
mod timed_session;
mod token_name;
mod user;
mod verdict;

pub use challenge::{CheckStatus, Difficulty, Kind};
pub use display_name::DisplayName;
pub use email::Email;
pub use ids::{
    ApiTokenId, ChallengeId, JobId, RoomId, SessionId, SubmissionId, TimedSessionId, UserId,
};
pub use label::nul_byte_line;
pub use password::Password;
pub use role::Role;
pub use room::{
    Rating, Recommendation, RoomMode, RoomRole, RoomState, Scorecard, CRITERIA, MAX_NOTE_CHARS,
};
pub use score::{acceptance, best_per, points, Best, Graded};
pub use submission::{Mode, Status};
pub(crate) use text_enum::text_enum;
pub use text_enum::UnknownName;
pub use timed_session::{EndReason, Purpose, SessionState};
pub use token_name::TokenName;
pub use user::User;
pub use verdict::Verdict;

/// A value a client sent that does not fit its domain type.
///
/// `field` names the input field (as the client spelled it) so forms and the
/// JSON API can point at the exact place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ValidationError {
    pub field: &'static str,
    pub message: String,
}

impl ValidationError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}
