use super::label::parse_label;
use super::ValidationError;

/// The name shown next to a user's work: trimmed, 1–64 characters, no
/// control characters (they break layouts and logs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        parse_label(raw, "display_name", "display name", 64).map(Self)
    }

    pub fn from_trusted(stored: String) -> Self {
        Self(stored)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for DisplayName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_accepts_unicode() {
        assert_eq!(
            DisplayName::parse("  Zoë Ångström ").unwrap().as_str(),
            "Zoë Ångström"
        );
    }

    #[test]
    fn rejects_empty_long_and_control() {
        assert!(DisplayName::parse(" \t ").is_err());
        assert!(DisplayName::parse(&"é".repeat(65)).is_err());
        assert!(DisplayName::parse(&"é".repeat(64)).is_ok());
        assert!(DisplayName::parse("bad\u{7}name").is_err());
        assert_eq!(DisplayName::parse("").unwrap_err().field, "display_name");
    }
}
