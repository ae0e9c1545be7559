//! Challenge statements: Markdown rendered to HTML, then sanitised, so a
//! statement can never carry a script onto the page.

use pulldown_cmark::{html, Options, Parser};

pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    ammonia::clean(&raw)
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
}
