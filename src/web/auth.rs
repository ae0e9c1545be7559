//! Who is asking: the session cookie or an API token, resolved once per
//! request, and the one guard that checks roles.
//!
//! Handlers take [`Auth<R>`] to require a signed-in user with at least role
//! `R` (`Auth` for anyone signed in, `Auth<Instructor>`, `Auth<Admin>`), or
//! [`MaybeIdentity`] when a page works for everyone. No handler compares
//! roles itself.

use std::marker::PhantomData;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use futures_util::future::LocalBoxFuture;

use super::error::AppError;
use super::{csrf, AppState};
use crate::accounts::{ClientInfo, Credential, Identity};
use crate::domain::Role;

pub const SESSION_COOKIE: &str = "rehearse_session";

/// The minimum role a route needs.
pub trait Requirement {
    const MIN: Role;
}

/// Any signed-in user.
pub struct Candidate;
pub struct Instructor;
pub struct Admin;

impl Requirement for Candidate {
    const MIN: Role = Role::Candidate;
}
impl Requirement for Instructor {
    const MIN: Role = Role::Instructor;
}
impl Requirement for Admin {
    const MIN: Role = Role::Admin;
}

/// A signed-in user whose role is at least `R::MIN`. Rejects with 401 when
/// nobody is signed in and 403 when the role is too low.
pub struct Auth<R: Requirement = Candidate> {
    pub identity: Identity,
    _role: PhantomData<R>,
}

/// The signed-in user, if any.
pub struct MaybeIdentity(pub Option<Identity>);

#[derive(Clone)]
struct Resolved(Option<Identity>);

pub(super) fn state(req: &HttpRequest) -> Result<web::Data<AppState>, AppError> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| AppError::Unexpected("application state missing".into()))
}

/// Resolves the caller's identity once per request and caches it.
pub async fn identify(req: &HttpRequest) -> Result<Option<Identity>, AppError> {
    if let Some(Resolved(cached)) = req.extensions().get::<Resolved>() {
        return Ok(cached.clone());
    }
    let state = state(req)?;
    let identity = if let Some(value) = req.headers().get(header::AUTHORIZATION) {
        // An Authorization header that is present but wrong is an error,
        // never a silent fall-back to anonymous.
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(AppError::InvalidToken)?;
        Some(
            state
                .accounts
                .authenticate_api_token(token.trim())
                .await?
                .ok_or(AppError::InvalidToken)?,
        )
    } else if let Some(cookie) = req.cookie(SESSION_COOKIE) {
        state.accounts.authenticate_session(cookie.value()).await?
    } else {
        None
    };
    req.extensions_mut().insert(Resolved(identity.clone()));
    Ok(identity)
}

impl<R: Requirement + 'static> FromRequest for Auth<R> {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let identity = identify(&req).await?.ok_or(AppError::Unauthenticated)?;
            // A browser session calling the JSON API must prove the call came
            // from our own pages; bearer tokens are not sent by browsers
            // automatically, so they need no such proof.
            if matches!(identity.credential, Credential::Session(_))
                && req.path().starts_with("/api/")
                && !req.method().is_safe()
            {
                let state = state(&req)?;
                let presented = req
                    .headers()
                    .get(csrf::CSRF_HEADER)
                    .and_then(|v| v.to_str().ok());
                csrf::verify(&req, &state.csrf_key, presented)?;
            }
            if identity.user.role < R::MIN {
                return Err(AppError::Forbidden);
            }
            Ok(Auth {
                identity,
                _role: PhantomData,
            })
        })
    }
}

impl FromRequest for MaybeIdentity {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { Ok(MaybeIdentity(identify(&req).await?)) })
    }
}

/// The session the request came with, if it is a live one.
pub fn current_session(identity: Option<&Identity>) -> Option<crate::domain::SessionId> {
    match identity.map(|i| i.credential) {
        Some(Credential::Session(id)) => Some(id),
        _ => None,
    }
}

/// The client's address and user agent, for throttling and session records.
pub fn client_info(req: &HttpRequest, trust_proxy_headers: bool) -> ClientInfo {
    let ip = if trust_proxy_headers {
        req.connection_info().realip_remote_addr().and_then(|addr| {
            addr.parse::<std::net::IpAddr>()
                .ok()
                .or_else(|| addr.parse::<std::net::SocketAddr>().ok().map(|s| s.ip()))
        })
    } else {
        req.peer_addr().map(|addr| addr.ip())
    };
    let user_agent = req
        .headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|ua| ua.chars().take(256).collect());
    ClientInfo { ip, user_agent }
}

/// The cookie that carries a new session.
pub fn session_cookie(secret: String, max_age: chrono::Duration, secure: bool) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, secret)
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .max_age(actix_web::cookie::time::Duration::seconds(
            max_age.num_seconds(),
        ))
        .finish()
}

/// A cookie that deletes the session cookie.
pub fn clear_session_cookie(secure: bool) -> Cookie<'static> {
    let mut cookie = session_cookie(String::new(), chrono::Duration::zero(), secure);
    cookie.make_removal();
    cookie
}
