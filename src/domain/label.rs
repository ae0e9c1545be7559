use super::ValidationError;

/// Trims `raw` and checks it is a one-line label of 1..=`max_chars`
/// characters. Shared by the short human-chosen names (display names,
/// token names) so they follow one rule.
pub(super) fn parse_label(
    raw: &str,
    field: &'static str,
    what: &str,
    max_chars: usize,
) -> Result<String, ValidationError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(ValidationError::new(field, format!("enter a {what}")));
    }
    if trimmed.chars().count() > max_chars {
        return Err(ValidationError::new(
            field,
            format!("a {what} has at most {max_chars} characters"),
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(ValidationError::new(
            field,
            format!("a {what} cannot contain control characters"),
        ));
    }
    Ok(trimmed.to_owned())
}

/// The 1-based line of the first NUL byte in `text`, if any. Long texts
/// (solutions, package files) may hold any other character, but a NUL is
/// never meant — it is a pasted binary, and compilers refuse it with a
/// confusing message — so callers refuse it and say where it is.
pub fn nul_byte_line(text: &str) -> Option<usize> {
    let at = text.find('\0')?;
    Some(text[..at].matches('\n').count() + 1)
}
