use super::text_enum::text_enum;

text_enum! {
    /// What a challenge asks for.
    pub enum Kind("challenge kind") {
        Code = "code",
        Sql = "sql",
        Design = "design",
    }
}

text_enum! {
    /// How hard a challenge is; ordered from easy to hard.
    pub enum Difficulty("difficulty") {
        Easy = "easy",
        Medium = "medium",
        Hard = "hard",
    }
}

impl Kind {
    /// How pages name it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Code => "Code",
            Kind::Sql => "SQL",
            Kind::Design => "System design",
        }
    }
}

impl Difficulty {
    /// How pages name it.
    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Easy => "Easy",
            Difficulty::Medium => "Medium",
            Difficulty::Hard => "Hard",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn difficulties_order_from_easy_to_hard() {
        assert!(Difficulty::Easy < Difficulty::Medium && Difficulty::Medium < Difficulty::Hard);
        assert_eq!(Kind::parse("sql"), Ok(Kind::Sql));
        assert!(Kind::parse("SQL").is_err());
    }
}

text_enum! {
    /// How a stored version's solution check went: the bundled library is
    /// stored at once and checked after, in the background.
    pub enum CheckStatus("solution check status") {
        /// Not checked yet.
        Pending = "pending",
        /// Every reference solution passed, every wrong one failed, every
        /// kept design answer scored in range.
        Passed = "passed",
        /// Something did not behave; the report says what.
        Failed = "failed",
    }
}
