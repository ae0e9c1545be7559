//! The sandbox: the one place where untrusted code runs.
//!
//! It knows nothing about users, HTTP or the database. The wasmtime-based
//! runtime lands with its own issue; until then this crate only fixes its
//! place in the workspace so the app's layering (web → services →
//! storage/grading → sandbox) is visible from the first commit.
