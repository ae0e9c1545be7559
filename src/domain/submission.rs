use super::text_enum::text_enum;

text_enum! {
    /// Scored, or only run (on the samples or the candidate's own input).
    pub enum Mode("submission mode") {
        Submit = "submit",
        Run = "run",
    }
}

text_enum! {
    /// Where a submission is in its grading.
    pub enum Status("submission status") {
        Queued = "queued",
        Running = "running",
        /// Graded: it has a verdict and a score.
        Done = "done",
        /// Could not be graded (kept failing, or its challenge is gone).
        Failed = "failed",
    }
}

impl Status {
    /// Grading is over, one way or the other.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Done | Status::Failed)
    }
}
