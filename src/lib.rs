//! Rehearse: a self-hosted platform for practising backend technical interviews.
//!
//! The binary (`main.rs`) only parses the command line and calls into this
//! library. Data flows one way: `web` → `accounts` (services) → `db` →
//! (later) grading → `rehearse_sandbox`. See ARCHITECTURE.md for the map.

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
pub mod progress;
pub mod reviews;
pub mod startup;
pub mod submissions;
pub mod telemetry;
pub mod web;
pub mod worker;
