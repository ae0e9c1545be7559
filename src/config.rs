//! Configuration: built-in defaults, then a TOML file, then `REHEARSE_*`
//! environment variables, then command-line flags — each layer overriding the
//! one before. With no configuration at all the server runs on SQLite under
//! `data/` at http://127.0.0.1:8080.

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};

/// Everything the server needs to start.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Address the HTTP server binds to.
    pub bind: IpAddr,
    /// Port the HTTP server listens on (0 picks a free one).
    pub port: u16,
    /// Where the embedded SQLite database and other local state live.
    pub data_dir: PathBuf,
    /// `postgres://…` to use PostgreSQL, `sqlite://path` or a path for SQLite;
    /// unset means `<data_dir>/rehearse.db`.
    pub database_url: Option<String>,
    /// Connections kept in the pool.
    pub db_pool_size: u32,
    /// Key for signing CSRF tokens. Generated and stored in the database on
    /// first start when unset, so every process sharing a database agrees.
    #[serde(skip_serializing)]
    pub secret_key: Option<SecretString>,
    /// Bearer token that `/metrics` requires. Unset means the endpoint is
    /// off (404): request counts by route are not for everyone to read.
    #[serde(skip_serializing)]
    pub metrics_token: Option<SecretString>,
    /// Set when the server is reached over HTTPS: cookies get the `Secure` flag.
    pub tls: bool,
    /// How long a login lasts, in hours.
    pub session_ttl_hours: u32,
    /// Largest request body accepted, in bytes (larger ones get 413).
    pub max_body_bytes: usize,
    /// Failed logins (and wrong current passwords) allowed per account from
    /// one client IP in a burst, refilled one every
    /// `login_account_refill_seconds`.
    pub login_account_burst: u32,
    pub login_account_refill_seconds: u64,
    /// Failed logins allowed per account from all IPs together, refilled one
    /// every `login_account_total_refill_seconds`: slows guessing spread over
    /// many machines.
    pub login_account_total_burst: u32,
    pub login_account_total_refill_seconds: u64,
    /// Failed logins allowed per client IP across accounts in a burst,
    /// refilled one every `login_ip_refill_seconds` (successful logins never
    /// count, so people behind one NAT do not lock each other out).
    pub login_ip_burst: u32,
    pub login_ip_refill_seconds: u64,
    /// Sign-ups allowed per client IP in a burst, refilled one every
    /// `signup_ip_refill_seconds`.
    pub signup_ip_burst: u32,
    pub signup_ip_refill_seconds: u64,
    /// Take the client IP from `X-Forwarded-For`/`Forwarded` (only behind a
    /// proxy you run; otherwise clients could pick their own rate-limit key).
    pub trust_proxy_headers: bool,
    /// `pretty` for people, `json` for log collectors.
    pub log_format: LogFormat,
    /// HTTP worker threads; unset means one per core.
    pub http_workers: Option<usize>,
    /// The folder of challenge packages imported at start-up.
    pub library_dir: PathBuf,
    /// Import `library_dir` at start-up (in the background; a package that
    /// changed becomes a new version, one that fails its checks is skipped).
    pub import_library: bool,
    /// The folder of interview formats (`*.toml`, see `interviews::format`),
    /// read at start-up.
    pub interviews_dir: PathBuf,
    /// Let candidates open live interview rooms too (peer practice), not
    /// only instructors and admins.
    pub rooms_open_to_candidates: bool,
    /// Grading workers in this process; unset means one per core, 0 none
    /// (then separate `rehearse worker` processes grade).
    pub workers: Option<usize>,
    /// Answers (submissions and runs) a user may send per minute.
    pub submissions_per_minute: u32,
    /// Answers a user may have waiting or being graded at once.
    pub pending_submissions: u32,
    /// Grading attempts before a submission ends as an internal error.
    pub grading_attempts: u32,
    /// The most the compiled-module cache (under `data_dir/cache`) may hold,
    /// in MiB; the least recently used modules go first.
    pub sandbox_cache_mb: u64,
    /// `/readyz` reports not ready when the data directory's disk has less
    /// free space than this, in MiB (the database needs room to write).
    pub min_free_disk_mb: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            bind: IpAddr::from([127, 0, 0, 1]),
            port: 8080,
            data_dir: PathBuf::from("data"),
            database_url: None,
            db_pool_size: 8,
            secret_key: None,
            metrics_token: None,
            tls: false,
            session_ttl_hours: 24 * 14,
            max_body_bytes: 256 * 1024,
            login_account_burst: 10,
            login_account_refill_seconds: 60,
            login_account_total_burst: 100,
            login_account_total_refill_seconds: 5,
            login_ip_burst: 30,
            login_ip_refill_seconds: 10,
            signup_ip_burst: 10,
            signup_ip_refill_seconds: 360,
            trust_proxy_headers: false,
            log_format: LogFormat::Pretty,
            http_workers: None,
            library_dir: PathBuf::from("challenges"),
            import_library: true,
            interviews_dir: PathBuf::from("interviews"),
            rooms_open_to_candidates: false,
            workers: None,
            submissions_per_minute: 20,
            pending_submissions: 5,
            grading_attempts: 3,
            sandbox_cache_mb: 2048,
            min_free_disk_mb: 256,
        }
    }
}

/// The configuration file, when one was named or `rehearse.toml` exists.
fn config_file(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    let default = PathBuf::from("rehearse.toml");
    default.exists().then_some(default)
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration file {0} does not exist")]
    MissingFile(PathBuf),
    #[error("invalid configuration: {0}")]
    Invalid(#[from] Box<figment::Error>),
}

impl Settings {
    /// Loads defaults → file → environment. Flags are applied by the caller
    /// with [`Settings::merge_overrides`].
    pub fn load(explicit_file: Option<&Path>) -> Result<Self, ConfigError> {
        let keys = Self::keys();
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        if let Some(file) = config_file(explicit_file) {
            if !file.exists() {
                return Err(ConfigError::MissingFile(file));
            }
            figment = figment.merge(Toml::file(file));
        }
        // DATABASE_URL is the convention every database tool reads; honour it,
        // with REHEARSE_DATABASE_URL taking precedence.
        figment = figment.merge(Env::raw().only(&["DATABASE_URL"])).merge(
            Env::prefixed("REHEARSE_").only(&keys.iter().map(String::as_str).collect::<Vec<_>>()),
        );
        figment
            .extract()
            .map_err(|e| ConfigError::Invalid(Box::new(e)))
    }

    /// The settings' names. Only these are read from `REHEARSE_*` variables:
    /// others (`REHEARSE_CONFIG`, `REHEARSE_LOG`, a test harness's own) belong
    /// to someone else, while a typo in the file is still an error.
    fn keys() -> Vec<String> {
        let mut keys: Vec<String> = match serde_json::to_value(Settings::default()) {
            Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
            _ => Vec::new(),
        };
        keys.push("secret_key".to_owned());
        keys.push("metrics_token".to_owned());
        keys
    }

    /// Applies values given on the command line.
    pub fn merge_overrides(
        mut self,
        bind: Option<IpAddr>,
        port: Option<u16>,
        data_dir: Option<PathBuf>,
    ) -> Self {
        if let Some(bind) = bind {
            self.bind = bind;
        }
        if let Some(port) = port {
            self.port = port;
        }
        if let Some(dir) = data_dir {
            self.data_dir = dir;
        }
        self
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment::Jail's closures return figment::Error
mod tests {
    use super::*;

    #[test]
    fn defaults_need_no_configuration() {
        figment::Jail::expect_with(|jail| {
            jail.clear_env();
            let s = Settings::load(None).map_err(|e| e.to_string())?;
            assert_eq!(s.port, 8080);
            assert_eq!(s.bind.to_string(), "127.0.0.1");
            assert_eq!(s.data_dir, PathBuf::from("data"));
            assert!(s.database_url.is_none());
            Ok(())
        });
    }

    #[test]
    fn file_then_environment_override_defaults() {
        figment::Jail::expect_with(|jail| {
            jail.clear_env();
            jail.create_file(
                "rehearse.toml",
                "port = 9000\ndata_dir = \"/srv/rehearse\"\n",
            )?;
            jail.set_env("REHEARSE_PORT", "9100");
            jail.set_env("DATABASE_URL", "postgres://db/rehearse");
            let s = Settings::load(None).map_err(|e| e.to_string())?;
            assert_eq!(s.port, 9100);
            assert_eq!(s.data_dir, PathBuf::from("/srv/rehearse"));
            assert_eq!(s.database_url.as_deref(), Some("postgres://db/rehearse"));
            Ok(())
        });
    }

    #[test]
    fn unknown_keys_and_bad_values_are_reported() {
        figment::Jail::expect_with(|jail| {
            jail.clear_env();
            jail.create_file("rehearse.toml", "prot = 9000\n")?;
            let err = Settings::load(None).unwrap_err().to_string();
            assert!(err.contains("prot"), "{err}");
            jail.create_file("rehearse.toml", "port = \"high\"\n")?;
            let err = Settings::load(None).unwrap_err().to_string();
            assert!(err.contains("port"), "{err}");
            Ok(())
        });
    }
}
