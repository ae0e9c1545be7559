//! Rendering pages: the layout's shared context (who is signed in, the CSRF
//! token, a flash message) and redirects that carry a flash.

use actix_web::cookie::Cookie;
use actix_web::dev::Payload;
use actix_web::http::{header, StatusCode};
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use futures_util::future::LocalBoxFuture;
use serde::Serialize;
use tera::Context;

use super::auth::{identify, state};
use super::csrf;
use super::error::AppError;
use super::AppState;
use crate::accounts::Identity;
use crate::domain::User;

const FLASH_COOKIE: &str = "rehearse_flash";

/// Messages shown once after a redirect. The cookie carries only the key,
/// so nobody can make the page say something of their choosing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flash {
    SignedUp,
    LoggedIn,
    LoggedOut,
    ProfileSaved,
    PasswordChanged,
    TokenRevoked,
    RoleChanged,
    NotesSaved,
    RoomEnded,
}

impl Flash {
    const ALL: [Flash; 9] = [
        Flash::SignedUp,
        Flash::LoggedIn,
        Flash::LoggedOut,
        Flash::ProfileSaved,
        Flash::PasswordChanged,
        Flash::TokenRevoked,
        Flash::RoleChanged,
        Flash::NotesSaved,
        Flash::RoomEnded,
    ];

    fn key(self) -> &'static str {
        match self {
            Flash::SignedUp => "signed_up",
            Flash::LoggedIn => "logged_in",
            Flash::LoggedOut => "logged_out",
            Flash::ProfileSaved => "profile_saved",
            Flash::PasswordChanged => "password_changed",
            Flash::TokenRevoked => "token_revoked",
            Flash::RoleChanged => "role_changed",
            Flash::NotesSaved => "notes_saved",
            Flash::RoomEnded => "room_ended",
        }
    }

    fn text(self) -> &'static str {
        match self {
            Flash::SignedUp => crate::web::api::users::SIGNED_UP,
            Flash::LoggedIn => "You are logged in.",
            Flash::LoggedOut => "You have logged out.",
            Flash::ProfileSaved => "Your profile has been saved.",
            Flash::PasswordChanged => {
                "Your password has been changed. Your other sessions have been logged out."
            }
            Flash::TokenRevoked => "The token has been revoked.",
            Flash::RoleChanged => "The role has been changed.",
            Flash::NotesSaved => "Your notes have been saved.",
            Flash::RoomEnded => "The room has ended. Its code is kept, and playback is open.",
        }
    }

    fn from_key(key: &str) -> Option<Flash> {
        Flash::ALL.into_iter().find(|f| f.key() == key)
    }
}

#[derive(Serialize)]
struct FlashView {
    kind: &'static str,
    text: &'static str,
}

/// What the layout shows of the signed-in user.
#[derive(Serialize)]
pub struct UserView {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub role: &'static str,
    pub created_at: String,
}

impl From<&User> for UserView {
    fn from(user: &User) -> Self {
        Self {
            id: user.id.to_string(),
            email: user.email.to_string(),
            display_name: user.display_name.to_string(),
            role: user.role.as_str(),
            created_at: user.created_at.format("%-d %B %Y").to_string(),
        }
    }
}

/// Everything a page handler needs to render: the app, the caller, the
/// layout's context.
pub struct PageCtx {
    pub state: web::Data<AppState>,
    pub identity: Option<Identity>,
    csrf_token: String,
    flash: Option<Flash>,
}

impl FromRequest for PageCtx {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { PageCtx::for_request(&req).await })
    }
}

impl PageCtx {
    pub async fn for_request(req: &HttpRequest) -> Result<Self, AppError> {
        let state = state(req)?;
        let identity = identify(req).await?;
        let csrf_token = csrf::token_for(req, &state.csrf_key);
        let flash = req
            .cookie(FLASH_COOKIE)
            .and_then(|c| Flash::from_key(c.value()));
        Ok(Self {
            state,
            identity,
            csrf_token,
            flash,
        })
    }

    pub fn user(&self) -> Option<&User> {
        self.identity.as_ref().map(|i| &i.user)
    }

    /// A context with the layout's variables filled in.
    pub fn context(&self) -> Context {
        let mut ctx = Context::new();
        ctx.insert("csrf_token", &self.csrf_token);
        if let Some(user) = self.user() {
            ctx.insert("current_user", &UserView::from(user));
        }
        if let Some(flash) = self.flash {
            ctx.insert(
                "flash",
                &FlashView {
                    kind: "success",
                    text: flash.text(),
                },
            );
        }
        ctx
    }

    pub fn render(&self, template: &str, ctx: &Context) -> Result<HttpResponse, AppError> {
        self.render_status(StatusCode::OK, template, ctx)
    }

    /// Renders with a status: 422 for a form sent back with errors.
    pub fn render_status(
        &self,
        status: StatusCode,
        template: &str,
        ctx: &Context,
    ) -> Result<HttpResponse, AppError> {
        let html = self.state.templates.render(template, ctx)?;
        let mut response = HttpResponse::build(status);
        response
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "no-store"));
        if self.flash.is_some() {
            // Shown once: delete it with this response.
            let mut gone = Cookie::new(FLASH_COOKIE, "");
            gone.set_path("/");
            gone.make_removal();
            response.cookie(gone);
        }
        Ok(response.body(html))
    }
}

/// A 303 redirect (the right answer to a form post) that shows `flash` on
/// the next page.
pub fn redirect_with_flash(location: &str, flash: Option<Flash>) -> HttpResponse {
    let mut response = HttpResponse::SeeOther();
    response.insert_header((header::LOCATION, location.to_owned()));
    if let Some(flash) = flash {
        let cookie = Cookie::build(FLASH_COOKIE, flash.key())
            .path("/")
            .http_only(true)
            .same_site(actix_web::cookie::SameSite::Lax)
            .finish();
        response.cookie(cookie);
    }
    response.finish()
}

/// Only local paths may be redirect targets (no `//evil.example`).
pub fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.chars().any(char::is_control) =>
        {
            path
        }
        _ => "/",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_must_be_a_local_path() {
        assert_eq!(safe_next(Some("/account")), "/account");
        assert_eq!(
            safe_next(Some("/admin/users?page=2")),
            "/admin/users?page=2"
        );
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "account",
            "/a\nb",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad}");
        }
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn flash_keys_round_trip() {
        for flash in Flash::ALL {
            assert_eq!(Flash::from_key(flash.key()), Some(flash));
        }
        assert_eq!(Flash::from_key("<script>"), None);
    }
}
