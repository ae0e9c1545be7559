use super::ValidationError;

/// A syntactically valid email address, normalised: surrounding whitespace
/// removed and lower-cased, so that uniqueness is case-insensitive everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

const MAX_LEN: usize = 254;

impl Email {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let field = "email";
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(ValidationError::new(field, "enter your email address"));
        }
        if trimmed.chars().count() > MAX_LEN {
            return Err(ValidationError::new(
                field,
                format!("an email address has at most {MAX_LEN} characters"),
            ));
        }
        let normalised = trimmed.to_lowercase();
        // `email_address` implements RFC 5322's addr-spec; on top of it we want
        // a dotted domain, since a bare host cannot receive mail from us.
        let valid = email_address::EmailAddress::parse_with_options(
            &normalised,
            email_address::Options::default()
                .without_display_text()
                .without_domain_literal(),
        )
        .is_ok();
        let domain_ok = normalised
            .rsplit_once('@')
            .map(|(_, domain)| {
                domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
            })
            .unwrap_or(false);
        if !valid || !domain_ok {
            return Err(ValidationError::new(
                field,
                "this is not a valid email address (expected name@example.com)",
            ));
        }
        Ok(Self(normalised))
    }

    /// Rebuilds an email read back from storage, where only parsed values are written.
    pub fn from_trusted(stored: String) -> Self {
        Self(stored)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(
            Email::parse(input).ok().map(|e| e.0),
            expected.map(str::to_owned),
            "input {input:?}"
        );
    }

    #[test]
    fn normalises_case_and_whitespace() {
        check("  Ada@Example.COM ", Some("ada@example.com"));
        check("a.b+tag@sub.example.org", Some("a.b+tag@sub.example.org"));
    }

    #[test]
    fn rejects_malformed_addresses() {
        for bad in [
            "",
            "   ",
            "ada",
            "ada@",
            "@example.com",
            "ada@example",
            "ada@@example.com",
            "ada example@example.com",
            "Ada <ada@example.com>",
            "ada@.example.com",
            "ada@example.com.",
        ] {
            check(bad, None);
        }
    }

    #[test]
    fn rejects_overlong_addresses() {
        let long = format!("{}@example.com", "a".repeat(250));
        check(&long, None);
    }

    #[test]
    fn error_names_the_field() {
        let err = Email::parse("nope").unwrap_err();
        assert_eq!(err.field, "email");
    }
}
