//! HTML pages, one module per area. Handlers parse input, call one service
//! method and render a template; the rules live in the services.

pub mod account;
pub mod admin;
pub mod challenges;
pub mod home;
pub mod instructor;
pub mod interviews;
pub mod login;
pub mod progress;
pub mod rooms;
pub mod signup;
pub mod submissions;
