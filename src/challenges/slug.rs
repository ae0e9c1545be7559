//! [`Slug`]: a challenge's name in URLs, folders and the database.

use std::fmt;

/// A checked slug: 1–64 of `a-z`, `0-9` and single dashes, neither first nor
/// last. Handlers take it straight from the path, so a name that cannot
/// exist (a NUL byte, `../x`, 10 KB of text) is refused before it reaches a
/// query.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    pub fn parse(raw: &str) -> Result<Self, String> {
        check_slug(raw)?;
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Checks a slug: 1–64 characters of `a-z`, `0-9` and single dashes.
pub fn check_slug(slug: &str) -> Result<(), String> {
    let ok = !slug.is_empty()
        && slug.len() <= 64
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--");
    if ok {
        Ok(())
    } else {
        let shown: String = slug.escape_default().take(80).collect();
        Err(format!(
            "`{shown}` is not a valid slug: use 1–64 lower-case letters, digits and single dashes"
        ))
    }
}

impl TryFrom<String> for Slug {
    type Error = String;

    fn try_from(raw: String) -> Result<Self, String> {
        check_slug(&raw)?;
        Ok(Self(raw))
    }
}

impl From<Slug> for String {
    fn from(slug: Slug) -> String {
        slug.0
    }
}

impl std::ops::Deref for Slug {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_joined_by_single_dashes() {
        for good in ["a", "two-sum", "lru-cache-2", &"x".repeat(64)] {
            assert_eq!(Slug::parse(good).map(String::from), Ok(good.to_owned()));
        }
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "A",
            "a b",
            "../x",
            "a\0",
            &"x".repeat(65),
        ] {
            let err = Slug::parse(bad).expect_err(bad);
            assert!(err.contains("is not a valid slug"), "{err}");
        }
    }

    #[test]
    fn the_error_shows_control_characters_escaped() {
        let err = Slug::parse("a\0b").expect_err("NUL");
        assert!(err.starts_with("`a\\u{0}b`"), "{err}");
    }
}
