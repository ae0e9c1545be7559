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
    tera.register_filter("grouped", grouped_filter);
    tera.register_filter("compact", compact_filter);
    tera.register_filter("urlencode", urlencode_filter);
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

/// A count, or `None` for a missing one (a test that never ran has no cost).
fn count_arg(value: &tera::Value, filter: &str) -> tera::Result<Option<u64>> {
    if value.is_null() {
        return Ok(None);
    }
    value
        .as_u64()
        .map(Some)
        .ok_or_else(|| tera::Error::msg(format!("{filter}: expected a non-negative integer")))
}

/// `{{ n | grouped }}`: 1346527078 → "1,346,527,078".
fn grouped_filter(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = count_arg(value, "grouped")?.map_or_else(|| "—".to_owned(), grouped);
    Ok(tera::Value::String(text))
}

/// `{{ n | compact }}`: instruction counts to three figures, as the
/// workspace script shows them ("1.35 billion", "12.3 million").
fn compact_filter(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = match count_arg(value, "compact")? {
        None => "—".to_owned(),
        Some(n @ 0..=999_999) => grouped(n),
        Some(n @ 1_000_000..=999_999_999) => format!("{:.1} million", n as f64 / 1e6),
        Some(n) => format!("{:.2} billion", n as f64 / 1e9),
    };
    Ok(tera::Value::String(text))
}

fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `{{ text | urlencode }}` for a query-string value (Tera's own filter
/// needs features this build leaves out).
fn urlencode_filter(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = match value {
        tera::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Ok(tera::Value::String(super::error_pages::url_encode(&text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_and_compacted() {
        let none = std::collections::HashMap::new();
        let show = |f: fn(
            &tera::Value,
            &std::collections::HashMap<String, tera::Value>,
        ) -> tera::Result<tera::Value>,
                    n: u64| {
            f(&tera::Value::from(n), &none)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        };
        assert_eq!(show(grouped_filter, 0), "0");
        assert_eq!(show(grouped_filter, 999), "999");
        assert_eq!(show(grouped_filter, 1_346_527_078), "1,346,527,078");
        assert_eq!(show(compact_filter, 331_531), "331,531");
        assert_eq!(show(compact_filter, 12_345_678), "12.3 million");
        assert_eq!(show(compact_filter, 1_346_527_078), "1.35 billion");
        assert!(compact_filter(&tera::Value::from(-1), &none).is_err());
        let missing = grouped_filter(&tera::Value::Null, &none).unwrap();
        assert_eq!(missing.as_str(), Some("—"));
    }
}
