//! Rehearse: a self-hosted platform for practising backend technical interviews.
//!
//! The binary (`main.rs`) only parses the command line and calls into this
//! library. ARCHITECTURE.md is the map; in short, data flows one way:
//!
//! - `web` (pages and the JSON API) calls the services: `accounts`,
//!   `catalog`, `submissions`, `progress`, `reviews`, `authoring`,
//!   `workspace`, `interviews`, `rooms`;
//! - services store through `db` (SQLite or PostgreSQL, one code path);
//! - `worker` takes jobs from the grading queue and calls `grading`, which
//!   wraps answers with `harness` code and runs them in `rehearse_sandbox`;
//! - `challenges` is the package format and model everyone reads;
//! - `domain` holds values parsed once (ids, emails, roles, verdicts,
//!   states) and the scoring rules, with no I/O;
//! - `startup` wires it all; `cli` is the command line; `config` the
//!   settings; `telemetry` logging and metrics.
//!
//! No module names one that names it back (checked by `layering`).

pub mod accounts;
pub mod authoring;
pub mod catalog;
pub mod challenges;
pub mod cli;
pub mod config;
pub mod db;
pub mod domain;
pub mod grading;
pub mod harness;
pub mod interviews;
#[cfg(test)]
mod layering;
pub mod progress;
pub mod reviews;
pub mod rooms;
pub mod startup;
pub mod submissions;
pub mod telemetry;
pub mod web;
pub mod worker;
pub mod workspace;
