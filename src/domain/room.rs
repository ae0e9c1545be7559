//! Live interview rooms: their states, who is who in one, and the
//! interviewer's scorecard, parsed once here so that the rest of the code
//! holds only valid values.

use serde::{Deserialize, Serialize};

use super::{text_enum, ValidationError};

text_enum! {
    /// Where a room is in its life. A room is scheduled until an
    /// interviewer starts it, and read-only once ended.
    pub enum RoomState("room state") {
        Scheduled = "scheduled",
        Live = "live",
        Ended = "ended",
    }
}

text_enum! {
    /// What a room is for.
    pub enum RoomMode("room mode") {
        /// An interviewer interviews a candidate.
        Interview = "interview",
        /// Two candidates interview each other: the owner first, on the
        /// first problem; after the swap the partner, on the second.
        Peer = "peer",
    }
}

text_enum! {
    /// A member's part in a room. Interviewers (and both peers of a peer
    /// room) keep notes and scorecards, start and end the room, and see
    /// the invite link; a candidate does none of it.
    pub enum RoomRole("room role") {
        Interviewer = "interviewer",
        Candidate = "candidate",
        Peer = "peer",
    }
}

impl RoomRole {
    /// Whether this member keeps notes, runs the room and invites.
    pub fn runs_the_room(self) -> bool {
        matches!(self, RoomRole::Interviewer | RoomRole::Peer)
    }
}

text_enum! {
    /// The interviewer's overall call, the same four bands as a mock
    /// interview's report.
    pub enum Recommendation("recommendation") {
        StrongHire = "strong_hire",
        Hire = "hire",
        LeanNo = "lean_no",
        NoHire = "no_hire",
    }
}

impl Recommendation {
    pub fn name(self) -> &'static str {
        match self {
            Recommendation::StrongHire => "Strong hire",
            Recommendation::Hire => "Hire",
            Recommendation::LeanNo => "Lean no",
            Recommendation::NoHire => "No hire",
        }
    }
}

/// What a scorecard rates, in the order the form shows them.
pub const CRITERIA: &[(&str, &str)] = &[
    ("problem_solving", "Problem solving"),
    ("code_quality", "Code quality"),
    ("communication", "Communication"),
    ("testing", "Testing"),
];

/// The longest comment or note kept, in characters.
pub const MAX_NOTE_CHARS: usize = 20_000;

/// One criterion's rating (1 to 4, or not rated yet) and comment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Rating {
    /// 1 (weak) to 4 (strong); absent while not rated.
    #[serde(default)]
    pub score: Option<u8>,
    #[serde(default)]
    pub comment: String,
}

/// An interviewer's scorecard. It may be filled in over the interview, so
/// every part is optional until the interviewer sets it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Scorecard {
    #[serde(default)]
    pub problem_solving: Rating,
    #[serde(default)]
    pub code_quality: Rating,
    #[serde(default)]
    pub communication: Rating,
    #[serde(default)]
    pub testing: Rating,
    #[serde(default)]
    pub recommendation: Option<Recommendation>,
}

impl Scorecard {
    /// The ratings with their keys, in [`CRITERIA`] order.
    pub fn ratings(&self) -> [(&'static str, &Rating); 4] {
        [
            ("problem_solving", &self.problem_solving),
            ("code_quality", &self.code_quality),
            ("communication", &self.communication),
            ("testing", &self.testing),
        ]
    }

    /// Checks what a client sent: scores 1–4, comments of a sane length.
    pub fn validate(&self) -> Result<(), ValidationError> {
        for (key, rating) in self.ratings() {
            if let Some(score) = rating.score {
                if !(1..=4).contains(&score) {
                    return Err(ValidationError::new(
                        field_name(key),
                        format!("a rating is 1 to 4, not {score}"),
                    ));
                }
            }
            if rating.comment.chars().count() > MAX_NOTE_CHARS {
                return Err(ValidationError::new(
                    field_name(key),
                    format!("a comment is at most {MAX_NOTE_CHARS} characters"),
                ));
            }
        }
        Ok(())
    }
}

fn field_name(key: &str) -> &'static str {
    CRITERIA
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("scorecard", |(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_outside_one_to_four_are_refused_by_criterion() {
        let mut card = Scorecard::default();
        card.testing.score = Some(5);
        let err = card.validate().unwrap_err();
        assert_eq!(err.field, "testing");
        assert!(err.message.contains("1 to 4"), "{err}");
        card.testing.score = Some(4);
        assert_eq!(card.validate(), Ok(()));
    }

    #[test]
    fn a_partial_scorecard_reads_from_json() {
        let card: Scorecard =
            serde_json::from_str(r#"{"communication":{"score":3},"recommendation":"lean_no"}"#)
                .unwrap();
        assert_eq!(card.communication.score, Some(3));
        assert_eq!(card.problem_solving, Rating::default());
        assert_eq!(card.recommendation, Some(Recommendation::LeanNo));
    }
}
