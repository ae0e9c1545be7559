//! HTML pages, one module per area. Handlers parse input, call one service
//! method and render a template; the rules live in `accounts`.

pub mod account;
pub mod admin;
pub mod home;
pub mod login;
pub mod signup;
