//! The catalog service: challenges as stored — importing packages (a
//! changed package becomes a new version, an unchanged one is a no-op, a
//! failing one is refused with its reasons), and reading them back.
//!
//! Importing grades reference and wrong solutions in the sandbox, so it is
//! blocking work: async callers run it on the blocking pool.

use std::path::Path;

use crate::challenges::model::Challenge;
use crate::challenges::{load_package, Problem};
use crate::db::challenges::{self as store, ChallengeRecord, NewVersion, Origin};
use crate::db::{Db, DbError};
use crate::domain::ChallengeId;
use crate::grading::check::{check_package, CheckLine, PackageCheck};
use crate::grading::Grader;

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("stored challenge {slug} version {version} cannot be read: {reason}")]
    CorruptPackage {
        slug: String,
        version: u32,
        reason: String,
    },
}

/// What importing one package did.
#[derive(Debug)]
pub enum Imported {
    Created {
        version: u32,
    },
    NewVersion {
        version: u32,
    },
    Unchanged {
        version: u32,
    },
    /// The package has problems or its solutions do not behave; nothing
    /// was stored.
    Refused(Box<PackageCheck>),
}

#[derive(Clone)]
pub struct Catalog {
    db: Db,
    grader: Grader,
}

impl Catalog {
    pub fn new(db: Db, grader: Grader) -> Self {
        Self { db, grader }
    }

    pub fn grader(&self) -> &Grader {
        &self.grader
    }

    /// Imports the package in `dir` (blocking). Checks run only when the
    /// package changed since the stored version.
    pub fn import_package(&self, dir: &Path) -> Result<Imported, CatalogError> {
        // A cheap look first: an unchanged package needs no checks.
        if let Ok(package) = load_package(dir) {
            let slug = package.challenge.slug.clone();
            let stored = self
                .db
                .run_blocking(|conn| store::current_hash(conn, &slug))?;
            if stored.as_deref() == Some(package.hash.as_str()) {
                let record = self
                    .db
                    .run_blocking(|conn| store::find_by_slug(conn, &slug))?;
                return Ok(Imported::Unchanged {
                    version: record.map(|r| r.current_version).unwrap_or(1),
                });
            }
        }
        let check = check_package(&self.grader, dir);
        let (Some(challenge), Some(hash), true) = (&check.challenge, &check.hash, check.passed())
        else {
            return Ok(Imported::Refused(Box::new(check)));
        };
        let (_, version) = self.save(challenge, hash, Origin::Library)?;
        Ok(if version == 1 {
            Imported::Created { version }
        } else {
            Imported::NewVersion { version }
        })
    }

    fn save(
        &self,
        challenge: &Challenge,
        hash: &str,
        origin: Origin,
    ) -> Result<(ChallengeId, u32), CatalogError> {
        let package_json = serde_json::to_string(challenge).map_err(|e| {
            DbError::Unexpected(format!("cannot serialise {}: {e}", challenge.slug))
        })?;
        let new = NewVersion {
            slug: &challenge.slug,
            kind: challenge.kind().as_str(),
            title: &challenge.title,
            difficulty: challenge.difficulty.as_str(),
            skills: &challenge.skills,
            tags: &challenge.tags,
            points: challenge.points,
            content_hash: hash,
            package_json: &package_json,
        };
        Ok(self.db.run_blocking(|conn| {
            store::save_version(conn, &new, origin, None, origin == Origin::Library)
        })?)
    }

    /// A challenge's catalog row and its current version, by slug.
    pub async fn current(
        &self,
        slug: &str,
    ) -> Result<Option<(ChallengeRecord, Challenge)>, CatalogError> {
        let slug = slug.to_owned();
        let found = self
            .db
            .run(move |conn| {
                let Some(record) = store::find_by_slug(conn, &slug)? else {
                    return Ok(None);
                };
                let package = store::package(conn, record.id, record.current_version)?;
                Ok(package.map(|p| (record, p)))
            })
            .await?;
        let Some((record, package)) = found else {
            return Ok(None);
        };
        let challenge =
            serde_json::from_str(&package).map_err(|e| CatalogError::CorruptPackage {
                slug: record.slug.clone(),
                version: record.current_version,
                reason: e.to_string(),
            })?;
        Ok(Some((record, challenge)))
    }

    pub async fn list(&self) -> Result<Vec<ChallengeRecord>, CatalogError> {
        Ok(self.db.run(store::list).await?)
    }
}

/// A one-line account of a failed check, for logs and the command line.
pub fn describe_refusal(check: &PackageCheck) -> Vec<String> {
    let mut out: Vec<String> = check.problems.iter().map(Problem::to_string).collect();
    out.extend(check.lines.iter().filter(|l| !l.ok).map(|l: &CheckLine| {
        format!("{}/{} {}: {}", check.name, l.path, l.expectation, l.outcome)
    }));
    out
}
