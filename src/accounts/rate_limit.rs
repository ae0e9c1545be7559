//! Login throttling: one token bucket per account and one per client IP.
//!
//! The buckets live in this process's memory (governor's keyed limiter).
//! Several `serve` processes sharing a database each keep their own, so the
//! effective limit is per process; that is still a hard cap on guessing.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

pub struct LoginLimiter {
    per_account: DefaultKeyedRateLimiter<String>,
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    clock: DefaultClock,
}

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

impl LoginLimiter {
    pub fn new(account: LimitSettings, ip: LimitSettings) -> Self {
        Self {
            per_account: RateLimiter::keyed(quota(account)),
            per_ip: RateLimiter::keyed(quota(ip)),
            clock: DefaultClock::default(),
        }
    }

    /// Takes one attempt from both buckets; `Err` carries how long to wait.
    /// The account key is the normalised email as typed, whether or not such
    /// an account exists, so probing unknown emails is throttled the same.
    pub fn check(&self, account: &str, ip: Option<IpAddr>) -> Result<(), Duration> {
        let now = self.clock.now();
        if let Some(ip) = ip {
            self.per_ip
                .check_key(&ip)
                .map_err(|not_until| not_until.wait_time_from(now))?;
        }
        self.per_account
            .check_key(&account.trim().to_lowercase())
            .map_err(|not_until| not_until.wait_time_from(now))
    }

    /// Forgets buckets that have refilled, so memory stays bounded.
    pub fn prune(&self) {
        self.per_account.retain_recent();
        self.per_ip.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(burst: u32) -> LimitSettings {
        LimitSettings {
            burst,
            refill: Duration::from_secs(60),
        }
    }

    #[test]
    fn limits_each_account_and_each_ip() {
        let limiter = LoginLimiter::new(limits(2), limits(3));
        let ip: IpAddr = "10.0.0.1".parse().unwrap();
        assert!(limiter.check("a@x.io", Some(ip)).is_ok());
        assert!(limiter.check("A@X.io ", Some(ip)).is_ok());
        let wait = limiter.check("a@x.io", Some(ip)).unwrap_err();
        assert!(wait > Duration::ZERO && wait <= Duration::from_secs(60));
        // The IP bucket (3) is now empty too, whatever the account.
        assert!(limiter.check("b@x.io", Some(ip)).is_err());
        // Another IP can still try another account.
        assert!(limiter
            .check("b@x.io", Some("10.0.0.2".parse().unwrap()))
            .is_ok());
    }
}
