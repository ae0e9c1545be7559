//! Challenges: the package format and the model every other part reads.
//!
//! A challenge is a folder of plain files (`challenges/<slug>/`, described
//! in `challenges/README.md`). [`load::load_package`] reads and checks one,
//! reporting every problem with its file and field; the result is a
//! [`model::Challenge`] — plain data, serialised as JSON when stored — plus
//! any tests still to be generated (`grading::materialise`).
//!
//! - [`types`]: the language-neutral type language (`list<int>`, `tree`, …)
//! - [`signature`]: function and class signatures written in it
//! - [`constraints`]: the input bounds a code challenge declares
//! - [`files`]: a package's files as a whole (read, write, hash, paths)
//! - [`archive`]: a package as a zip file (export and import)
//! - [`languages`]: what the format asks of the grader's languages
//! - [`rubric`]: system-design rubrics
//! - [`skills`]: the fixed vocabulary of skills
//! - [`statement`]: statements' limits and their rendering to safe HTML
//! - [`Slug`]: a checked challenge name
//!
//! This module does no grading and knows nothing of HTTP or storage.

pub mod archive;
pub mod constraints;
pub mod files;
pub mod languages;
pub mod load;
mod manifest;
pub mod model;
pub mod rubric;
pub mod signature;
pub mod skills;
mod slug;
pub mod statement;
pub mod types;

pub use languages::LanguageSupport;
pub use load::{find_packages, load_package, Package, Problem};
pub use model::{Challenge, Difficulty, Kind};
pub use slug::{check_slug, Slug};
