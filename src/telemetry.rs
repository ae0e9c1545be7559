//! Logging with `tracing`. The level comes from `REHEARSE_LOG` (or
//! `RUST_LOG`), e.g. `REHEARSE_LOG=debug`; the default is `info`.

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// Installs the global subscriber; a second call (tests) is a no-op. A
/// filter that does not parse is an error: a typo in `REHEARSE_LOG` would
/// otherwise leave someone debugging with the default level, unaware.
pub fn init(format: LogFormat) -> anyhow::Result<()> {
    let spec = ["REHEARSE_LOG", "RUST_LOG"]
        .into_iter()
        .find_map(|name| std::env::var(name).ok().map(|spec| (name, spec)));
    let filter = match spec {
        Some((name, spec)) => EnvFilter::try_new(&spec).map_err(|e| {
            anyhow::anyhow!(
                "{name}={spec:?} is not a log filter ({e}); try `info` or `rehearse=debug,info`"
            )
        })?,
        None => EnvFilter::new("info"),
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Pretty => builder.compact().try_init(),
    };
    Ok(())
}
