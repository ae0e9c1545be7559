//! Challenge statements: checked when a package is loaded, rendered from
//! Markdown to sanitised HTML once per stored version (the catalog keeps
//! the HTML in its view, see `catalog::view`).
//!
//! Markdown parsing takes time roughly quadratic in how deeply blocks nest
//! (32,000 nested blockquotes took 3 s, 64,000 took 15 s), and a statement
//! is instructor input. So a statement is limited in size and in nesting
//! before it is ever parsed ([`check`]), and it is parsed once per version,
//! never per page view.

use pulldown_cmark::{html, Options, Parser};

/// The largest statement accepted, in bytes.
pub const MAX_BYTES: usize = 64 * 1024;
/// How deeply blockquotes and lists may nest on one line (real statements
/// use two or three levels).
pub const MAX_NESTING: usize = 32;
/// How deeply brackets may nest (links inside links inside …).
pub const MAX_BRACKETS: usize = 32;

/// Refuses a statement too large or too deeply nested to render quickly,
/// naming the line.
pub fn check(markdown: &str) -> Result<(), String> {
    if markdown.len() > MAX_BYTES {
        return Err(format!(
            "the statement is {} bytes; the limit is {MAX_BYTES}",
            markdown.len()
        ));
    }
    let mut fence: Option<&str> = None;
    let mut brackets = 0usize;
    for (n, line) in markdown.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") {
            fence = Some("```");
            continue;
        }
        if trimmed.starts_with("~~~") {
            fence = Some("~~~");
            continue;
        }
        let depth = container_depth(line);
        if depth > MAX_NESTING {
            return Err(format!(
                "line {}: blocks nested {depth} deep (quotes, lists or indentation); at most {MAX_NESTING}",
                n + 1
            ));
        }
        if line.trim().is_empty() {
            // Inline nesting ends with its paragraph.
            brackets = 0;
            continue;
        }
        for c in line.chars() {
            match c {
                '[' => brackets += 1,
                ']' => brackets = brackets.saturating_sub(1),
                _ => {}
            }
            if brackets > MAX_BRACKETS {
                return Err(format!(
                    "line {}: brackets nested more than {MAX_BRACKETS} deep",
                    n + 1
                ));
            }
        }
    }
    Ok(())
}

/// Quote and list markers at the start of a line, plus its indentation in
/// steps of four columns (the one space after a marker belongs to it).
fn container_depth(line: &str) -> usize {
    let bytes = line.as_bytes();
    let (mut depth, mut columns, mut i) = (0usize, 0usize, 0usize);
    let after_marker = |i: usize| i + 1 < bytes.len() && matches!(bytes[i + 1], b' ' | b'\t');
    while i < bytes.len() {
        match bytes[i] {
            b' ' => columns += 1,
            b'\t' => columns += 4,
            b'>' => {
                depth += 1;
                if after_marker(i) {
                    i += 1;
                }
            }
            b'-' | b'*' | b'+' if bytes.get(i + 1).is_none_or(|b| *b == b' ' || *b == b'\t') => {
                depth += 1;
                i += 1;
            }
            b'0'..=b'9' => {
                let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                let after = bytes.get(i + digits);
                if digits <= 9
                    && matches!(after, Some(b'.' | b')'))
                    && bytes
                        .get(i + digits + 1)
                        .is_none_or(|b| *b == b' ' || *b == b'\t')
                {
                    depth += 1;
                    i += digits + 1;
                } else {
                    break;
                }
            }
            _ => break,
        }
        i += 1;
    }
    depth + columns / 4
}

/// Renders a statement (already [`check`]ed) to HTML and sanitises it, so a
/// statement can never carry a script onto the page.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    ammonia::clean(&raw)
}

/// Renders a statement that may not have been checked (a draft being
/// edited): one that fails [`check`] is shown as the reason, not parsed.
pub fn preview_html(markdown: &str) -> String {
    match check(markdown) {
        Ok(()) => to_html(markdown),
        Err(why) => format!(
            "<p><strong>This statement cannot be shown:</strong> {}</p>",
            ammonia::clean_text(&why)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_markdown_and_strips_scripts() {
        let html = to_html("### Example\n\n`nums = [1]`\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        assert!(html.contains("<h3>Example</h3>"));
        assert!(html.contains("<code>nums = [1]</code>"));
        assert!(html.contains("<table>"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("onerror"));
    }

    #[test]
    fn ordinary_statements_pass() {
        let text = "# Two sum\n\nGiven `nums`:\n\n- one\n  - two\n    1. three\n\n> a quote\n> > nested\n\n```python\n                                        deeply_indented_code()\n```\n\n[a link](https://example.com) and [[brackets]].\n";
        assert_eq!(check(text), Ok(()));
    }

    #[test]
    fn deep_nesting_is_refused_with_its_line() {
        let quotes = format!("intro\n\n{}deep\n", "> ".repeat(40));
        let err = check(&quotes).unwrap_err();
        assert!(err.starts_with("line 3: blocks nested 40 deep"), "{err}");
        let lists = format!("{}item\n", "- ".repeat(33));
        assert!(check(&lists).is_err());
        let indented = format!("{}x\n", " ".repeat(4 * 33));
        assert!(check(&indented).is_err());
        let brackets = format!("{}\n", "[".repeat(33));
        assert!(check(&brackets).unwrap_err().contains("brackets"));
        assert!(check(&"x".repeat(MAX_BYTES + 1)).is_err());
        assert!(preview_html(&quotes).contains("cannot be shown"));
    }
}
