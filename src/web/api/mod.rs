//! The JSON API under `/api/v1`: the same account actions as the pages, for
//! scripts, the command-line client and browser code. Errors are always
//! `{"error": {"code", "message", "field"?}}`.
//!
//! Authentication: `Authorization: Bearer rh_…` (an API token), or the
//! browser's session cookie plus an `X-CSRF-Token` header on writes.

pub mod admin;
pub mod authoring;
pub mod challenges;
pub mod me;
pub mod openapi;
pub mod session;
pub mod submissions;
pub mod users;

use serde::Serialize;

use crate::db::api_tokens::ApiTokenInfo;
use crate::domain::User;

#[derive(Serialize)]
pub struct UserJson {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub role: &'static str,
    pub created_at: String,
}

impl From<&User> for UserJson {
    fn from(user: &User) -> Self {
        Self {
            id: user.id.to_string(),
            email: user.email.to_string(),
            display_name: user.display_name.to_string(),
            role: user.role.as_str(),
            created_at: user.created_at.to_rfc3339(),
        }
    }
}

#[derive(Serialize)]
pub struct TokenJson {
    pub id: String,
    pub name: String,
    pub prefix: String,
    pub created_at: String,
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
