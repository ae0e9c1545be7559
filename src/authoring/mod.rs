//! Authoring challenges in the browser: drafts are package folders kept in
//! the database (path → text), edited file by file, checked with exactly
//! the checks of `rehearse challenges check`, and published as a new
//! version. Packages travel in and out as zip files of their folder.
//!
//! Who may edit: an admin, or the challenge's author (for a new challenge,
//! the draft's author). Library challenges have no author, so only admins
//! edit them. Checking and publishing run solutions in the sandbox: they
//! are blocking and run on the blocking pool.

mod templates;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::{Catalog, CatalogError};
use crate::challenges::archive::{unzip_package, zip_folder};
use crate::challenges::check_slug;
use crate::challenges::files::{check_files, write_files};
use crate::db::challenges::{self as challenge_store, ChallengeRecord, Origin};
use crate::db::drafts::{self as store, DraftRecord};
use crate::db::{Db, DbError};
use crate::domain::{Kind, Role, User};
use crate::grading::check::{check_package, PackageCheck};

#[derive(Debug, thiserror::Error)]
pub enum AuthoringError {
    #[error("no challenge or draft `{0}`")]
    NotFound(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    #[error("{0}")]
    Conflict(String),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// A bug or a lost task (a temporary folder, a zip that cannot be
    /// written), not the author's input.
    #[error("internal error: {0}")]
    Internal(String),
}

fn internal(what: &str, e: impl std::fmt::Display) -> AuthoringError {
    AuthoringError::Internal(format!("{what}: {e}"))
}

fn invalid(field: &'static str, message: impl Into<String>) -> AuthoringError {
    AuthoringError::Invalid {
        field,
        message: message.into(),
    }
}

/// A draft as its editor sees it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Draft {
    pub slug: String,
    pub files: BTreeMap<String, String>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// The challenge already exists (the draft edits it).
    pub existing_version: Option<u32>,
}

pub use crate::catalog::{CheckLineView, CheckResult};

/// What publishing did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[serde(tag = "outcome", rename_all = "lowercase")]
pub enum Publication {
    Published { version: u32 },
    Refused { check: CheckResult },
}

/// A row of the instructor's overview.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Authored {
    pub slug: String,
    pub title: String,
    /// Unknown for a draft never saved as a challenge.
    pub kind: Option<Kind>,
    pub published: bool,
    pub version: Option<u32>,
    pub has_draft: bool,
    pub can_edit: bool,
    pub origin: &'static str,
}

#[derive(Clone)]
pub struct Authoring {
    db: Db,
    catalog: Catalog,
}

fn may_edit(user: &User, challenge: Option<&ChallengeRecord>, draft: Option<&DraftRecord>) -> bool {
    if user.role >= Role::Admin {
        return true;
    }
    if user.role < Role::Instructor {
        return false;
    }
    match (challenge, draft) {
        (Some(c), _) => c.author_id == Some(user.id),
        (None, Some(d)) => d.author_id == user.id,
        (None, None) => true,
    }
}

fn parse_files(json: &str, slug: &str) -> Result<BTreeMap<String, String>, AuthoringError> {
    serde_json::from_str(json)
        .map_err(|e| DbError::Corrupt(format!("draft {slug}: files: {e}")).into())
}

impl Authoring {
    pub fn new(db: Db, catalog: Catalog) -> Self {
        Self { db, catalog }
    }

    async fn records(
        &self,
        slug: &str,
    ) -> Result<(Option<ChallengeRecord>, Option<DraftRecord>), AuthoringError> {
        let slug = slug.to_owned();
        Ok(self
            .db
            .run(move |conn| {
                Ok((
                    challenge_store::find_by_slug(conn, &slug)?,
                    store::find(conn, &slug)?,
                ))
            })
            .await?)
    }

    /// Starts a new challenge from the template of its kind.
    pub async fn create(
        &self,
        user: &User,
        slug: &str,
        kind: Kind,
    ) -> Result<Draft, AuthoringError> {
        if user.role < Role::Instructor {
            return Err(AuthoringError::Forbidden(
                "only instructors author challenges".into(),
            ));
        }
        check_slug(slug).map_err(|e| invalid("slug", e))?;
        let files = templates::for_kind(kind);
        let (challenge, draft) = self.records(slug).await?;
        if challenge.is_some() || draft.is_some() {
            return Err(AuthoringError::Conflict(format!(
                "`{slug}` is already taken"
            )));
        }
        self.store_new(user, slug, &files).await?;
        self.open(user, slug).await
    }

    async fn store_new(
        &self,
        user: &User,
        slug: &str,
        files: &BTreeMap<String, String>,
    ) -> Result<(), AuthoringError> {
        let json =
            serde_json::to_string(files).map_err(|e| internal("cannot serialise files", e))?;
        let (slug, author) = (slug.to_owned(), user.id);
        let stored = self
            .db
            .run(move |conn| store::insert(conn, &slug, author, &json, crate::db::now()))
            .await;
        match stored {
            Err(e) if e.is_unique_violation() => Err(AuthoringError::Conflict(
                "a draft with this slug already exists".into(),
            )),
            other => Ok(other?),
        }
    }

    /// The draft of `slug` to look at: the stored draft, or the current
    /// version's files of a published challenge — without storing anything
    /// (a GET must not create a draft; the first save does).
    pub async fn view(&self, user: &User, slug: &str) -> Result<Draft, AuthoringError> {
        self.draft(user, slug, false).await
    }

    /// The draft of `slug`; editing a published challenge starts a draft
    /// from its current version's files.
    pub async fn open(&self, user: &User, slug: &str) -> Result<Draft, AuthoringError> {
        self.draft(user, slug, true).await
    }

    async fn draft(&self, user: &User, slug: &str, store: bool) -> Result<Draft, AuthoringError> {
        let (challenge, draft) = self.records(slug).await?;
        if challenge.is_none() && draft.is_none() {
            return Err(AuthoringError::NotFound(slug.to_owned()));
        }
        if !may_edit(user, challenge.as_ref(), draft.as_ref()) {
            return Err(AuthoringError::Forbidden(
                "only this challenge's author or an admin may edit it".into(),
            ));
        }
        let existing_version = challenge.as_ref().map(|c| c.current_version);
        if let Some(draft) = draft {
            return Ok(Draft {
                files: parse_files(&draft.files, slug)?,
                slug: draft.slug,
                updated_at: draft.updated_at,
                existing_version,
            });
        }
        let files = self.published_files(challenge.as_ref()).await?;
        if store {
            self.store_new(user, slug, &files).await?;
        }
        Ok(Draft {
            slug: slug.to_owned(),
            files,
            updated_at: crate::db::now(),
            existing_version,
        })
    }

    async fn published_files(
        &self,
        challenge: Option<&ChallengeRecord>,
    ) -> Result<BTreeMap<String, String>, AuthoringError> {
        let Some(record) = challenge else {
            return Err(AuthoringError::NotFound("challenge".into()));
        };
        let (id, version) = (record.id, record.current_version);
        let json = self
            .db
            .run(move |conn| challenge_store::files(conn, id, version))
            .await?
            .ok_or_else(|| {
                AuthoringError::Conflict(format!(
                    "version {version} of `{}` was stored without its files; re-import its package to edit it here",
                    record.slug
                ))
            })?;
        parse_files(&json, &record.slug)
    }

    /// Replaces a draft's files.
    pub async fn save(
        &self,
        user: &User,
        slug: &str,
        files: BTreeMap<String, String>,
    ) -> Result<Draft, AuthoringError> {
        check_files(&files).map_err(|e| invalid("files", e))?;
        let (challenge, draft) = self.records(slug).await?;
        if challenge.is_none() && draft.is_none() {
            return Err(AuthoringError::NotFound(slug.to_owned()));
        }
        if !may_edit(user, challenge.as_ref(), draft.as_ref()) {
            return Err(AuthoringError::Forbidden(
                "only this challenge's author or an admin may edit it".into(),
            ));
        }
        if draft.is_none() {
            // The first save of an edit to a published challenge.
            self.store_new(user, slug, &files).await?;
            return self.open(user, slug).await;
        }
        let json =
            serde_json::to_string(&files).map_err(|e| internal("cannot serialise files", e))?;
        let key = slug.to_owned();
        self.db
            .run(move |conn| store::update(conn, &key, &json, crate::db::now()))
            .await?;
        self.open(user, slug).await
    }

    /// Checks a draft the way `rehearse challenges check` does.
    pub async fn check(&self, user: &User, slug: &str) -> Result<CheckResult, AuthoringError> {
        let draft = self.open(user, slug).await?;
        let check = self.run_check(&draft).await?;
        Ok(CheckResult::from(&check))
    }

    async fn run_check(&self, draft: &Draft) -> Result<PackageCheck, AuthoringError> {
        let catalog = self.catalog.clone();
        let files = draft.files.clone();
        let slug = draft.slug.clone();
        tokio::task::spawn_blocking(move || -> Result<PackageCheck, AuthoringError> {
            let temp = tempfile::tempdir().map_err(|e| internal("no temporary folder", e))?;
            let dir = temp.path().join(&slug);
            write_files(&dir, &files).map_err(|e| invalid("files", e))?;
            Ok(check_package(
                catalog.grader(),
                &dir,
                &rehearse_sandbox::CancelToken::default(),
            ))
        })
        .await
        .map_err(|e| internal("the check task failed", e))?
    }

    /// Checks and, when every check passes, publishes the draft as the
    /// challenge's next version and removes the draft.
    pub async fn publish(&self, user: &User, slug: &str) -> Result<Publication, AuthoringError> {
        let draft = self.open(user, slug).await?;
        let check = self.run_check(&draft).await?;
        let (Some(challenge), Some(hash), true) = (&check.challenge, &check.hash, check.passed())
        else {
            return Ok(Publication::Refused {
                check: CheckResult::from(&check),
            });
        };
        let (existing, _) = self.records(slug).await?;
        let author = existing
            .as_ref()
            .and_then(|c| c.author_id)
            .or(Some(user.id));
        let origin = existing.as_ref().map_or(Origin::Authored, |c| c.origin);
        let catalog = self.catalog.clone();
        let (challenge, hash, files) = (challenge.clone(), hash.clone(), draft.files.clone());
        let (_, version) = tokio::task::spawn_blocking(move || {
            catalog.save(
                &challenge,
                &hash,
                origin,
                author,
                Some(&files),
                crate::domain::CheckStatus::Passed,
            )
        })
        .await
        .map_err(|e| internal("the publish task failed", e))??;
        let key = slug.to_owned();
        self.db.run(move |conn| store::delete(conn, &key)).await?;
        Ok(Publication::Published { version })
    }

    /// Throws a draft away (the published challenge, if any, is untouched).
    pub async fn discard(&self, user: &User, slug: &str) -> Result<(), AuthoringError> {
        let (challenge, draft) = self.records(slug).await?;
        if draft.is_none() {
            return Err(AuthoringError::NotFound(slug.to_owned()));
        }
        if !may_edit(user, challenge.as_ref(), draft.as_ref()) {
            return Err(AuthoringError::Forbidden(
                "only this challenge's author or an admin may edit it".into(),
            ));
        }
        let key = slug.to_owned();
        self.db.run(move |conn| store::delete(conn, &key)).await?;
        Ok(())
    }

    /// The published challenge's package as a zip of its folder
    /// (instructors only: packages hold hidden tests and solutions).
    pub async fn export(&self, user: &User, slug: &str) -> Result<Vec<u8>, AuthoringError> {
        if user.role < Role::Instructor {
            return Err(AuthoringError::Forbidden(
                "only instructors export challenges".into(),
            ));
        }
        let (challenge, draft) = self.records(slug).await?;
        let files = match (&challenge, &draft) {
            (Some(_), _) => self.published_files(challenge.as_ref()).await?,
            (None, Some(d)) if may_edit(user, None, Some(d)) => parse_files(&d.files, slug)?,
            _ => return Err(AuthoringError::NotFound(slug.to_owned())),
        };
        zip_folder(slug, &files).map_err(|e| internal("cannot write the zip", e))
    }

    /// Makes (or replaces) a draft from a zip of a package folder. The zip
    /// holds one folder named after the slug, or the files at its root
    /// with `slug` given.
    pub async fn import_zip(
        &self,
        user: &User,
        bytes: &[u8],
        slug_hint: Option<&str>,
    ) -> Result<Draft, AuthoringError> {
        if user.role < Role::Instructor {
            return Err(AuthoringError::Forbidden(
                "only instructors author challenges".into(),
            ));
        }
        let (slug, files) = unzip_package(bytes, slug_hint).map_err(|e| invalid("file", e))?;
        check_slug(&slug).map_err(|e| invalid("slug", e))?;
        check_files(&files).map_err(|e| invalid("files", e))?;
        let (challenge, draft) = self.records(&slug).await?;
        if !may_edit(user, challenge.as_ref(), draft.as_ref()) {
            return Err(AuthoringError::Forbidden(format!(
                "`{slug}` belongs to another author; only they or an admin may replace it"
            )));
        }
        if draft.is_some() {
            let json =
                serde_json::to_string(&files).map_err(|e| internal("cannot serialise files", e))?;
            let key = slug.clone();
            self.db
                .run(move |conn| store::update(conn, &key, &json, crate::db::now()))
                .await?;
        } else {
            self.store_new(user, &slug, &files).await?;
        }
        self.open(user, &slug).await
    }

    /// Challenges and drafts, with what `user` may do to each.
    pub async fn overview(&self, user: &User) -> Result<Vec<Authored>, AuthoringError> {
        let (records, drafts) = self
            .db
            .run(|conn| Ok((challenge_store::list(conn)?, store::list(conn)?)))
            .await?;
        let mut rows: Vec<Authored> = records
            .iter()
            .map(|r| {
                let draft = drafts.iter().find(|d| d.slug == r.slug);
                Authored {
                    slug: r.slug.clone(),
                    title: r.title.clone(),
                    kind: Some(r.kind),
                    published: r.published,
                    version: Some(r.current_version),
                    has_draft: draft.is_some(),
                    can_edit: may_edit(user, Some(r), draft),
                    origin: r.origin.as_str(),
                }
            })
            .collect();
        for d in drafts
            .iter()
            .filter(|d| !records.iter().any(|r| r.slug == d.slug))
        {
            rows.push(Authored {
                slug: d.slug.clone(),
                title: d.slug.clone(),
                kind: None,
                published: false,
                version: None,
                has_draft: true,
                can_edit: may_edit(user, None, Some(d)),
                origin: "draft",
            });
        }
        Ok(rows)
    }
}
