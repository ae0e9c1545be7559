//! The `rehearse` command line: serving, migrating, managing users, and the
//! instructors' tools for challenge packages (`challenges`).

mod challenges;
mod client;

use std::io::{BufRead, IsTerminal};
use std::net::IpAddr;
use std::path::PathBuf;

use anyhow::{bail, Context as _};
use clap::{Args, Parser, Subcommand};

use crate::accounts::{Accounts, AccountsError, AccountsSettings, NewAccount};
use crate::config::Settings;
use crate::domain::{DisplayName, Email, Password, Role};
use crate::startup::{self, Application};
use crate::telemetry;

#[derive(Parser, Debug)]
#[command(
    name = "rehearse",
    version,
    about = "Rehearse: practise backend technical interviews — code, SQL and system design",
    long_about = "Rehearse is a self-hosted platform for practising backend technical interviews.\n\n\
        Configuration comes from built-in defaults, then a TOML file (--config, or ./rehearse.toml \
        when present), then REHEARSE_* environment variables (and DATABASE_URL), then flags."
)]
pub struct Cli {
    /// Configuration file (TOML). Defaults to ./rehearse.toml when it exists.
    #[arg(long, global = true, env = "REHEARSE_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Folder for the embedded SQLite database and other local state.
    #[arg(long, global = true, env = "REHEARSE_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the web app and JSON API.
    Serve(ServeArgs),
    /// Grade submissions only (no web server), sharing the database with
    /// `serve` processes; for scaling out next to PostgreSQL.
    Worker {
        /// Worker threads (default: one per core).
        #[arg(long, env = "REHEARSE_WORKERS")]
        workers: Option<usize>,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage user accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Show which languages can run on this machine, their versions, and
    /// why any cannot.
    Doctor,
    /// List the challenges on the server you logged in to; with a
    /// subcommand, work with challenge packages (folders of plain files).
    #[command(args_conflicts_with_subcommands = true)]
    Challenges {
        #[command(subcommand)]
        command: Option<ChallengesCommand>,
        /// code, sql or design.
        #[arg(long)]
        kind: Option<String>,
        /// easy, medium or hard.
        #[arg(long)]
        difficulty: Option<String>,
        /// A skill, e.g. graphs.
        #[arg(long)]
        skill: Option<String>,
    },
    /// Log in to a Rehearse server and keep an API token for the commands
    /// below.
    Login {
        /// The server's address, e.g. https://rehearse.example.com.
        server: String,
        /// Your email (asked for when left out).
        #[arg(long)]
        email: Option<String>,
    },
    /// Download a challenge's statement and starter file.
    Pull {
        slug: String,
        /// The language of the starter file (default: the first offered).
        #[arg(long)]
        lang: Option<String>,
        /// Where to put the `<slug>/` folder.
        #[arg(long, default_value = ".")]
        dir: PathBuf,
    },
    /// Submit a file, watch the tests run, and exit non-zero unless it is
    /// accepted.
    Submit {
        slug: String,
        file: PathBuf,
        #[arg(long)]
        lang: Option<String>,
        /// Run the sample tests only (nothing is scored).
        #[arg(long)]
        run: bool,
    },
    /// Grade a local file against a challenge package, as the web app would.
    Grade {
        /// The challenge's slug (its folder name).
        slug: String,
        /// The answer: source code, a SQL file, or a design in markdown.
        file: PathBuf,
        /// The language, when the file's extension does not say.
        #[arg(long)]
        lang: Option<String>,
        /// The folder of challenge packages.
        #[arg(long, default_value = "challenges", value_name = "DIR")]
        library: PathBuf,
        /// Run only the sample tests.
        #[arg(long)]
        samples: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ChallengesCommand {
    /// Validate packages and run their reference solutions (all must pass),
    /// known-wrong solutions (each must fail) and kept design answers.
    Check {
        /// Package folders, or folders of packages.
        #[arg(default_value = "challenges")]
        dirs: Vec<PathBuf>,
        /// Packages checked at once (default: one per core).
        #[arg(long, short)]
        jobs: Option<usize>,
    },
    /// Check and store packages in the database: a changed package becomes
    /// a new version; an unchanged one is left alone.
    Import {
        #[arg(default_value = "challenges")]
        dirs: Vec<PathBuf>,
    },
    /// List packages with counts per kind, difficulty and skill.
    List {
        #[arg(default_value = "challenges")]
        dirs: Vec<PathBuf>,
    },
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "REHEARSE_BIND", value_name = "ADDR")]
    pub bind: Option<IpAddr>,
    /// Port to listen on (0 picks a free one).
    #[arg(long, env = "REHEARSE_PORT", value_name = "PORT")]
    pub port: Option<u16>,
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create an account. The password is prompted for on a terminal, or
    /// read from the first line of standard input in scripts.
    Add {
        /// Email address (also the login).
        #[arg(long)]
        email: String,
        /// candidate, instructor or admin.
        #[arg(long, default_value = "candidate")]
        role: String,
        /// Name shown next to the user's work; defaults to the part of the
        /// email before the @.
        #[arg(long)]
        display_name: Option<String>,
    },
    /// Change the role of an existing account.
    SetRole {
        #[arg(long)]
        email: String,
        /// candidate, instructor or admin.
        #[arg(long)]
        role: String,
    },
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = Settings::load(cli.config.as_deref())?;
    let settings = match &cli.command {
        Command::Serve(args) => settings.merge_overrides(args.bind, args.port, cli.data_dir),
        _ => settings.merge_overrides(None, None, cli.data_dir),
    };
    telemetry::init(settings.log_format)?;
    match cli.command {
        Command::Serve(_) => {
            let app = Application::build(settings).await?;
            app.run_until_stopped().await?;
            tracing::info!("server stopped");
            Ok(())
        }
        Command::Worker { workers } => {
            let db = startup::open_database(&settings).await?;
            let catalog = crate::catalog::Catalog::new(db, startup::grader(&settings)?);
            let size = workers
                .unwrap_or_else(|| startup::worker_count(&settings))
                .max(1);
            let wake = std::sync::Arc::new(crate::worker::Wake::default());
            let pool = crate::worker::WorkerPool::start(
                catalog,
                size,
                &startup::worker_name("worker"),
                wake,
            )?;
            println!("grading with {size} workers; stop with Ctrl-C or SIGTERM");
            startup::stop_signal().await;
            tokio::task::spawn_blocking(move || pool.shutdown()).await?;
            println!("workers stopped; jobs in hand went back to the queue");
            Ok(())
        }
        Command::Migrate => {
            let db = startup::open_database(&settings).await?;
            println!("database ready ({})", db.backend().as_str());
            Ok(())
        }
        Command::User(command) => user_command(settings, command).await,
        Command::Doctor => doctor(&settings),
        Command::Challenges {
            command: Some(command),
            ..
        } => {
            let settings = settings.clone();
            tokio::task::spawn_blocking(move || challenges_command(&settings, command)).await?
        }
        Command::Challenges {
            command: None,
            kind,
            difficulty,
            skill,
        } => tokio::task::spawn_blocking(move || client::list(kind, difficulty, skill)).await?,
        Command::Login { server, email } => {
            tokio::task::spawn_blocking(move || client::login(&server, email)).await?
        }
        Command::Pull { slug, lang, dir } => {
            tokio::task::spawn_blocking(move || client::pull(&slug, lang.as_deref(), &dir)).await?
        }
        Command::Submit {
            slug,
            file,
            lang,
            run,
        } => {
            let accepted = tokio::task::spawn_blocking(move || {
                client::submit(&slug, &file, lang.as_deref(), run)
            })
            .await??;
            if !accepted {
                std::process::exit(1);
            }
            Ok(())
        }
        Command::Grade {
            slug,
            file,
            lang,
            library,
            samples,
        } => {
            let grader = startup::grader(&settings)?;
            tokio::task::spawn_blocking(move || {
                challenges::grade(&grader, &library, &slug, &file, lang.as_deref(), samples)
            })
            .await?
        }
    }
}

fn challenges_command(settings: &Settings, command: ChallengesCommand) -> anyhow::Result<()> {
    match command {
        ChallengesCommand::Check { dirs, jobs } => {
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            challenges::check(&startup::grader(settings)?, &dirs, jobs.unwrap_or(cores))
        }
        ChallengesCommand::List { dirs } => challenges::list(&dirs),
        ChallengesCommand::Import { dirs } => {
            let db =
                tokio::runtime::Handle::current().block_on(startup::open_database(settings))?;
            let catalog = crate::catalog::Catalog::new(db, startup::grader(settings)?);
            challenges::import(&catalog, &dirs)
        }
    }
}

fn accounts_for_cli(db: crate::db::Db) -> Accounts {
    let unlimited = crate::accounts::rate_limit::LimitSettings {
        burst: u32::MAX,
        refill: std::time::Duration::from_millis(1),
    };
    Accounts::new(
        db,
        AccountsSettings {
            session_ttl: std::time::Duration::from_secs(3600),
            login: crate::accounts::rate_limit::LoginLimits {
                account_and_ip: unlimited,
                account: unlimited,
                ip: unlimited,
            },
            signup_per_ip: unlimited,
        },
    )
}

async fn user_command(settings: Settings, command: UserCommand) -> anyhow::Result<()> {
    let db = startup::open_database(&settings).await?;
    let accounts = accounts_for_cli(db);
    match command {
        UserCommand::Add {
            email,
            role,
            display_name,
        } => {
            let email = Email::parse(&email)?;
            let role = Role::parse(&role)?;
            let display_name = match display_name {
                Some(name) => DisplayName::parse(&name)?,
                None => DisplayName::parse(email.as_str().split('@').next().unwrap_or("user"))?,
            };
            let password = read_password()?;
            let user = match accounts
                .create_account(NewAccount {
                    email,
                    display_name,
                    password,
                    role,
                })
                .await
            {
                Err(AccountsError::EmailTaken) => {
                    bail!("an account with this email already exists (use `rehearse user set-role` to change its role)")
                }
                other => other?,
            };
            println!("created {} ({}) as {}", user.email, user.id, user.role);
            Ok(())
        }
        UserCommand::SetRole { email, role } => {
            let user = accounts.find_user_by_email(Email::parse(&email)?).await?;
            let user = accounts.set_role(user.id, Role::parse(&role)?).await?;
            println!("{} is now {}", user.email, user.role);
            Ok(())
        }
    }
}

/// Prompts twice on a terminal; otherwise reads one line from stdin.
fn read_password() -> anyhow::Result<Password> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let first = rpassword::prompt_password("Password (10–256 characters): ")?;
        let password = Password::parse(&first, "password")?;
        let second = rpassword::prompt_password("Repeat the password: ")?;
        if first != second {
            bail!("the two passwords do not match");
        }
        Ok(password)
    } else {
        let mut line = String::new();
        stdin
            .lock()
            .read_line(&mut line)
            .context("cannot read the password from standard input")?;
        let line = line.strip_suffix('\n').unwrap_or(&line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        Ok(Password::parse(line, "password")?)
    }
}

fn doctor(settings: &Settings) -> anyhow::Result<()> {
    use rehearse_sandbox::Availability;
    let sandbox = startup::sandbox(settings)?;
    println!("{:<12} {:<10} details", "language", "status");
    for status in sandbox.status() {
        let (state, details) = match status.availability {
            Availability::Ready { version } => ("ready", version),
            Availability::Unavailable { reason } => ("missing", reason),
        };
        println!(
            "{:<12} {:<10} {details}",
            status.language.to_string(),
            state
        );
    }
    Ok(())
}
