//! The `challenges` and `challenge_versions` tables.
//!
//! A version's `package` column holds the loaded challenge as JSON; this
//! module stores and returns that text and leaves its meaning to the
//! caller (only `db` sees rows; it does not know the package format).

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{challenge_versions, challenges};
use super::{DbConnection, DbError};
use crate::domain::{ChallengeId, CheckStatus, Difficulty, Kind, UserId};

/// Where a challenge came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Imported from a package folder (the bundled library, or `rehearse
    /// challenges import`).
    Library,
    /// Written in the browser by an instructor.
    Authored,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Library => "library",
            Origin::Authored => "authored",
        }
    }
}

/// A challenge's catalog row.
#[derive(Debug, Clone, PartialEq)]
pub struct ChallengeRecord {
    pub id: ChallengeId,
    pub slug: String,
    pub kind: Kind,
    pub title: String,
    pub difficulty: Difficulty,
    pub skills: Vec<String>,
    pub tags: Vec<String>,
    pub points: u32,
    pub origin: Origin,
    pub author_id: Option<UserId>,
    pub published: bool,
    pub current_version: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a new version writes: the catalog fields and the package.
pub struct NewVersion<'a> {
    pub slug: &'a str,
    pub kind: Kind,
    pub title: &'a str,
    pub difficulty: Difficulty,
    pub skills: &'a [String],
    pub tags: &'a [String],
    pub points: u32,
    pub content_hash: &'a str,
    pub package_json: &'a str,
    /// The package's files as JSON (path → text), for export and editing.
    pub files_json: Option<&'a str>,
    /// The version's public view as JSON (see `catalog::view`).
    pub view_json: &'a str,
    /// Checked before it was stored (`Passed`), or to be checked after
    /// (`Pending`).
    pub check: CheckStatus,
}

/// How a current version's solution check went, for instructors.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckRecord {
    pub id: ChallengeId,
    pub slug: String,
    pub title: String,
    pub version: u32,
    pub status: CheckStatus,
    /// What the check found (JSON, the catalog's `CheckReport`).
    pub report: Option<String>,
    pub checked_at: Option<DateTime<Utc>>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = challenges)]
struct Row {
    id: String,
    slug: String,
    kind: String,
    title: String,
    difficulty: String,
    skills: String,
    tags: String,
    points: i32,
    origin: String,
    author_id: Option<String>,
    published: bool,
    current_version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

impl Row {
    fn into_record(self) -> Result<ChallengeRecord, DbError> {
        let corrupt = |what: &str| DbError::Corrupt(format!("challenge {}: {what}", self.slug));
        Ok(ChallengeRecord {
            id: ChallengeId::parse(&self.id).ok_or_else(|| corrupt("id is not a UUID"))?,
            kind: Kind::parse(&self.kind).map_err(|e| corrupt(&e.to_string()))?,
            difficulty: Difficulty::parse(&self.difficulty).map_err(|e| corrupt(&e.to_string()))?,
            skills: serde_json::from_str(&self.skills)
                .map_err(|_| corrupt("skills are not a JSON list"))?,
            tags: serde_json::from_str(&self.tags)
                .map_err(|_| corrupt("tags are not a JSON list"))?,
            origin: match self.origin.as_str() {
                "library" => Origin::Library,
                "authored" => Origin::Authored,
                _ => return Err(corrupt("unknown origin")),
            },
            author_id: match &self.author_id {
                Some(id) => {
                    Some(UserId::parse(id).ok_or_else(|| corrupt("author id is not a UUID"))?)
                }
                None => None,
            },
            points: u32::try_from(self.points).map_err(|_| corrupt("negative points"))?,
            current_version: u32::try_from(self.current_version)
                .map_err(|_| corrupt("negative version"))?,
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
            published: self.published,
            slug: self.slug,
            title: self.title,
        })
    }
}

type OneVersion = diesel::dsl::Filter<
    diesel::dsl::Filter<
        challenge_versions::table,
        diesel::dsl::Eq<challenge_versions::challenge_id, String>,
    >,
    diesel::dsl::Eq<challenge_versions::version, i32>,
>;

/// The row of one version of a challenge.
fn one_version(id: ChallengeId, version: u32) -> OneVersion {
    challenge_versions::table
        .filter(challenge_versions::challenge_id.eq(id.to_string()))
        .filter(challenge_versions::version.eq(version as i32))
}

fn json_list(items: &[String]) -> String {
    serde_json::Value::from(items.to_vec()).to_string()
}

pub fn find_by_slug(
    conn: &mut DbConnection,
    slug: &str,
) -> Result<Option<ChallengeRecord>, DbError> {
    challenges::table
        .filter(challenges::slug.eq(slug))
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .map(Row::into_record)
        .transpose()
}

pub fn find(conn: &mut DbConnection, id: ChallengeId) -> Result<Option<ChallengeRecord>, DbError> {
    challenges::table
        .find(id.to_string())
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .map(Row::into_record)
        .transpose()
}

/// Every challenge, by title.
pub fn list(conn: &mut DbConnection) -> Result<Vec<ChallengeRecord>, DbError> {
    challenges::table
        .order(challenges::title.asc())
        .select(Row::as_select())
        .load(conn)?
        .into_iter()
        .map(Row::into_record)
        .collect()
}

/// The content hash of a challenge's current version.
pub fn current_hash(conn: &mut DbConnection, slug: &str) -> Result<Option<String>, DbError> {
    Ok(challenges::table
        .inner_join(
            challenge_versions::table.on(challenge_versions::challenge_id
                .eq(challenges::id)
                .and(challenge_versions::version.eq(challenges::current_version))),
        )
        .filter(challenges::slug.eq(slug))
        .select(challenge_versions::content_hash)
        .first::<String>(conn)
        .optional()?)
}

/// A version's package JSON.
pub fn package(
    conn: &mut DbConnection,
    id: ChallengeId,
    version: u32,
) -> Result<Option<String>, DbError> {
    Ok(one_version(id, version)
        .select(challenge_versions::package)
        .first::<String>(conn)
        .optional()?)
}

/// A version's public view (JSON): `None` when there is no such version,
/// `Some(None)` when it was stored before views were kept.
pub fn view(
    conn: &mut DbConnection,
    id: ChallengeId,
    version: u32,
) -> Result<Option<Option<String>>, DbError> {
    Ok(one_version(id, version)
        .select(challenge_versions::view)
        .first::<Option<String>>(conn)
        .optional()?)
}

/// Keeps the public view of a version stored without one.
pub fn set_view(
    conn: &mut DbConnection,
    id: ChallengeId,
    version: u32,
    view_json: &str,
) -> Result<(), DbError> {
    diesel::update(one_version(id, version))
        .set(challenge_versions::view.eq(view_json))
        .execute(conn)?;
    Ok(())
}

/// A version's package files (JSON), when they were kept.
pub fn files(
    conn: &mut DbConnection,
    id: ChallengeId,
    version: u32,
) -> Result<Option<String>, DbError> {
    Ok(one_version(id, version)
        .select(challenge_versions::files)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten())
}

/// Creates a challenge at version 1, or adds the next version to the one
/// with this slug (and makes it current), in one transaction. Returns the
/// challenge's id and the version written.
pub fn save_version(
    conn: &mut DbConnection,
    new: &NewVersion<'_>,
    origin: Origin,
    author: Option<UserId>,
    publish: bool,
) -> Result<(ChallengeId, u32), DbError> {
    // It reads the current version before writing the next one: two
    // publishes at once on SQLite must queue, not fail.
    super::write_transaction::<_, DbError>(conn, |conn| {
        let now = super::now().naive_utc();
        let existing = find_by_slug(conn, new.slug)?;
        let (id, version) = match &existing {
            Some(record) => (record.id, record.current_version + 1),
            None => (ChallengeId::new(), 1),
        };
        if let Some(record) = &existing {
            diesel::update(challenges::table.find(record.id.to_string()))
                .set((
                    challenges::kind.eq(new.kind.as_str()),
                    challenges::title.eq(new.title),
                    challenges::difficulty.eq(new.difficulty.as_str()),
                    challenges::skills.eq(json_list(new.skills)),
                    challenges::tags.eq(json_list(new.tags)),
                    challenges::points.eq(new.points as i32),
                    challenges::published.eq(publish || record.published),
                    challenges::current_version.eq(version as i32),
                    challenges::updated_at.eq(now),
                ))
                .execute(conn)?;
        } else {
            diesel::insert_into(challenges::table)
                .values((
                    challenges::id.eq(id.to_string()),
                    challenges::slug.eq(new.slug),
                    challenges::kind.eq(new.kind.as_str()),
                    challenges::title.eq(new.title),
                    challenges::difficulty.eq(new.difficulty.as_str()),
                    challenges::skills.eq(json_list(new.skills)),
                    challenges::tags.eq(json_list(new.tags)),
                    challenges::points.eq(new.points as i32),
                    challenges::origin.eq(origin.as_str()),
                    challenges::author_id.eq(author.map(|a| a.to_string())),
                    challenges::published.eq(publish),
                    challenges::current_version.eq(version as i32),
                    challenges::created_at.eq(now),
                    challenges::updated_at.eq(now),
                ))
                .execute(conn)?;
        }
        diesel::insert_into(challenge_versions::table)
            .values((
                challenge_versions::id.eq(uuid::Uuid::now_v7().to_string()),
                challenge_versions::challenge_id.eq(id.to_string()),
                challenge_versions::version.eq(version as i32),
                challenge_versions::content_hash.eq(new.content_hash),
                challenge_versions::package.eq(new.package_json),
                challenge_versions::files.eq(new.files_json),
                challenge_versions::view.eq(new.view_json),
                challenge_versions::check_status.eq(new.check.as_str()),
                challenge_versions::created_at.eq(now),
            ))
            .execute(conn)?;
        Ok((id, version))
    })
}

/// Replaces a version's package and view with the same challenge made
/// concrete (its generated tests made): the content is unchanged, so the
/// version number is too.
pub fn set_package(
    conn: &mut DbConnection,
    id: ChallengeId,
    version: u32,
    package_json: &str,
    view_json: &str,
) -> Result<(), DbError> {
    diesel::update(one_version(id, version))
        .set((
            challenge_versions::package.eq(package_json),
            challenge_versions::view.eq(view_json),
        ))
        .execute(conn)?;
    Ok(())
}

/// Records how a version's check went.
pub fn record_check(
    conn: &mut DbConnection,
    id: ChallengeId,
    version: u32,
    status: CheckStatus,
    report_json: Option<&str>,
) -> Result<(), DbError> {
    diesel::update(one_version(id, version))
        .set((
            challenge_versions::check_status.eq(status.as_str()),
            challenge_versions::check_report.eq(report_json),
            challenge_versions::checked_at.eq(super::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

type CheckRow = (
    String,
    String,
    String,
    i32,
    String,
    Option<String>,
    Option<NaiveDateTime>,
);

fn check_record(row: CheckRow) -> Result<CheckRecord, DbError> {
    let (id, slug, title, version, status, report, checked_at) = row;
    let corrupt = |what: String| DbError::Corrupt(format!("challenge {slug}: {what}"));
    Ok(CheckRecord {
        id: ChallengeId::parse(&id).ok_or_else(|| corrupt("id is not a UUID".into()))?,
        version: u32::try_from(version).map_err(|_| corrupt("negative version".into()))?,
        status: CheckStatus::parse(&status).map_err(|e| corrupt(e.to_string()))?,
        report,
        checked_at: checked_at.map(|t| t.and_utc()),
        title,
        slug,
    })
}

/// The checks of current versions, by slug; `only` keeps those in one
/// state, `slug` one challenge (all when `None`).
pub fn current_checks(
    conn: &mut DbConnection,
    only: Option<CheckStatus>,
    slug: Option<&str>,
) -> Result<Vec<CheckRecord>, DbError> {
    let mut query = challenges::table
        .inner_join(
            challenge_versions::table.on(challenge_versions::challenge_id
                .eq(challenges::id)
                .and(challenge_versions::version.eq(challenges::current_version))),
        )
        .select((
            challenges::id,
            challenges::slug,
            challenges::title,
            challenge_versions::version,
            challenge_versions::check_status,
            challenge_versions::check_report,
            challenge_versions::checked_at,
        ))
        .order(challenges::slug.asc())
        .into_boxed();
    if let Some(status) = only {
        query = query.filter(challenge_versions::check_status.eq(status.as_str()));
    }
    if let Some(slug) = slug {
        query = query.filter(challenges::slug.eq(slug.to_owned()));
    }
    query
        .load::<CheckRow>(conn)?
        .into_iter()
        .map(check_record)
        .collect()
}
