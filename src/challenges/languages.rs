//! What the package format needs to know of the languages the grader runs:
//! which it offers, which a challenge's signature rules out (C has no
//! classes, nor maps), and the starter code a package that brings none gets.
//!
//! The grader's harness knows this (it writes the code around a solution),
//! but the format must not depend on the grader: the loader is handed a
//! [`LanguageSupport`] by its caller (`harness::SUPPORT`).

use rehearse_sandbox::Language;

use super::model::CodeMode;

pub trait LanguageSupport: Sync {
    /// Every language a code challenge may be offered in, in display order.
    fn languages(&self) -> &[Language];

    /// Why `language` cannot be offered for a challenge in `mode`, if it
    /// cannot.
    fn unsupported(&self, language: Language, mode: &CodeMode) -> Option<String>;

    /// The code a candidate starts from.
    fn starter(&self, language: Language, mode: &CodeMode) -> String;
}
