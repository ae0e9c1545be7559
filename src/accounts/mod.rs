//! Accounts: sign-up, login sessions, API tokens, profile and role changes.
//!
//! [`Accounts`] is the service the web layer calls; it owns the rules
//! (password policy is in `domain`, hashing in [`password_hash`], throttling
//! in [`rate_limit`]) and talks to storage through `db`. It knows nothing
//! about HTTP: it hands back secrets (session and API tokens) and the web
//! layer decides how to carry them.

mod error;
pub mod password_hash;
pub mod rate_limit;
pub mod secret_token;

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

pub use error::AccountsError;

use crate::db::api_tokens::ApiTokenInfo;
use crate::db::users::SetRoleOutcome;
use crate::db::{self, Db};
use crate::domain::{
    ApiTokenId, DisplayName, Email, Password, Role, SessionId, TokenName, User, UserId,
};
use rate_limit::{LimitSettings, LoginLimiter, LoginLimits, SignupLimiter};

/// Who is making a request, and with what credential.
#[derive(Debug, Clone)]
pub struct Identity {
    pub user: User,
    pub credential: Credential,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credential {
    Session(SessionId),
    ApiToken(ApiTokenId),
}

/// A new login session: the secret goes to the client (in a cookie), only
/// its hash is stored.
pub struct NewSession {
    pub id: SessionId,
    pub secret: String,
    pub user: User,
}

/// A new API token, shown to its owner exactly once.
pub struct NewApiToken {
    pub info: ApiTokenInfo,
    pub secret: String,
}

/// Where a login comes from, for throttling and the session record.
#[derive(Debug, Clone, Default)]
pub struct ClientInfo {
    pub ip: Option<IpAddr>,
    pub user_agent: Option<String>,
}

pub struct NewAccount {
    pub email: Email,
    pub display_name: DisplayName,
    pub password: Password,
    pub role: Role,
}

/// Prefix of every API token, so a leaked one is recognisable (and
/// secret scanners can be taught to find it).
pub const API_TOKEN_PREFIX: &str = "rh_";

/// What a sign-up did. The two outcomes must look the same to the person
/// signing up (the web layer answers both alike), or sign-up would tell
/// anyone which emails have accounts.
#[derive(Debug)]
pub enum SignUp {
    Created(User),
    /// The email already had an account; nothing changed.
    AlreadyRegistered,
}

#[derive(Clone)]
pub struct Accounts {
    db: Db,
    limiter: Arc<LoginLimiter>,
    signups: Arc<SignupLimiter>,
    session_ttl: chrono::Duration,
}

pub struct AccountsSettings {
    pub session_ttl: Duration,
    pub login: LoginLimits,
    pub signup_per_ip: LimitSettings,
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AccountsError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| AccountsError::Unexpected(format!("background task failed: {e}")))
}

/// Password hashing and checking, at most one per core at a time: each
/// takes 19 MiB and tens of milliseconds, so a burst of sign-ups or logins
/// queues here instead of taking the machine's memory all at once.
async fn password_work<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AccountsError> {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    let permits = PERMITS.get_or_init(|| {
        tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(1, |n| n.get()))
    });
    let _permit = permits
        .acquire()
        .await
        .map_err(|e| AccountsError::Unexpected(format!("password work refused: {e}")))?;
    blocking(f).await
}

async fn hash_password(password: Password) -> Result<String, AccountsError> {
    password_work(move || password_hash::hash(password.expose()))
        .await?
        .map_err(|e| AccountsError::Unexpected(format!("password hashing failed: {e}")))
}

impl Accounts {
    pub fn new(db: Db, settings: AccountsSettings) -> Self {
        Self {
            db,
            limiter: Arc::new(LoginLimiter::new(settings.login)),
            signups: Arc::new(SignupLimiter::new(settings.signup_per_ip)),
            session_ttl: chrono::Duration::from_std(settings.session_ttl)
                .unwrap_or(chrono::Duration::days(14)),
        }
    }

    /// How long a new session lasts.
    pub fn session_ttl(&self) -> chrono::Duration {
        self.session_ttl
    }

    /// Signs up a new candidate, throttled per client IP. A taken email
    /// costs the same work as a free one and changes nothing.
    pub async fn sign_up(
        &self,
        new: NewAccount,
        client: &ClientInfo,
    ) -> Result<SignUp, AccountsError> {
        self.signups
            .check(client.ip)
            .map_err(|retry_after| AccountsError::TooManySignUps { retry_after })?;
        match self.create_account(new).await {
            Ok(user) => Ok(SignUp::Created(user)),
            Err(AccountsError::EmailTaken) => Ok(SignUp::AlreadyRegistered),
            Err(e) => Err(e),
        }
    }

    /// Creates an account (as `rehearse user add` does; sign-up pages go
    /// through [`Accounts::sign_up`]). A taken email (in any case) is
    /// [`AccountsError::EmailTaken`].
    pub async fn create_account(&self, new: NewAccount) -> Result<User, AccountsError> {
        let password_hash = hash_password(new.password).await?;
        let user = User {
            id: UserId::new(),
            email: new.email,
            display_name: new.display_name,
            role: new.role,
            created_at: db::now(),
        };
        let stored = user.clone();
        self.db
            .run(move |conn| db::users::insert(conn, &stored, &password_hash))
            .await
            .map_err(|e| {
                if e.is_unique_violation() {
                    AccountsError::EmailTaken
                } else {
                    e.into()
                }
            })?;
        tracing::info!(user_id = %user.id, role = %user.role, "account created");
        Ok(user)
    }

    /// Checks an email and password. Unknown email and wrong password give the
    /// same error after the same work; a throttled account or IP is refused
    /// before any work is done, and each failure is counted.
    async fn verify_credentials(
        &self,
        email: &str,
        password: &str,
        client: &ClientInfo,
    ) -> Result<User, AccountsError> {
        self.limiter
            .check(email, client.ip)
            .map_err(|retry_after| AccountsError::RateLimited { retry_after })?;
        let verified = self.check_password(email, password).await;
        if matches!(verified, Err(AccountsError::InvalidCredentials)) {
            self.limiter.failed(email, client.ip);
        }
        verified
    }

    async fn check_password(&self, email: &str, password: &str) -> Result<User, AccountsError> {
        let password = password.to_owned();
        let Ok(email) = Email::parse(email) else {
            password_work(move || password_hash::verify_dummy(&password)).await?;
            return Err(AccountsError::InvalidCredentials);
        };
        let stored = self
            .db
            .run(move |conn| db::users::find_by_email(conn, &email))
            .await?;
        let verified = password_work(move || match stored {
            Some(stored) if password_hash::verify(&stored.password_hash, &password) => {
                Some(stored.user)
            }
            Some(_) => None,
            None => {
                password_hash::verify_dummy(&password);
                None
            }
        })
        .await?;
        verified.ok_or(AccountsError::InvalidCredentials)
    }

    /// Logs in: verifies the credentials and opens a new session. The caller
    /// passes the session it is replacing (if any) so the old id dies with
    /// the login (session ids are rotated, never reused).
    pub async fn login(
        &self,
        email: &str,
        password: &str,
        client: ClientInfo,
        replacing: Option<SessionId>,
    ) -> Result<NewSession, AccountsError> {
        let user = match self.verify_credentials(email, password, &client).await {
            Ok(user) => user,
            Err(e) => {
                tracing::info!(error = %e, "login refused");
                return Err(e);
            }
        };
        self.open_session(user, client, replacing).await
    }

    /// Opens a session for a user who has just proven who they are (by
    /// logging in or signing up), ending the one it replaces.
    pub async fn open_session(
        &self,
        user: User,
        client: ClientInfo,
        replacing: Option<SessionId>,
    ) -> Result<NewSession, AccountsError> {
        let secret = secret_token::generate();
        let id = SessionId::new();
        let now = db::now();
        let expires = now + self.session_ttl;
        let token_hash = secret_token::digest(&secret);
        let user_id = user.id;
        self.db
            .run(move |conn| {
                if let Some(old) = replacing {
                    db::sessions::delete(conn, old)?;
                }
                db::sessions::insert(
                    conn,
                    &db::sessions::NewSession {
                        id,
                        user_id,
                        token_hash: &token_hash,
                        created_at: now,
                        expires_at: expires,
                        user_agent: client.user_agent.as_deref(),
                        ip: client.ip.map(|ip| ip.to_string()).as_deref(),
                    },
                )
            })
            .await?;
        tracing::info!(user_id = %user.id, session_id = %id, "session opened");
        Ok(NewSession { id, secret, user })
    }

    /// The identity behind a session cookie, if it names a live session.
    pub async fn authenticate_session(
        &self,
        secret: &str,
    ) -> Result<Option<Identity>, AccountsError> {
        if !secret_token::looks_valid(secret) {
            return Ok(None);
        }
        let token_hash = secret_token::digest(secret);
        let found = self
            .db
            .run(move |conn| {
                let now = db::now();
                let found = db::sessions::find_active(conn, &token_hash, now)?;
                if let Some((id, _, true)) = &found {
                    // Activity is a nicety: a failed write (a full disk)
                    // must not turn a page view into an error.
                    if let Err(e) = db::sessions::touch(conn, *id, now) {
                        tracing::warn!(error = %e, "cannot record a session's activity");
                    }
                }
                Ok(found)
            })
            .await?;
        Ok(found.map(|(id, stored, _)| Identity {
            user: stored.user,
            credential: Credential::Session(id),
        }))
    }

    /// The identity behind an API token, if it is a live token.
    pub async fn authenticate_api_token(
        &self,
        token: &str,
    ) -> Result<Option<Identity>, AccountsError> {
        let Some(secret) = token.strip_prefix(API_TOKEN_PREFIX) else {
            return Ok(None);
        };
        if !secret_token::looks_valid(secret) {
            return Ok(None);
        }
        let token_hash = secret_token::digest(token);
        let found = self
            .db
            .run(move |conn| db::api_tokens::authenticate(conn, &token_hash, db::now()))
            .await?;
        Ok(found.map(|(id, stored)| Identity {
            user: stored.user,
            credential: Credential::ApiToken(id),
        }))
    }

    pub async fn logout(&self, session: SessionId) -> Result<(), AccountsError> {
        self.db
            .run(move |conn| db::sessions::delete(conn, session))
            .await?;
        Ok(())
    }

    pub async fn update_profile(
        &self,
        user_id: UserId,
        email: Email,
        display_name: DisplayName,
    ) -> Result<User, AccountsError> {
        let found = self
            .db
            .run(move |conn| {
                if !db::users::update_profile(conn, user_id, &email, &display_name, db::now())? {
                    return Ok(None);
                }
                db::users::find_by_id(conn, user_id)
            })
            .await
            .map_err(|e| {
                if e.is_unique_violation() {
                    AccountsError::EmailTaken
                } else {
                    e.into()
                }
            })?;
        found.map(|s| s.user).ok_or(AccountsError::UserNotFound)
    }

    /// Changes a password after checking the current one, then ends every
    /// other session of the user (a stolen session dies with the old
    /// password). Wrong current passwords are throttled like logins: a
    /// stolen session must not become a way to guess the password.
    pub async fn change_password(
        &self,
        identity: &Identity,
        current: String,
        new: Password,
        client: &ClientInfo,
    ) -> Result<(), AccountsError> {
        let account = identity.user.email.as_str().to_owned();
        self.limiter
            .check(&account, client.ip)
            .map_err(|retry_after| AccountsError::RateLimited { retry_after })?;
        let user_id = identity.user.id;
        let stored = self
            .db
            .run(move |conn| db::users::find_by_id(conn, user_id))
            .await?
            .ok_or(AccountsError::UserNotFound)?;
        let matches =
            password_work(move || password_hash::verify(&stored.password_hash, &current)).await?;
        if !matches {
            self.limiter.failed(&account, client.ip);
            return Err(AccountsError::WrongPassword);
        }
        let new_hash = hash_password(new).await?;
        let keep = match identity.credential {
            Credential::Session(id) => Some(id),
            Credential::ApiToken(_) => None,
        };
        self.db
            .run(move |conn| {
                db::users::update_password_hash(conn, user_id, &new_hash, db::now())?;
                db::sessions::delete_for_user_except(conn, user_id, keep)
            })
            .await?;
        tracing::info!(user_id = %user_id, "password changed; other sessions ended");
        Ok(())
    }

    pub async fn create_api_token(
        &self,
        user_id: UserId,
        name: TokenName,
    ) -> Result<NewApiToken, AccountsError> {
        let secret = format!("{API_TOKEN_PREFIX}{}", secret_token::generate());
        let info = ApiTokenInfo {
            id: ApiTokenId::new(),
            name: name.into_string(),
            prefix: secret.chars().take(API_TOKEN_PREFIX.len() + 6).collect(),
            created_at: db::now(),
            last_used_at: None,
        };
        let token_hash = secret_token::digest(&secret);
        let stored = info.clone();
        self.db
            .run(move |conn| db::api_tokens::insert(conn, user_id, &stored, &token_hash))
            .await?;
        tracing::info!(user_id = %user_id, token_id = %info.id, "API token created");
        Ok(NewApiToken { info, secret })
    }

    /// For the command-line client's `login`: credentials in, a token out.
    pub async fn create_api_token_with_password(
        &self,
        email: &str,
        password: &str,
        name: TokenName,
        client: ClientInfo,
    ) -> Result<(User, NewApiToken), AccountsError> {
        let user = self.verify_credentials(email, password, &client).await?;
        let token = self.create_api_token(user.id, name).await?;
        Ok((user, token))
    }

    pub async fn list_api_tokens(
        &self,
        user_id: UserId,
    ) -> Result<Vec<ApiTokenInfo>, AccountsError> {
        Ok(self
            .db
            .run(move |conn| db::api_tokens::list_for_user(conn, user_id))
            .await?)
    }

    pub async fn revoke_api_token(
        &self,
        user_id: UserId,
        id: ApiTokenId,
    ) -> Result<(), AccountsError> {
        let deleted = self
            .db
            .run(move |conn| db::api_tokens::delete(conn, user_id, id))
            .await?;
        if deleted {
            Ok(())
        } else {
            Err(AccountsError::TokenNotFound)
        }
    }

    /// One page of users (1-based) and the total count.
    pub async fn list_users(
        &self,
        page: u32,
        per_page: u32,
    ) -> Result<(Vec<User>, i64), AccountsError> {
        let per_page = i64::from(per_page.clamp(1, 200));
        let offset = i64::from(page.max(1) - 1) * per_page;
        Ok(self
            .db
            .run(move |conn| {
                let users = db::users::list(conn, offset, per_page)?;
                Ok((users, db::users::count(conn)?))
            })
            .await?)
    }

    pub async fn find_user_by_email(&self, email: Email) -> Result<User, AccountsError> {
        self.db
            .run(move |conn| db::users::find_by_email(conn, &email))
            .await?
            .map(|s| s.user)
            .ok_or(AccountsError::UserNotFound)
    }

    /// Changes a user's role. Takes effect at once: every request reloads the
    /// user behind its session. The last admin cannot be demoted.
    pub async fn set_role(&self, target: UserId, role: Role) -> Result<User, AccountsError> {
        let (outcome, user) = self
            .db
            .run(move |conn| {
                let outcome = db::users::set_role(conn, target, role, db::now())?;
                Ok((outcome, db::users::find_by_id(conn, target)?))
            })
            .await?;
        match (outcome, user) {
            (SetRoleOutcome::Updated, Some(stored)) => {
                tracing::info!(user_id = %target, role = %role, "role changed");
                Ok(stored.user)
            }
            (SetRoleOutcome::LastAdmin, _) => Err(AccountsError::LastAdmin),
            _ => Err(AccountsError::UserNotFound),
        }
    }

    /// Removes expired sessions and idle rate-limit buckets.
    pub async fn housekeeping(&self) -> Result<usize, AccountsError> {
        self.limiter.prune();
        self.signups.prune();
        Ok(self
            .db
            .run(|conn| db::sessions::delete_expired(conn, db::now()))
            .await?)
    }
}
