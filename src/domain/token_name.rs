use super::label::parse_label;
use super::ValidationError;

/// What a user calls an API token ("laptop", "CI"): 1–64 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenName(String);

impl TokenName {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        parse_label(raw, "name", "token name", 64).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_a_label() {
        assert_eq!(TokenName::parse(" laptop ").unwrap().as_str(), "laptop");
        assert_eq!(TokenName::parse("").unwrap_err().field, "name");
        assert!(TokenName::parse(&"x".repeat(65)).is_err());
    }
}
