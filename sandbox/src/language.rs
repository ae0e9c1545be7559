/// The languages a program can be written in. Serialised by its stable
/// name (`python`, `cpp`, …).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Python,
    JavaScript,
    Sql,
    Rust,
    C,
    Cpp,
}

impl Language {
    pub const ALL: [Language; 6] = [
        Language::Python,
        Language::JavaScript,
        Language::Sql,
        Language::Rust,
        Language::C,
        Language::Cpp,
    ];

    /// The short, stable name used in APIs and files (`python`, `cpp`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Python => "python",
            Language::JavaScript => "javascript",
            Language::Sql => "sql",
            Language::Rust => "rust",
            Language::C => "c",
            Language::Cpp => "cpp",
        }
    }

    /// Accepts the stable name and common aliases (`py`, `js`, `c++`, `rs`).
    pub fn parse(raw: &str) -> Option<Language> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "python" | "py" | "python3" => Some(Language::Python),
            "javascript" | "js" | "node" => Some(Language::JavaScript),
            "sql" | "sqlite" => Some(Language::Sql),
            "rust" | "rs" => Some(Language::Rust),
            "c" => Some(Language::C),
            "cpp" | "c++" | "cxx" | "cc" => Some(Language::Cpp),
            _ => None,
        }
    }

    /// The file name the source gets when compiled.
    pub fn source_file(self) -> &'static str {
        match self {
            Language::Python => "main.py",
            Language::JavaScript => "main.js",
            Language::Sql => "main.sql",
            Language::Rust => "main.rs",
            Language::C => "main.c",
            Language::Cpp => "main.cpp",
        }
    }

    /// Whether source is compiled to wasm ahead of the run (as opposed to
    /// being interpreted by a runtime that is itself a wasm module).
    pub fn is_compiled(self) -> bool {
        matches!(self, Language::Rust | Language::C | Language::Cpp)
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Language::Python => "Python",
            Language::JavaScript => "JavaScript",
            Language::Sql => "SQL",
            Language::Rust => "Rust",
            Language::C => "C",
            Language::Cpp => "C++",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for lang in Language::ALL {
            assert_eq!(Language::parse(lang.as_str()), Some(lang));
        }
        assert_eq!(Language::parse("C++"), Some(Language::Cpp));
        assert_eq!(Language::parse("cobol"), None);
    }
}
