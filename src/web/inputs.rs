//! Turning raw client input (forms and JSON alike) into domain values,
//! collecting every field's error at once so a form can show them all.

use std::collections::BTreeMap;

use crate::accounts::NewAccount;
use crate::domain::{DisplayName, Email, Password, Role, ValidationError};

/// Collects field errors while parsing several fields.
#[derive(Default)]
pub struct FieldErrors(Vec<ValidationError>);

impl FieldErrors {
    pub fn check<T>(&mut self, parsed: Result<T, ValidationError>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    pub fn push(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push(ValidationError::new(field, message));
    }

    pub fn into_vec(self) -> Vec<ValidationError> {
        self.0
    }
}

/// `{field: message}` for templates (first message per field wins).
pub fn error_map(errors: &[ValidationError]) -> BTreeMap<&'static str, String> {
    let mut map = BTreeMap::new();
    for e in errors {
        map.entry(e.field).or_insert_with(|| e.message.clone());
    }
    map
}

pub fn new_candidate(
    email: &str,
    display_name: &str,
    password: &str,
) -> Result<NewAccount, Vec<ValidationError>> {
    let mut errors = FieldErrors::default();
    let email = errors.check(Email::parse(email));
    let display_name = errors.check(DisplayName::parse(display_name));
    let password = errors.check(Password::parse(password, "password"));
    match (email, display_name, password) {
        (Some(email), Some(display_name), Some(password)) => Ok(NewAccount {
            email,
            display_name,
            password,
            role: Role::Candidate,
        }),
        _ => Err(errors.into_vec()),
    }
}

pub fn profile(
    email: &str,
    display_name: &str,
) -> Result<(Email, DisplayName), Vec<ValidationError>> {
    let mut errors = FieldErrors::default();
    let email = errors.check(Email::parse(email));
    let display_name = errors.check(DisplayName::parse(display_name));
    match (email, display_name) {
        (Some(email), Some(display_name)) => Ok((email, display_name)),
        _ => Err(errors.into_vec()),
    }
}

/// A new password, and its confirmation when the form asks for one.
pub fn new_password(
    current: &str,
    new: &str,
    confirm: Option<&str>,
) -> Result<Password, Vec<ValidationError>> {
    let mut errors = FieldErrors::default();
    if current.is_empty() {
        errors.push("current_password", "enter your current password");
    }
    let password = errors.check(Password::parse(new, "new_password"));
    if let Some(confirm) = confirm {
        if confirm != new {
            errors.push("confirm_password", "the two new passwords do not match");
        }
    }
    match password {
        Some(password) if errors.0.is_empty() => Ok(password),
        _ => Err(errors.into_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_every_bad_field_at_once() {
        let errors = new_candidate("nope", "", "short").err().unwrap();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["email", "display_name", "password"]);
    }

    #[test]
    fn password_change_checks_confirmation() {
        let errors = new_password("old", "a long new password", Some("different"))
            .err()
            .unwrap();
        assert_eq!(errors[0].field, "confirm_password");
        assert!(new_password("old", "a long new password", Some("a long new password")).is_ok());
        assert_eq!(
            new_password("", "a long new password", None).err().unwrap()[0].field,
            "current_password"
        );
    }
}
