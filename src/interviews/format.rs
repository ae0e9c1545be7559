//! Interview formats: what a mock interview is made of — a title, a length
//! in minutes and one slot per problem (a kind, optionally a difficulty and
//! skills, or a pinned challenge). They are TOML files, one per format,
//! under `interviews/` (the file name is the format's slug), so instructors
//! edit them like challenge packages; a file that does not parse is refused
//! with every problem named, and the others still load.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::challenges::{skills, Slug};
use crate::domain::{Difficulty, Kind};

/// Bounds that keep a format sensible: an interview is minutes to hours.
const MINUTES: std::ops::RangeInclusive<u32> = 5..=480;
const MAX_PROBLEMS: usize = 6;

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Format {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub minutes: u32,
    pub problems: Vec<Slot>,
}

/// One problem of a format: picked when the interview starts.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Slot {
    #[schema(value_type = String)]
    pub kind: Kind,
    /// Any difficulty when absent.
    #[schema(value_type = Option<String>)]
    pub difficulty: Option<Difficulty>,
    /// A challenge training any one of these skills (any when empty).
    pub skills: Vec<String>,
    /// An instructor's choice: always this challenge.
    pub challenge: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFormat {
    title: String,
    #[serde(default)]
    summary: String,
    minutes: u32,
    problems: Vec<RawSlot>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSlot {
    kind: String,
    difficulty: Option<String>,
    #[serde(default)]
    skills: Vec<String>,
    challenge: Option<String>,
}

/// A format file that cannot be used, and why (every problem found).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}: {}", problems.join("; "))]
pub struct FormatError {
    pub file: String,
    pub problems: Vec<String>,
}

/// Parses one format file's text; `slug` comes from its file name.
pub fn parse(slug: &str, text: &str) -> Result<Format, Vec<String>> {
    let raw: RawFormat = toml::from_str(text).map_err(|e| vec![e.message().to_owned()])?;
    let mut problems = Vec::new();
    if Slug::parse(slug).is_err() {
        problems.push(format!(
            "the file name {slug:?} is not a valid format name (lower-case letters, digits and dashes)"
        ));
    }
    let title = raw.title.trim().to_owned();
    if title.is_empty() || title.chars().count() > 80 {
        problems.push("title: give a title of 1 to 80 characters".to_owned());
    }
    if !MINUTES.contains(&raw.minutes) {
        problems.push(format!(
            "minutes: {} is outside {} to {}",
            raw.minutes,
            MINUTES.start(),
            MINUTES.end()
        ));
    }
    if raw.problems.is_empty() || raw.problems.len() > MAX_PROBLEMS {
        problems.push(format!(
            "problems: a format has 1 to {MAX_PROBLEMS} problems, not {}",
            raw.problems.len()
        ));
    }
    let mut slots = Vec::new();
    for (i, slot) in raw.problems.into_iter().enumerate() {
        let place = format!("problems[{}]", i + 1);
        match parse_slot(slot) {
            Ok(slot) => slots.push(slot),
            Err(messages) => problems.extend(messages.into_iter().map(|m| format!("{place}.{m}"))),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Format {
        slug: slug.to_owned(),
        title,
        summary: raw.summary.trim().to_owned(),
        minutes: raw.minutes,
        problems: slots,
    })
}

fn parse_slot(raw: RawSlot) -> Result<Slot, Vec<String>> {
    let mut problems = Vec::new();
    let kind = Kind::parse(&raw.kind)
        .map_err(|e| problems.push(format!("kind: {e}")))
        .ok();
    let difficulty = match raw.difficulty.as_deref().map(Difficulty::parse).transpose() {
        Ok(d) => d,
        Err(e) => {
            problems.push(format!("difficulty: {e}"));
            None
        }
    };
    for skill in &raw.skills {
        if !skills::is_known(skill) {
            let hint = skills::closest(skill)
                .map(|k| format!(" (did you mean {k:?}?)"))
                .unwrap_or_default();
            problems.push(format!("skills: unknown skill {skill:?}{hint}"));
        }
    }
    if let Some(challenge) = &raw.challenge {
        if Slug::parse(challenge).is_err() {
            problems.push(format!("challenge: {challenge:?} is not a challenge name"));
        }
    }
    match kind {
        Some(kind) if problems.is_empty() => Ok(Slot {
            kind,
            difficulty,
            skills: raw.skills,
            challenge: raw.challenge,
        }),
        _ => Err(problems),
    }
}

/// Every `*.toml` format under `dir`, by title; the files that cannot be
/// used are returned apart, so one bad file does not hide the others.
pub fn load_dir(dir: &Path) -> (Vec<Format>, Vec<FormatError>) {
    let mut formats = Vec::new();
    let mut errors = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (formats, errors);
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    for path in paths {
        let file = path.display().to_string();
        let slug = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let parsed = std::fs::read_to_string(&path)
            .map_err(|e| vec![format!("cannot read it: {e}")])
            .and_then(|text| parse(&slug, &text));
        match parsed {
            Ok(format) => formats.push(format),
            Err(problems) => errors.push(FormatError { file, problems }),
        }
    }
    formats.sort_by_key(|f| f.minutes);
    (formats, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_format_reads_its_slots() {
        let format = parse(
            "phone-screen",
            r#"
            title = "Phone screen"
            minutes = 45
            summary = "One medium problem."
            [[problems]]
            kind = "code"
            difficulty = "medium"
            skills = ["graphs", "trees"]
            [[problems]]
            kind = "sql"
            challenge = "big-spenders"
            "#,
        )
        .unwrap();
        assert_eq!(format.minutes, 45);
        assert_eq!(format.problems.len(), 2);
        assert_eq!(format.problems[0].difficulty, Some(Difficulty::Medium));
        assert_eq!(
            format.problems[1].challenge.as_deref(),
            Some("big-spenders")
        );
    }

    #[test]
    fn every_problem_of_a_bad_format_is_named() {
        let problems = parse(
            "x",
            r#"
            title = ""
            minutes = 2
            [[problems]]
            kind = "essay"
            difficulty = "brutal"
            skills = ["graph"]
            "#,
        )
        .unwrap_err();
        let text = problems.join("\n");
        assert!(text.contains("title"), "{text}");
        assert!(text.contains("minutes: 2 is outside 5 to 480"), "{text}");
        assert!(text.contains("problems[1].kind"), "{text}");
        assert!(text.contains("problems[1].difficulty"), "{text}");
        assert!(text.contains("did you mean \"graphs\""), "{text}");
        let unknown =
            parse("x", "title = \"T\"\nminutes = 30\nproblems = []\nextra = 1").unwrap_err();
        assert!(unknown[0].contains("extra"), "{unknown:?}");
    }

    #[test]
    fn the_bundled_formats_load() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("interviews");
        let (formats, errors) = load_dir(&dir);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(formats.len() >= 5, "{formats:?}");
    }
}
