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

impl User {
    /// Whether this user may read work that `owner` did (a submission, a
    /// mock interview): their own, or anyone's for instructors and admins,
    /// who review it. Everyone else is told it does not exist.
    pub fn may_read_work_of(&self, owner: UserId) -> bool {
        self.id == owner || self.role >= Role::Instructor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role) -> User {
        User {
            id: UserId::new(),
            email: Email::parse("someone@example.com").unwrap(),
            display_name: DisplayName::parse("Someone").unwrap(),
            role,
            created_at: Utc::now(),
        }
    }

    #[test]
    fn work_is_read_by_its_owner_and_by_reviewers_only() {
        let owner = user(Role::Candidate);
        assert!(owner.may_read_work_of(owner.id));
        assert!(!user(Role::Candidate).may_read_work_of(owner.id));
        assert!(user(Role::Instructor).may_read_work_of(owner.id));
        assert!(user(Role::Admin).may_read_work_of(owner.id));
    }
}
