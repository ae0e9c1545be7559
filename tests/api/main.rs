//! Integration tests: the real server on port 0, driven over HTTP, against
//! SQLite and PostgreSQL. One binary; modules are named by feature.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;

mod account;
mod admin;
mod api_tokens;
mod authoring;
mod bad_input;
mod catalog;
mod cli;
mod health;
mod interviews;
mod login;
mod pages;
mod queue;
mod rooms;
mod security;
mod signup;
mod storage;
mod submissions;
mod workspace;
