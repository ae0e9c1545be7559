//! Typed identifiers. All are UUIDs stored as text (portable across SQLite
//! and PostgreSQL); new ones are v7, so they sort by creation time.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            utoipa::ToSchema,
        )]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            pub fn parse(raw: &str) -> Option<Self> {
                Uuid::parse_str(raw).ok().map(Self)
            }

            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }
    };
}

id_type!(
    /// A user account.
    UserId
);
id_type!(
    /// A browser login session (server-side record behind the cookie).
    SessionId
);
id_type!(
    /// An API token for the command-line client.
    ApiTokenId
);
id_type!(
    /// A challenge (all its versions).
    ChallengeId
);
id_type!(
    /// A submission (or a run) of an answer to a challenge.
    SubmissionId
);
id_type!(
    /// An entry in the grading queue.
    JobId
);
id_type!(
    /// A timed session: a mock interview (later a room's problem set or an
    /// assessment attempt) with its server-side deadline.
    TimedSessionId
);
id_type!(
    /// A live interview room.
    RoomId
);
