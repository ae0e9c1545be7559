//! Throttling guesses and sign-ups.
//!
//! Login throttling counts **failures**, never successes, in three token
//! buckets:
//!
//! - per account *and* client IP: the tight one. Guessing one account's
//!   password from one place is slow, and nobody elsewhere can lock the
//!   owner out with a wrong attempt a minute;
//! - per account across every IP: generous, it only slows guessing spread
//!   over many machines;
//! - per client IP across accounts: generous too, and never counting
//!   successful logins, so a classroom behind one NAT is not locked out by
//!   its own users.
//!
//! Once a bucket is empty its key is refused, before any password work,
//! until the bucket has refilled by one. Sign-ups are throttled per IP on
//! every attempt (each costs a password hash).
//!
//! The buckets live in this process's memory. Several `serve` processes
//! sharing a database each keep their own, so the effective limit is per
//! process; that is still a hard cap on guessing.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LimitSettings {
    pub burst: u32,
    pub refill: Duration,
}

fn quota(limit: LimitSettings) -> Quota {
    let burst = NonZeroU32::new(limit.burst.max(1)).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(limit.refill.max(Duration::from_millis(1)))
        .unwrap_or_else(|| Quota::per_second(burst))
        .allow_burst(burst)
}

/// A token bucket per key that only failures drain: `burst` failures in a
/// row, then the key is refused until the bucket has refilled by one.
struct FailureLimiter<K: Hash + Eq + Clone> {
    limit: LimitSettings,
    /// Tokens left and when they were counted.
    buckets: Mutex<HashMap<K, (f64, Instant)>>,
}

impl<K: Hash + Eq + Clone> FailureLimiter<K> {
    fn new(limit: LimitSettings) -> Self {
        Self {
            limit,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    fn refill(&self) -> Duration {
        self.limit.refill.max(Duration::from_millis(1))
    }

    /// The tokens `key` has now, refilled since they were last counted.
    fn tokens(&self, entry: (f64, Instant), now: Instant) -> f64 {
        let gained = now.duration_since(entry.1).as_secs_f64() / self.refill().as_secs_f64();
        (entry.0 + gained).min(f64::from(self.limit.burst.max(1)))
    }

    /// How long `key` must still wait, if it is refused.
    fn blocked(&self, key: &K) -> Option<Duration> {
        let buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        let entry = *buckets.get(key)?;
        let tokens = self.tokens(entry, Instant::now());
        (tokens < 1.0).then(|| self.refill().mul_f64(1.0 - tokens))
    }

    fn failed(&self, key: &K) {
        let now = Instant::now();
        let full = f64::from(self.limit.burst.max(1));
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        let tokens = buckets
            .get(key)
            .map_or(full, |entry| self.tokens(*entry, now));
        buckets.insert(key.clone(), ((tokens - 1.0).max(0.0), now));
    }

    /// Forgets buckets that have refilled, so memory stays bounded.
    fn prune(&self) {
        let now = Instant::now();
        let full = f64::from(self.limit.burst.max(1));
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        buckets.retain(|_, entry| {
            let gained = now.duration_since(entry.1).as_secs_f64() / self.refill().as_secs_f64();
            entry.0 + gained < full
        });
    }
}

/// Settings for [`LoginLimiter`].
#[derive(Debug, Clone, Copy)]
pub struct LoginLimits {
    /// Failures per account from one IP.
    pub account_and_ip: LimitSettings,
    /// Failures per account from all IPs together.
    pub account: LimitSettings,
    /// Failures per IP, whatever the account.
    pub ip: LimitSettings,
}

pub struct LoginLimiter {
    account_and_ip: FailureLimiter<(String, Option<IpAddr>)>,
    account: FailureLimiter<String>,
    ip: FailureLimiter<IpAddr>,
}

fn account_key(account: &str) -> String {
    account.trim().to_lowercase()
}

impl LoginLimiter {
    pub fn new(limits: LoginLimits) -> Self {
        Self {
            account_and_ip: FailureLimiter::new(limits.account_and_ip),
            account: FailureLimiter::new(limits.account),
            ip: FailureLimiter::new(limits.ip),
        }
    }

    /// Whether an attempt may go ahead; `Err` carries how long to wait.
    /// The account key is the normalised email as typed, whether or not such
    /// an account exists, so probing unknown emails is throttled the same.
    pub fn check(&self, account: &str, ip: Option<IpAddr>) -> Result<(), Duration> {
        let account = account_key(account);
        let waits = [
            self.account_and_ip.blocked(&(account.clone(), ip)),
            self.account.blocked(&account),
            ip.and_then(|ip| self.ip.blocked(&ip)),
        ];
        match waits.into_iter().flatten().max() {
            Some(wait) => Err(wait),
            None => Ok(()),
        }
    }

    /// Records a failed attempt (a wrong password, an unknown email).
    pub fn failed(&self, account: &str, ip: Option<IpAddr>) {
        let account = account_key(account);
        self.account_and_ip.failed(&(account.clone(), ip));
        self.account.failed(&account);
        if let Some(ip) = ip {
            self.ip.failed(&ip);
        }
    }

    /// Forgets buckets that have refilled, so memory stays bounded.
    pub fn prune(&self) {
        self.account_and_ip.prune();
        self.account.prune();
        self.ip.prune();
    }
}

/// Sign-ups per client IP: every attempt counts, since each one costs a
/// password hash and creates an account that brings its own limits.
pub struct SignupLimiter {
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    clock: DefaultClock,
}

impl SignupLimiter {
    pub fn new(limit: LimitSettings) -> Self {
        Self {
            per_ip: RateLimiter::keyed(quota(limit)),
            clock: DefaultClock::default(),
        }
    }

    /// Takes one sign-up from `ip`'s bucket; `Err` carries how long to wait.
    /// Requests without a known IP (none over TCP) are not throttled.
    pub fn check(&self, ip: Option<IpAddr>) -> Result<(), Duration> {
        let Some(ip) = ip else { return Ok(()) };
        let now = self.clock.now();
        self.per_ip
            .check_key(&ip)
            .map_err(|not_until| not_until.wait_time_from(now))
    }

    pub fn prune(&self) {
        self.per_ip.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(burst: u32) -> LimitSettings {
        LimitSettings {
            burst,
            refill: Duration::from_secs(60),
        }
    }

    fn limiter() -> LoginLimiter {
        LoginLimiter::new(LoginLimits {
            account_and_ip: limit(2),
            account: limit(5),
            ip: limit(3),
        })
    }

    #[test]
    fn failures_from_one_place_block_that_place_only() {
        let limiter = limiter();
        let attacker: IpAddr = "10.0.0.1".parse().unwrap();
        let owner: IpAddr = "10.0.0.2".parse().unwrap();
        for _ in 0..2 {
            assert!(limiter.check("a@x.io", Some(attacker)).is_ok());
            limiter.failed("A@X.io ", Some(attacker));
        }
        let wait = limiter.check("a@x.io", Some(attacker)).unwrap_err();
        assert!(wait > Duration::ZERO && wait <= Duration::from_secs(60));
        // The owner, elsewhere, is not locked out of their own account.
        assert!(limiter.check("a@x.io", Some(owner)).is_ok());
    }

    #[test]
    fn the_ip_bucket_counts_failures_across_accounts_but_never_successes() {
        let limiter = limiter();
        let nat: IpAddr = "10.0.0.9".parse().unwrap();
        // Many successful logins from one NAT cost nothing.
        for n in 0..50 {
            assert!(limiter.check(&format!("user{n}@x.io"), Some(nat)).is_ok());
        }
        for n in 0..3 {
            limiter.failed(&format!("guess{n}@x.io"), Some(nat));
        }
        assert!(limiter.check("anyone@x.io", Some(nat)).is_err());
        assert!(limiter
            .check("anyone@x.io", Some("10.0.0.10".parse().unwrap()))
            .is_ok());
    }

    #[test]
    fn guessing_one_account_from_many_places_is_slowed_too() {
        let limiter = limiter();
        for n in 0..5 {
            limiter.failed("a@x.io", Some(IpAddr::from([10, 0, 1, n])));
        }
        assert!(limiter
            .check("a@x.io", Some("10.0.2.1".parse().unwrap()))
            .is_err());
    }

    #[test]
    fn sign_ups_are_limited_per_ip() {
        let limiter = SignupLimiter::new(limit(2));
        let ip: IpAddr = "10.0.0.1".parse().unwrap();
        assert!(limiter.check(Some(ip)).is_ok());
        assert!(limiter.check(Some(ip)).is_ok());
        assert!(limiter.check(Some(ip)).is_err());
        assert!(limiter.check(Some("10.0.0.2".parse().unwrap())).is_ok());
    }
}
