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
