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
    Ok(tera)
}
