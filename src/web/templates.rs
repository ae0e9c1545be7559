//! Tera templates, embedded in the binary so it runs from any directory.

use rust_embed::RustEmbed;
use tera::Tera;

#[derive(RustEmbed)]
#[folder = "templates/"]
struct TemplateFiles;

/// Loads every template; fails at start-up, not on first use, when one is broken.
pub fn load() -> Result<Tera, tera::Error> {
    let mut tera = Tera::default();
    let mut sources = Vec::new();
    for name in TemplateFiles::iter() {
        if let Some(file) = TemplateFiles::get(&name) {
            let text = String::from_utf8_lossy(&file.data).into_owned();
            sources.push((name.into_owned(), text));
        }
    }
    tera.add_raw_templates(sources)?;
    tera.register_filter("date", date_filter);
    Ok(tera)
}

/// `{{ t | date(format="%e %b %Y") }}` for RFC 3339 timestamps (Tera's own
/// date filter needs features this build leaves out).
fn date_filter(
    value: &tera::Value,
    args: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = value
        .as_str()
        .ok_or_else(|| tera::Error::msg("date: expected a timestamp string"))?;
    let time = chrono::DateTime::parse_from_rfc3339(text)
        .map_err(|e| tera::Error::msg(format!("date: {text:?} is not RFC 3339: {e}")))?;
    let format = args
        .get("format")
        .and_then(tera::Value::as_str)
        .unwrap_or("%Y-%m-%d %H:%M");
    Ok(tera::Value::String(
        time.with_timezone(&chrono::Utc).format(format).to_string(),
    ))
}
