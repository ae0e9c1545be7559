//! The client side of `rehearse`: talking to a server's API the way the
//! Exercism or LeetCode command-line clients do — `login` stores an API
//! token, `challenges` lists, `pull` writes a statement and starter file,
//! `submit` streams the grading live and exits non-zero unless accepted.

use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context as _};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Where the server and token are kept: `$XDG_CONFIG_HOME/rehearse/
/// credentials.toml` (mode 0600). `REHEARSE_SERVER` and `REHEARSE_TOKEN`
/// override it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Credentials {
    pub server: String,
    pub token: String,
}

fn credentials_path() -> PathBuf {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("rehearse").join("credentials.toml")
}

fn load_credentials() -> anyhow::Result<Credentials> {
    if let (Ok(server), Ok(token)) = (
        std::env::var("REHEARSE_SERVER"),
        std::env::var("REHEARSE_TOKEN"),
    ) {
        return Ok(Credentials { server, token });
    }
    let path = credentials_path();
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "not logged in (no {}); run `rehearse login <server>` first",
            path.display()
        )
    })?;
    toml::from_str(&text).with_context(|| format!("{} is not valid", path.display()))
}

fn save_credentials(credentials: &Credentials) -> anyhow::Result<PathBuf> {
    let path = credentials_path();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let text = toml::to_string(credentials)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        file.write_all(text.as_bytes())?;
    }
    #[cfg(not(unix))]
    std::fs::write(&path, text)?;
    Ok(path)
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(30)))
        .http_status_as_error(false)
        .build()
        .into()
}

/// The error message of an API error body, or the status.
fn api_error(status: u16, body: &str) -> anyhow::Error {
    let message = serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| v["error"]["message"].as_str().map(str::to_owned))
        .unwrap_or_else(|| body.chars().take(200).collect());
    anyhow::anyhow!("the server answered {status}: {message}")
}

struct Api {
    credentials: Credentials,
    agent: ureq::Agent,
}

impl Api {
    fn new() -> anyhow::Result<Self> {
        Ok(Self {
            credentials: load_credentials()?,
            agent: agent(),
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.credentials.server.trim_end_matches('/'))
    }

    fn get(&self, path: &str) -> anyhow::Result<Value> {
        let mut response = self
            .agent
            .get(&self.url(path))
            .header(
                "Authorization",
                &format!("Bearer {}", self.credentials.token),
            )
            .call()
            .with_context(|| format!("cannot reach {}", self.credentials.server))?;
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_string()?;
        if status >= 400 {
            return Err(api_error(status, &body));
        }
        Ok(serde_json::from_str(&body)?)
    }

    fn post(&self, path: &str, body: &Value, key: &str) -> anyhow::Result<Value> {
        let mut response = self
            .agent
            .post(&self.url(path))
            .header(
                "Authorization",
                &format!("Bearer {}", self.credentials.token),
            )
            .header("Idempotency-Key", key)
            .send_json(body)
            .with_context(|| format!("cannot reach {}", self.credentials.server))?;
        let status = response.status().as_u16();
        let text = response.body_mut().read_to_string()?;
        if status >= 400 {
            return Err(api_error(status, &text));
        }
        Ok(serde_json::from_str(&text)?)
    }
}

fn prompt(label: &str) -> anyhow::Result<String> {
    eprint!("{label}");
    std::io::stderr().flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim().to_owned())
}

/// `rehearse login <server> [--email …]`: asks for the password (on a
/// terminal, or the next line of stdin in scripts) and stores a new API
/// token.
pub fn login(server: &str, email: Option<String>) -> anyhow::Result<()> {
    let server = server.trim_end_matches('/').to_owned();
    if !(server.starts_with("http://") || server.starts_with("https://")) {
        bail!("the server is a URL like https://rehearse.example.com");
    }
    let email = match email {
        Some(e) => e,
        None => prompt("Email: ")?,
    };
    let password = if std::io::stdin().is_terminal() {
        rpassword::prompt_password("Password: ")?
    } else {
        prompt("")?
    };
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
    let name = format!("command line ({})", host.trim())
        .chars()
        .take(60)
        .collect::<String>();
    let mut response = agent()
        .post(&format!("{server}/api/v1/auth/token"))
        .send_json(json!({ "email": email, "password": password, "name": name }))
        .with_context(|| format!("cannot reach {server}"))?;
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string()?;
    if status != 201 {
        return Err(api_error(status, &body));
    }
    let value: Value = serde_json::from_str(&body)?;
    let token = value["token"]["token"]
        .as_str()
        .context("the server sent no token")?
        .to_owned();
    let path = save_credentials(&Credentials {
        server: server.clone(),
        token,
    })?;
    println!(
        "logged in to {server} as {}; the token is in {}",
        value["user"]["display_name"].as_str().unwrap_or(&email),
        path.display()
    );
    Ok(())
}

/// `rehearse challenges [--kind …] [--difficulty …] [--skill …]`
pub fn list(
    kind: Option<String>,
    difficulty: Option<String>,
    skill: Option<String>,
) -> anyhow::Result<()> {
    let api = Api::new()?;
    let mut query = vec!["per_page=100".to_owned()];
    for (key, value) in [("kind", kind), ("difficulty", difficulty), ("skill", skill)] {
        if let Some(v) = value {
            query.push(format!("{key}={v}"));
        }
    }
    let page = api.get(&format!("/api/v1/challenges?{}", query.join("&")))?;
    println!(
        "{:<34} {:<7} {:<7} {:>6}  {:<9} title",
        "slug", "kind", "level", "accept", "status"
    );
    for e in page["entries"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
    {
        let acceptance = e["acceptance"]
            .as_f64()
            .map(|a| format!("{:.0}%", a * 100.0))
            .unwrap_or_else(|| "—".into());
        println!(
            "{:<34} {:<7} {:<7} {:>6}  {:<9} {}",
            e["slug"].as_str().unwrap_or(""),
            e["kind"].as_str().unwrap_or(""),
            e["difficulty"].as_str().unwrap_or(""),
            acceptance,
            e["standing"].as_str().unwrap_or(""),
            e["title"].as_str().unwrap_or("")
        );
    }
    println!("{} challenges", page["total"]);
    Ok(())
}

fn extension(language: &str) -> &'static str {
    match language {
        "python" => "py",
        "javascript" => "js",
        "rust" => "rs",
        "cpp" => "cpp",
        "c" => "c",
        _ => "txt",
    }
}

/// `rehearse pull <slug> [--lang …] [--dir …]`: writes `statement.md` and a
/// starter file into `<dir>/<slug>/`.
pub fn pull(slug: &str, language: Option<&str>, dir: &Path) -> anyhow::Result<()> {
    let api = Api::new()?;
    let challenge = api.get(&format!("/api/v1/challenges/{slug}"))?["challenge"].clone();
    let folder = dir.join(slug);
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("cannot create {}", folder.display()))?;
    let mut statement = format!(
        "# {}\n\n{}\n",
        challenge["title"].as_str().unwrap_or(slug),
        challenge["statement"].as_str().unwrap_or("")
    );
    let details = &challenge["details"];
    let (file, text) = match challenge["kind"].as_str() {
        Some("code") => {
            let languages = details["languages"].as_array().cloned().unwrap_or_default();
            let chosen = match language {
                Some(l) => languages
                    .iter()
                    .find(|x| x["language"] == l)
                    .cloned()
                    .with_context(|| format!("{slug} is not offered in {l}"))?,
                None => languages
                    .first()
                    .cloned()
                    .context("the challenge offers no language")?,
            };
            for sample in details["samples"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                statement.push_str(&format!(
                    "\n## Sample: {}\n\n```\n{}\n```\n\nExpected:\n\n```\n{}\n```\n",
                    sample["name"].as_str().unwrap_or(""),
                    sample["input"].as_str().unwrap_or(""),
                    sample["expected"]
                        .as_str()
                        .unwrap_or("(checked by a checker)")
                ));
            }
            let lang = chosen["language"].as_str().unwrap_or("python");
            (
                format!("solution.{}", extension(lang)),
                chosen["starter"].as_str().unwrap_or("").to_owned(),
            )
        }
        Some("sql") => {
            statement.push_str(&format!(
                "\n## Schema\n\n```sql\n{}\n```\n",
                details["schema"].as_str().unwrap_or("")
            ));
            ("query.sql".to_owned(), "-- Your query\n".to_owned())
        }
        _ => {
            let sections: Vec<String> = details["sections"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .map(|s| format!("## {}\n\n", s["title"].as_str().unwrap_or("")))
                .collect();
            ("answer.md".to_owned(), sections.join(""))
        }
    };
    std::fs::write(folder.join("statement.md"), statement)?;
    let target = folder.join(&file);
    if target.exists() {
        println!("kept your existing {}", target.display());
    } else {
        std::fs::write(&target, text)?;
    }
    println!(
        "wrote {} and {}",
        folder.join("statement.md").display(),
        target.display()
    );
    println!("submit with: rehearse submit {slug} {}", target.display());
    Ok(())
}

/// `rehearse submit <slug> <file> [--lang …] [--run]`: sends the answer,
/// follows the grading live, prints the result; exits non-zero unless
/// accepted.
pub fn submit(slug: &str, file: &Path, language: Option<&str>, run: bool) -> anyhow::Result<bool> {
    let api = Api::new()?;
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let challenge = api.get(&format!("/api/v1/challenges/{slug}"))?["challenge"].clone();
    let body = match challenge["kind"].as_str() {
        Some("code") => {
            let language = match language {
                Some(l) => l.to_owned(),
                None => match file.extension().and_then(|e| e.to_str()) {
                    Some("py") => "python".into(),
                    Some("js") => "javascript".into(),
                    Some("rs") => "rust".into(),
                    Some("cpp" | "cc" | "cxx") => "cpp".into(),
                    Some("c") => "c".into(),
                    _ => bail!(
                        "cannot tell the language of {}; pass --lang",
                        file.display()
                    ),
                },
            };
            json!({ "language": language, "source": text })
        }
        Some("sql") => json!({ "source": text }),
        _ => {
            let answer = crate::challenges::model::DesignAnswer::from_markdown(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let sections: serde_json::Map<String, Value> = answer
                .sections
                .iter()
                .map(|(s, t)| (s.key().to_owned(), Value::String(t.clone())))
                .collect();
            json!({ "sections": sections })
        }
    };
    let key: String = format!("cli-{:016x}", rand::random::<u64>());
    let path = if run { "runs" } else { "submissions" };
    let accepted = api.post(&format!("/api/v1/challenges/{slug}/{path}"), &body, &key)?;
    let id = accepted["id"]
        .as_str()
        .context("the server sent no submission id")?
        .to_owned();
    let view = follow(&api, &id)?;
    print_view(&view, &api.credentials.server);
    Ok(view["verdict"] == "accepted")
}

/// Reads the server-sent events of a submission, with a progress bar, until
/// the final result.
fn follow(api: &Api, id: &str) -> anyhow::Result<Value> {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} tests  {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message("queued");
    let response = agent()
        .get(&api.url(&format!("/api/v1/submissions/{id}/events")))
        .header(
            "Authorization",
            &format!("Bearer {}", api.credentials.token),
        )
        .config()
        .timeout_global(Some(Duration::from_secs(900)))
        .build()
        .call()?;
    let status = response.status().as_u16();
    if status != 200 {
        let mut response = response;
        let body = response.body_mut().read_to_string().unwrap_or_default();
        return Err(api_error(status, &body));
    }
    let reader = BufReader::new(response.into_body().into_reader());
    let mut event = String::new();
    for line in reader.lines() {
        let line = line?;
        if let Some(name) = line.strip_prefix("event: ") {
            event = name.to_owned();
        } else if let Some(data) = line.strip_prefix("data: ") {
            let value: Value = serde_json::from_str(data)?;
            match event.as_str() {
                "progress" => {
                    if let Some(total) = value["total"].as_u64() {
                        bar.set_length(total);
                    }
                    bar.set_position(value["done"].as_u64().unwrap_or(0));
                    bar.set_message(format!(
                        "{}: {}",
                        value["name"].as_str().unwrap_or(""),
                        value["verdict"].as_str().unwrap_or("")
                    ));
                }
                "done" => {
                    bar.finish_and_clear();
                    return Ok(value["submission"].clone());
                }
                "error" | "timeout" => {
                    bar.finish_and_clear();
                    // Fall back to asking once more.
                    return Ok(api.get(&format!("/api/v1/submissions/{id}"))?["submission"].clone());
                }
                _ => {}
            }
        }
    }
    bar.finish_and_clear();
    Ok(api.get(&format!("/api/v1/submissions/{id}"))?["submission"].clone())
}

fn verdict_name(v: &Value) -> String {
    v.as_str()
        .unwrap_or("pending")
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn print_view(view: &Value, server: &str) {
    let mut headline = format!(
        "{} · {}",
        view["challenge_title"].as_str().unwrap_or(""),
        verdict_name(&view["verdict"])
    );
    if let Some(points) = view["points"].as_f64() {
        headline.push_str(&format!(" · {points} of {} points", view["max_points"]));
    }
    if let Some(fuel) = view["fuel"].as_u64() {
        headline.push_str(&format!(" · cost {fuel} instructions"));
    }
    println!("{headline}");
    if let Some(cheaper) = view["cheaper_than"].as_f64() {
        println!(
            "cheaper than {:.0} % of other accepted solutions",
            cheaper * 100.0
        );
    }
    if let Some(error) = view["error"].as_str() {
        println!("{error}");
    }
    let report = &view["report"];
    if let Some(output) = report["compile_output"].as_str() {
        println!("\n{output}");
    }
    for (i, t) in report["tests"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let hidden = if t["sample"] == true { "" } else { " (hidden)" };
        println!(
            "{:>3}  {:<32} {:<22} {}",
            i + 1,
            format!("{}{hidden}", t["name"].as_str().unwrap_or("")),
            verdict_name(&t["verdict"]),
            t["message"]
                .as_str()
                .unwrap_or("")
                .lines()
                .next()
                .unwrap_or("")
        );
    }
    if let Some(criteria) = report["design"]["criteria"].as_array() {
        for c in criteria {
            println!(
                "  {}/{}  {} — {}",
                c["earned"],
                c["weight"],
                c["label"].as_str().unwrap_or(""),
                c["explanation"].as_str().unwrap_or("")
            );
        }
    }
    println!(
        "details: {}/submissions/{}",
        server.trim_end_matches('/'),
        view["id"].as_str().unwrap_or("")
    );
}
