use secrecy::{ExposeSecret, SecretString};

use super::ValidationError;

/// A new password that meets the policy: 10–256 characters.
///
/// The length is counted in characters, not bytes, so a passphrase in any
/// script is measured the way its owner counts it. The upper bound keeps the
/// cost of hashing bounded. The value never appears in `Debug` output.
pub struct Password(SecretString);

pub const MIN_CHARS: usize = 10;
pub const MAX_CHARS: usize = 256;

impl Password {
    pub fn parse(raw: &str, field: &'static str) -> Result<Self, ValidationError> {
        let chars = raw.chars().count();
        if chars < MIN_CHARS {
            return Err(ValidationError::new(
                field,
                format!("a password needs at least {MIN_CHARS} characters"),
            ));
        }
        if chars > MAX_CHARS {
            return Err(ValidationError::new(
                field,
                format!("a password has at most {MAX_CHARS} characters"),
            ));
        }
        Ok(Self(SecretString::from(raw.to_owned())))
    }

    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(****)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enforces_length_in_characters() {
        assert!(Password::parse("123456789", "password").is_err());
        assert!(Password::parse("1234567890", "password").is_ok());
        // 10 characters, 20 bytes.
        assert!(Password::parse("éééééééééé", "password").is_ok());
        assert!(Password::parse(&"x".repeat(256), "password").is_ok());
        assert!(Password::parse(&"x".repeat(257), "password").is_err());
    }

    #[test]
    fn debug_hides_the_value() {
        let p = Password::parse("correct horse battery", "password").unwrap();
        assert!(!format!("{p:?}").contains("horse"));
    }
}
