use super::text_enum;

text_enum! {
    /// What a timed session is for. Every kind shares the deadline
    /// machinery (`interviews::deadlines`).
    pub enum Purpose("session purpose") {
        /// A solo mock interview, timed, from an interview format.
        Mock = "mock",
    }
}

text_enum! {
    /// Whether a timed session is still running.
    pub enum SessionState("session state") {
        Active = "active",
        Ended = "ended",
    }
}

text_enum! {
    /// Why a timed session ended.
    pub enum EndReason("end reason") {
        /// The clock ran out; the server submitted the last drafts.
        Deadline = "deadline",
        /// The candidate ended it before the deadline.
        Early = "early",
    }
}
