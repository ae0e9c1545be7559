//! CSRF protection for the browser: a signed double-submit token.
//!
//! Every page response carries an HttpOnly `rehearse_csrf` cookie with a
//! random value; forms carry a token derived from `HMAC(key, cookie value)`.
//! A cross-site page can neither read the cookie nor compute the HMAC, so a
//! forged form fails. JSON calls authenticated by the session cookie send the
//! same token in `X-CSRF-Token`.
//!
//! The token in a page is masked afresh for every response (a random pad,
//! then the pad XOR the HMAC), so compressed pages never repeat a secret an
//! attacker could recover byte by byte from response sizes (BREACH).

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use super::error::AppError;
use crate::accounts::secret_token;

pub const CSRF_COOKIE: &str = "rehearse_csrf";
pub const CSRF_FIELD: &str = "csrf_token";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The server's signing key for CSRF tokens.
#[derive(Clone)]
pub struct CsrfKey(std::sync::Arc<Vec<u8>>);

impl CsrfKey {
    pub fn new(key: &[u8]) -> Self {
        Self(std::sync::Arc::new(key.to_vec()))
    }

    fn sign(&self, cookie_value: &str) -> Vec<u8> {
        // HMAC accepts keys of any length; the fallback cannot happen.
        match Hmac::<Sha256>::new_from_slice(&self.0) {
            Ok(mut mac) => {
                mac.update(cookie_value.as_bytes());
                mac.finalize().into_bytes().to_vec()
            }
            Err(_) => Vec::new(),
        }
    }
}

/// `pad || pad XOR signature`, base64url: a different string every time
/// for the same signature.
fn mask(signature: &[u8]) -> String {
    let pad: Vec<u8> = (0..signature.len()).map(|_| rand::random::<u8>()).collect();
    let mut token = pad.clone();
    token.extend(pad.iter().zip(signature).map(|(p, s)| p ^ s));
    URL_SAFE_NO_PAD.encode(token)
}

/// The signature inside a masked token, if it is one.
fn unmask(token: &str) -> Option<Vec<u8>> {
    let bytes = URL_SAFE_NO_PAD.decode(token).ok()?;
    if bytes.len() % 2 != 0 {
        return None;
    }
    let (pad, masked) = bytes.split_at(bytes.len() / 2);
    Some(pad.iter().zip(masked).map(|(p, m)| p ^ m).collect())
}

/// The request's CSRF cookie value (existing or freshly minted).
#[derive(Clone)]
struct CsrfCookieValue(String);

/// Whether a path is served without the CSRF cookie (assets, probes).
fn exempt(path: &str) -> bool {
    path.starts_with("/static/") || matches!(path, "/healthz" | "/readyz" | "/metrics")
}

/// Middleware: makes sure every page response carries a CSRF cookie.
pub async fn ensure_cookie(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if exempt(req.path()) {
        return next.call(req).await;
    }
    let existing = req
        .cookie(CSRF_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| secret_token::looks_valid(v));
    let secure = req
        .app_data::<actix_web::web::Data<super::AppState>>()
        .map(|s| s.settings.tls)
        .unwrap_or(false);
    let (value, fresh) = match existing {
        Some(v) => (v, false),
        None => (secret_token::generate(), true),
    };
    req.extensions_mut().insert(CsrfCookieValue(value.clone()));
    let mut res = next.call(req).await?;
    if fresh {
        let cookie = Cookie::build(CSRF_COOKIE, value)
            .path("/")
            .http_only(true)
            .secure(secure)
            .same_site(SameSite::Lax)
            .finish();
        res.response_mut().add_cookie(&cookie).map_err(|e| {
            actix_web::error::ErrorInternalServerError(format!("cannot set cookie: {e}"))
        })?;
    }
    Ok(res)
}

/// The token that forms on this response must carry.
pub fn token_for(req: &HttpRequest, key: &CsrfKey) -> String {
    // Two statements on purpose: `req.cookie` may borrow the extensions
    // mutably (to cache parsed cookies), so the shared borrow must end first.
    let fresh = req
        .extensions()
        .get::<CsrfCookieValue>()
        .map(|v| v.0.clone());
    let value = fresh.or_else(|| req.cookie(CSRF_COOKIE).map(|c| c.value().to_owned()));
    value.map(|v| mask(&key.sign(&v))).unwrap_or_default()
}

/// Checks a presented token against the request's CSRF cookie.
pub fn verify(req: &HttpRequest, key: &CsrfKey, presented: Option<&str>) -> Result<(), AppError> {
    let cookie = req.cookie(CSRF_COOKIE).ok_or(AppError::Csrf)?;
    let presented = presented
        .filter(|p| !p.is_empty())
        .and_then(unmask)
        .ok_or(AppError::Csrf)?;
    let expected = key.sign(cookie.value());
    if !expected.is_empty() && bool::from(expected.as_slice().ct_eq(presented.as_slice())) {
        Ok(())
    } else {
        Err(AppError::Csrf)
    }
}
