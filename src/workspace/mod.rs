//! The workspace service: what makes the editor the user's own wherever
//! they sign in — their editor settings and their drafts (the code they
//! were writing, per challenge and language).

pub mod settings;

use crate::catalog::{Catalog, CatalogError, ChallengeView};
use crate::challenges::Slug;
use crate::db::answer_drafts::{self, AnswerDraft};
use crate::db::{editor_settings, Db, DbError};
use crate::domain::{nul_byte_line, ChallengeId, User, UserId, ValidationError};
pub use settings::{EditorSettings, SettingsInput};

/// A draft may be a little longer than an answer may: it is saved as it
/// is typed, and the limit is enforced when it is submitted.
pub const MAX_DRAFT_BYTES: usize = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error("{0}")]
    NotFound(String),
    #[error("{}", .0.first().map(|e| e.message.as_str()).unwrap_or("invalid input"))]
    Invalid(Vec<ValidationError>),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
}

#[derive(Clone)]
pub struct Workspace {
    db: Db,
    catalog: Catalog,
}

impl Workspace {
    pub fn new(db: Db, catalog: Catalog) -> Self {
        Self { db, catalog }
    }

    /// The user's settings, or the defaults if they never saved any.
    pub async fn settings(&self, user: UserId) -> Result<EditorSettings, WorkspaceError> {
        let stored = self
            .db
            .run(move |conn| editor_settings::get(conn, user))
            .await?;
        Ok(stored
            .map(|json| EditorSettings::from_stored(&json))
            .unwrap_or_default())
    }

    /// Checks and stores the user's settings; returns them as stored.
    pub async fn save_settings(
        &self,
        user: UserId,
        input: SettingsInput,
    ) -> Result<EditorSettings, WorkspaceError> {
        let settings = EditorSettings::parse(input).map_err(WorkspaceError::Invalid)?;
        let json = serde_json::to_string(&settings)
            .map_err(|e| DbError::Corrupt(format!("editor settings: {e}")))?;
        self.db
            .run(move |conn| editor_settings::put(conn, user, &json))
            .await?;
        Ok(settings)
    }

    /// The challenge `slug` as `user` may see it: its id and view.
    async fn challenge(
        &self,
        user: &User,
        slug: &Slug,
    ) -> Result<(ChallengeId, std::sync::Arc<ChallengeView>), WorkspaceError> {
        let missing = || WorkspaceError::NotFound(format!("There is no challenge {slug}."));
        let record = self.catalog.record(slug).await?.ok_or_else(missing)?;
        let view = self
            .catalog
            .view(Some(user), slug)
            .await?
            .ok_or_else(missing)?;
        Ok((record.id, view))
    }

    /// The user's draft of `slug` in `language`, if they saved one.
    pub async fn draft(
        &self,
        user: &User,
        slug: &Slug,
        language: &str,
    ) -> Result<Option<AnswerDraft>, WorkspaceError> {
        let (id, view) = self.challenge(user, slug).await?;
        let language = draft_language(&view, language)?;
        let user = user.id;
        Ok(self
            .db
            .run(move |conn| answer_drafts::get(conn, user, id, &language))
            .await?)
    }

    /// Keeps the user's draft of `slug` in `language`.
    pub async fn save_draft(
        &self,
        user: &User,
        slug: &Slug,
        language: &str,
        source: String,
    ) -> Result<AnswerDraft, WorkspaceError> {
        let (id, view) = self.challenge(user, slug).await?;
        let language = draft_language(&view, language)?;
        let invalid = |message: String| {
            WorkspaceError::Invalid(vec![ValidationError::new("source", message)])
        };
        if source.len() > MAX_DRAFT_BYTES {
            return Err(invalid(format!(
                "The draft is {} bytes; a draft may hold up to {MAX_DRAFT_BYTES}.",
                source.len()
            )));
        }
        if let Some(line) = nul_byte_line(&source) {
            return Err(invalid(format!(
                "Line {line} holds a NUL byte, which source code cannot contain."
            )));
        }
        let user = user.id;
        Ok(self
            .db
            .run(move |conn| answer_drafts::put(conn, user, id, &language, &source))
            .await?)
    }
}

/// `language` if the challenge is written in it: one of its languages for
/// code, `sql` for SQL, `design` for a design answer (Markdown, one
/// `## section` heading per section, as `DesignAnswer::from_markdown` reads).
fn draft_language(view: &ChallengeView, language: &str) -> Result<String, WorkspaceError> {
    use crate::catalog::view::Details;
    let offered: Vec<&str> = match &view.details {
        Details::Code(code) => code.languages.iter().map(|l| l.language.as_str()).collect(),
        Details::Sql(_) => vec!["sql"],
        Details::Design(_) => vec!["design"],
    };
    if offered.contains(&language) {
        return Ok(language.to_owned());
    }
    let message = format!(
        "This challenge is written in {}; not {:?}.",
        offered.join(", "),
        language.chars().take(32).collect::<String>()
    );
    Err(WorkspaceError::Invalid(vec![ValidationError::new(
        "language", message,
    )]))
}
