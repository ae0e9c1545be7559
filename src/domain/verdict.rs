use super::text_enum::text_enum;

text_enum! {
    /// The verdict of one test, and of a whole submission.
    pub enum Verdict("verdict") {
        Accepted = "accepted",
        WrongAnswer = "wrong_answer",
        TimeLimitExceeded = "time_limit_exceeded",
        MemoryLimitExceeded = "memory_limit_exceeded",
        OutputLimitExceeded = "output_limit_exceeded",
        RuntimeError = "runtime_error",
        CompileError = "compile_error",
        InternalError = "internal_error",
    }
}

impl Verdict {
    /// How pages name it.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Accepted => "Accepted",
            Verdict::WrongAnswer => "Wrong Answer",
            Verdict::TimeLimitExceeded => "Time Limit Exceeded",
            Verdict::MemoryLimitExceeded => "Memory Limit Exceeded",
            Verdict::OutputLimitExceeded => "Output Limit Exceeded",
            Verdict::RuntimeError => "Runtime Error",
            Verdict::CompileError => "Compile Error",
            Verdict::InternalError => "Internal Error",
        }
    }

    /// Two or three letters, as judges print them.
    pub fn short(self) -> &'static str {
        match self {
            Verdict::Accepted => "AC",
            Verdict::WrongAnswer => "WA",
            Verdict::TimeLimitExceeded => "TLE",
            Verdict::MemoryLimitExceeded => "MLE",
            Verdict::OutputLimitExceeded => "OLE",
            Verdict::RuntimeError => "RE",
            Verdict::CompileError => "CE",
            Verdict::InternalError => "IE",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verdict_round_trips_through_its_text_and_json() {
        for &v in Verdict::ALL {
            assert_eq!(Verdict::parse(v.as_str()), Ok(v));
            assert_eq!(serde_json::to_value(v).unwrap(), v.as_str());
        }
        let err = Verdict::parse("Accepted").unwrap_err();
        assert!(
            err.to_string().contains("unknown verdict \"Accepted\""),
            "{err}"
        );
        assert!(err.to_string().contains("wrong_answer"), "{err}");
    }
}
