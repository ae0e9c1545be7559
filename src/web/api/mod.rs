//! The JSON API under `/api/v1`: the same account actions as the pages, for
//! scripts, the command-line client and browser code. Errors are always
//! `{"error": {"code", "message", "field"?}}`.
//!
//! Authentication: `Authorization: Bearer rh_…` (an API token), or the
//! browser's session cookie plus an `X-CSRF-Token` header on writes.

pub mod admin;
pub mod authoring;
pub mod challenges;
pub mod interviews;
pub mod me;
pub mod openapi;
pub mod rooms;
pub mod session;
pub mod submissions;
pub mod users;
pub mod workspace;

use serde::Serialize;

use crate::db::api_tokens::ApiTokenInfo;
use crate::domain::{Role, User};

/// A short name a person chooses (a display name, a token name): 1–64
/// characters once trimmed, not only spaces, no control characters —
/// `domain::parse_label`'s rule, as a schema (written by hand: a derived
/// schema cannot carry lengths on a newtype).
pub struct Label;

impl utoipa::PartialSchema for Label {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .min_length(Some(1))
            .max_length(Some(64))
            .pattern(Some(LABEL_PATTERN))
            .description(Some(
                "1–64 characters, not only spaces, no control characters",
            ))
            .into()
    }
}

impl utoipa::ToSchema for Label {}

/// At least one character that is neither a space nor a control character,
/// and no control characters (Unicode Cc) at all.
const LABEL_PATTERN: &str = r"^[^\u0000-\u001F\u007F-\u009F]*[^\s\u0000-\u001F\u007F-\u009F][^\u0000-\u001F\u007F-\u009F]*$";

/// An account as the API shows it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct UserJson {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(format = Email)]
    pub email: String,
    pub display_name: String,
    pub role: Role,
    #[schema(format = DateTime)]
    pub created_at: String,
}

/// `{"user": …}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct UserBody {
    pub user: UserJson,
}

impl From<&User> for UserJson {
    fn from(user: &User) -> Self {
        Self {
            id: user.id.to_string(),
            email: user.email.to_string(),
            display_name: user.display_name.to_string(),
            role: user.role,
            created_at: user.created_at.to_rfc3339(),
        }
    }
}

/// An API token; its secret appears only in the answer that made it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TokenJson {
    #[schema(format = Uuid)]
    pub id: String,
    pub name: String,
    /// The token's first characters, to tell tokens apart.
    pub prefix: String,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub last_used_at: Option<String>,
    /// Present only in the response that created the token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

impl TokenJson {
    pub fn new(info: &ApiTokenInfo, secret: Option<String>) -> Self {
        Self {
            id: info.id.to_string(),
            name: info.name.clone(),
            prefix: info.prefix.clone(),
            created_at: info.created_at.to_rfc3339(),
            last_used_at: info.last_used_at.map(|t| t.to_rfc3339()),
            token: secret,
        }
    }
}
