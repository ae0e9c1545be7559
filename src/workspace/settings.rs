//! A user's editor settings: parsed once from what a client sends, with
//! every bad value named by its field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::{text_enum, ValidationError};

text_enum! {
    /// The editor's colours.
    pub enum Theme("editor theme") {
        /// Light or dark as the operating system is.
        System = "system",
        Light = "light",
        Dark = "dark",
    }
}

text_enum! {
    /// Key bindings.
    pub enum Keymap("key map") {
        Standard = "standard",
        Vim = "vim",
        Emacs = "emacs",
    }
}

/// Font sizes the editor offers, in CSS pixels.
pub const FONT_SIZES: std::ops::RangeInclusive<u8> = 10..=24;
/// Indent widths the editor offers, in spaces.
pub const INDENT_WIDTHS: &[u8] = &[2, 3, 4, 8];
/// The editor's languages: the sandbox's and SQL.
pub const LANGUAGES: &[&str] = &["python", "javascript", "c", "cpp", "rust", "sql"];

/// What the editor looks like and how it behaves, per user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct EditorSettings {
    pub theme: Theme,
    /// 10–24 px.
    #[schema(minimum = 10, maximum = 24)]
    pub font_size: u8,
    pub keymap: Keymap,
    /// Long lines wrap instead of scrolling sideways.
    pub wrap: bool,
    /// Spaces per indent level, by language (`python`, `javascript`, `c`,
    /// `cpp`, `rust`, `sql`): 2, 3, 4 or 8.
    pub indent: BTreeMap<String, u8>,
}

impl Default for EditorSettings {
    fn default() -> Self {
        // PEP 8 asks for 4 in Python; C-family and Rust style guides use 4;
        // JavaScript and SQL are commonly written with 2.
        let indent = LANGUAGES
            .iter()
            .map(|&l| {
                let width = if matches!(l, "javascript" | "sql") {
                    2
                } else {
                    4
                };
                (l.to_owned(), width)
            })
            .collect();
        Self {
            theme: Theme::System,
            font_size: 14,
            keymap: Keymap::Standard,
            wrap: true,
            indent,
        }
    }
}

/// Settings as a client sends them: every field optional (a missing one
/// keeps its default), values not yet checked.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingsInput {
    #[schema(value_type = Option<Theme>)]
    pub theme: Option<String>,
    #[schema(minimum = 10, maximum = 24)]
    pub font_size: Option<i64>,
    #[schema(value_type = Option<Keymap>)]
    pub keymap: Option<String>,
    pub wrap: Option<bool>,
    pub indent: Option<BTreeMap<String, i64>>,
}

impl EditorSettings {
    /// Checks `input`, filling what it leaves out from the defaults.
    pub fn parse(input: SettingsInput) -> Result<Self, Vec<ValidationError>> {
        let mut settings = Self::default();
        let mut errors = Vec::new();
        if let Some(theme) = input.theme {
            match Theme::parse(&theme) {
                Ok(t) => settings.theme = t,
                Err(e) => errors.push(e.for_field("theme")),
            }
        }
        if let Some(keymap) = input.keymap {
            match Keymap::parse(&keymap) {
                Ok(k) => settings.keymap = k,
                Err(e) => errors.push(e.for_field("keymap")),
            }
        }
        if let Some(size) = input.font_size {
            match u8::try_from(size).ok().filter(|s| FONT_SIZES.contains(s)) {
                Some(size) => settings.font_size = size,
                None => errors.push(ValidationError::new(
                    "font_size",
                    format!(
                        "The font size must be {}–{} px, not {size}.",
                        FONT_SIZES.start(),
                        FONT_SIZES.end()
                    ),
                )),
            }
        }
        if let Some(wrap) = input.wrap {
            settings.wrap = wrap;
        }
        for (language, width) in input.indent.unwrap_or_default() {
            if !LANGUAGES.contains(&language.as_str()) {
                errors.push(ValidationError::new(
                    "indent",
                    format!(
                        "There is no language {:?}; expected one of {}.",
                        language.chars().take(32).collect::<String>(),
                        LANGUAGES.join(", ")
                    ),
                ));
                continue;
            }
            match u8::try_from(width)
                .ok()
                .filter(|w| INDENT_WIDTHS.contains(w))
            {
                Some(width) => {
                    settings.indent.insert(language, width);
                }
                None => errors.push(ValidationError::new(
                    "indent",
                    format!("The indent for {language} must be 2, 3, 4 or 8 spaces, not {width}."),
                )),
            }
        }
        if errors.is_empty() {
            Ok(settings)
        } else {
            Err(errors)
        }
    }

    /// Stored settings over the defaults: a language added since they were
    /// saved gets its default; a stored value no longer allowed is dropped.
    pub fn from_stored(json: &str) -> Self {
        serde_json::from_str::<SettingsInput>(json)
            .ok()
            .and_then(|input| Self::parse(input).ok())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_keep_their_defaults_and_python_indents_four() {
        let s = EditorSettings::parse(SettingsInput {
            theme: Some("dark".into()),
            ..SettingsInput::default()
        })
        .unwrap();
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(s.indent["python"], 4);
        assert_eq!(s.indent["javascript"], 2);
        assert_eq!(s.font_size, 14);
    }

    #[test]
    fn every_bad_value_is_named() {
        let errors = EditorSettings::parse(SettingsInput {
            theme: Some("neon".into()),
            font_size: Some(300),
            keymap: Some("nano".into()),
            indent: Some([("cobol".to_owned(), 4), ("python".to_owned(), 5)].into()),
            ..SettingsInput::default()
        })
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["theme", "keymap", "font_size", "indent", "indent"]);
        assert!(errors[2].message.contains("300"), "{:?}", errors[2]);
    }
}
