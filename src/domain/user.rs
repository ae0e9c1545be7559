use chrono::{DateTime, Utc};

use super::{DisplayName, Email, Role, UserId};

/// A user account as the rest of the app sees it (never with its password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub email: Email,
    pub display_name: DisplayName,
    pub role: Role,
    pub created_at: DateTime<Utc>,
}
