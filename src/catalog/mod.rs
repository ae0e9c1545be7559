//! The catalog service: challenges as stored — importing packages (a
//! changed package becomes a new version, an unchanged one is a no-op, a
//! failing one is refused with its reasons), and reading them back.
//!
//! Importing grades reference and wrong solutions in the sandbox, so it is
//! blocking work: async callers run it on the blocking pool.

mod library;
pub mod view;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex};

pub use library::{CheckCounts, CheckLineView, CheckResult, ImportState, VersionCheck};
pub use view::ChallengeView;

use crate::challenges::model::{Challenge, Spec};
use crate::challenges::Slug;
use crate::challenges::{load_package, Problem};
use crate::db::challenges::{self as store, ChallengeRecord, NewVersion, Origin};
use crate::db::submissions::Acceptance;
use crate::db::{Db, DbError};
use crate::domain::{ChallengeId, CheckStatus, Difficulty, Kind, Role, User};
use crate::grading::check::{check_package, CheckLine, PackageCheck};
use crate::grading::{materialise, Grader};

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
    /// The version's generated tests cannot be made, so nothing can be
    /// graded against it (its check records why).
    #[error("the tests of challenge {slug} version {version} cannot be made: {reason}")]
    TestsUnavailable {
        slug: String,
        version: u32,
        reason: String,
    },
    #[error("the view of challenge {slug} cannot be made: {reason}")]
    View { slug: String, reason: String },
    #[error("the files of the package in {dir} cannot be read: {reason}")]
    PackageFiles { dir: String, reason: String },
    /// A bug or a lost task, not bad input.
    #[error("internal error: {0}")]
    Internal(String),
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
    /// Stopped by its cancel token before it was done; nothing was stored.
    Interrupted,
}

#[derive(Clone)]
pub struct Catalog {
    db: Db,
    grader: Grader,
    /// Parsed packages by (challenge, version), for grading and checking
    /// answers: versions never change, so each is parsed once. Few are kept,
    /// since a package holds every hidden test.
    versions: Cached<Challenge>,
    /// Public views by (challenge, version): small, so every one asked for
    /// is kept.
    views: Cached<ChallengeView>,
    /// How far this process's library import has come.
    progress: Arc<library::ImportProgress>,
}

/// Values kept per (challenge, version), shared by the catalog's clones.
type Cached<T> = Arc<Mutex<HashMap<(ChallengeId, u32), Arc<T>>>>;

/// Parsed packages kept in memory.
const VERSION_CACHE: usize = 16;

impl Catalog {
    pub fn new(db: Db, grader: Grader) -> Self {
        Self {
            db,
            grader,
            versions: Arc::default(),
            views: Arc::default(),
            progress: Arc::default(),
        }
    }

    /// Marks the library import as started, so pages say so from the
    /// first request on.
    pub fn begin_import(&self) {
        self.progress.begin();
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// One version of a challenge (blocking), parsed once and kept, with
    /// every test concrete.
    pub fn version_blocking(
        &self,
        id: ChallengeId,
        version: u32,
    ) -> Result<Option<Arc<Challenge>>, CatalogError> {
        self.concrete_version(id, version, &rehearse_sandbox::CancelToken::default())
    }

    /// [`Self::version_blocking`], with the generated tests of a version
    /// stored before they were made made now (and stored, once).
    fn concrete_version(
        &self,
        id: ChallengeId,
        version: u32,
        cancel: &rehearse_sandbox::CancelToken,
    ) -> Result<Option<Arc<Challenge>>, CatalogError> {
        if let Some(found) = self
            .versions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&(id, version))
        {
            return Ok(Some(found.clone()));
        }
        let Some(package) = self
            .db
            .run_blocking(|conn| store::package(conn, id, version))?
        else {
            return Ok(None);
        };
        let mut challenge: Challenge =
            serde_json::from_str(&package).map_err(|e| CatalogError::CorruptPackage {
                slug: id.to_string(),
                version,
                reason: e.to_string(),
            })?;
        if materialise::needs_materialising(&challenge) {
            challenge =
                materialise::materialise(&self.grader, &challenge, cancel).map_err(|problems| {
                    CatalogError::TestsUnavailable {
                        slug: challenge.slug.clone(),
                        version,
                        reason: problems
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("; "),
                    }
                })?;
            let internal = |e: serde_json::Error| {
                CatalogError::Internal(format!("cannot serialise {}: {e}", challenge.slug))
            };
            let package_json = serde_json::to_string(&challenge).map_err(internal)?;
            let view_json =
                serde_json::to_string(&self.make_view(&challenge)?).map_err(internal)?;
            self.db.run_blocking(|conn| {
                store::set_package(conn, id, version, &package_json, &view_json)
            })?;
            // The view now shows the generated samples too.
            self.views
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&(id, version));
        }
        let challenge = Arc::new(challenge);
        let mut cache = self.versions.lock().unwrap_or_else(|e| e.into_inner());
        if cache.len() >= VERSION_CACHE {
            cache.clear();
        }
        cache.insert((id, version), challenge.clone());
        Ok(Some(challenge))
    }

    /// The public view of `record`'s current version (blocking).
    pub fn view_blocking(
        &self,
        record: &ChallengeRecord,
    ) -> Result<Arc<ChallengeView>, CatalogError> {
        self.version_view_blocking(record.id, record.current_version)?
            .ok_or_else(|| CatalogError::CorruptPackage {
                slug: record.slug.clone(),
                version: record.current_version,
                reason: "the version is missing".into(),
            })
    }

    /// The public view of one version (blocking): from the cache, else from
    /// its stored JSON, else (a version stored before views were kept) made
    /// from the package once and stored. `None` when there is no such
    /// version.
    pub fn version_view_blocking(
        &self,
        id: ChallengeId,
        version: u32,
    ) -> Result<Option<Arc<ChallengeView>>, CatalogError> {
        let key = (id, version);
        if let Some(found) = self
            .views
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return Ok(Some(found.clone()));
        }
        let corrupt = |reason: String| CatalogError::CorruptPackage {
            slug: id.to_string(),
            version,
            reason,
        };
        let (stored, published) = match self.db.run_blocking(|conn| {
            let stored = store::view(conn, id, version)?;
            let record = store::find(conn, id)?;
            Ok((stored, record.is_some_and(|r| r.published)))
        })? {
            (Some(stored), published) => (stored, published),
            (None, _) => return Ok(None),
        };
        let mut view: ChallengeView = match stored {
            Some(json) => serde_json::from_str(&json).map_err(|e| corrupt(e.to_string()))?,
            None => {
                let challenge = self
                    .version_blocking(id, version)?
                    .ok_or_else(|| corrupt("the version is missing".into()))?;
                let view = self.make_view(&challenge)?;
                let json = serde_json::to_string(&view).map_err(|e| corrupt(e.to_string()))?;
                self.db
                    .run_blocking(|conn| store::set_view(conn, id, version, &json))?;
                view
            }
        };
        view.version = version;
        view.published = published;
        let view = Arc::new(view);
        self.views
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, view.clone());
        Ok(Some(view))
    }

    /// The view of a challenge about to be stored (blocking: a SQL
    /// challenge's visible datasets are read in the sandbox).
    fn make_view(&self, challenge: &Challenge) -> Result<ChallengeView, CatalogError> {
        let previews =
            match &challenge.spec {
                Spec::Sql(spec) => crate::grading::sql::preview_tables(&self.grader, spec)
                    .map_err(|e| CatalogError::View {
                        slug: challenge.slug.clone(),
                        reason: e.to_string(),
                    })?,
                _ => Vec::new(),
            };
        Ok(ChallengeView::new(challenge, 0, false, previews))
    }

    pub fn grader(&self) -> &Grader {
        &self.grader
    }

    /// Imports the package in `dir` (blocking). Checks run only when the
    /// package changed since the stored version; `cancel` stops them (a
    /// server shutting down does not wait for a library's solutions).
    pub fn import_package(
        &self,
        dir: &Path,
        cancel: &rehearse_sandbox::CancelToken,
    ) -> Result<Imported, CatalogError> {
        // A cheap look first: an unchanged package needs no checks.
        if let Ok(package) = load_package(dir, crate::harness::SUPPORT) {
            if let Some(unchanged) = self.unchanged(&package)? {
                return Ok(unchanged);
            }
        }
        let check = check_package(&self.grader, dir, cancel);
        if cancel.is_cancelled() {
            return Ok(Imported::Interrupted);
        }
        let (Some(challenge), Some(hash), true) = (&check.challenge, &check.hash, check.passed())
        else {
            return Ok(Imported::Refused(Box::new(check)));
        };
        self.store_library_version(dir, challenge, hash, CheckStatus::Passed)
    }

    /// `Imported::Unchanged` when `package` is the stored current version.
    fn unchanged(
        &self,
        package: &crate::challenges::Package,
    ) -> Result<Option<Imported>, CatalogError> {
        let slug = package.challenge.slug.as_str();
        let stored = self
            .db
            .run_blocking(|conn| store::current_hash(conn, slug))?;
        if stored.as_deref() != Some(package.hash.as_str()) {
            return Ok(None);
        }
        let record = self
            .db
            .run_blocking(|conn| store::find_by_slug(conn, slug))?;
        Ok(Some(Imported::Unchanged {
            version: record.map(|r| r.current_version).unwrap_or(1),
        }))
    }

    /// Stores a package folder's challenge as its next version, with the
    /// folder's files kept beside it for export and editing (a package
    /// that loaded but cannot be read as files is refused, not stored
    /// without).
    fn store_library_version(
        &self,
        dir: &Path,
        challenge: &Challenge,
        hash: &str,
        check: CheckStatus,
    ) -> Result<Imported, CatalogError> {
        let files = crate::challenges::files::read_files(dir).map_err(|reason| {
            CatalogError::PackageFiles {
                dir: dir.display().to_string(),
                reason,
            }
        })?;
        let (_, version) =
            self.save(challenge, hash, Origin::Library, None, Some(&files), check)?;
        Ok(if version == 1 {
            Imported::Created { version }
        } else {
            Imported::NewVersion { version }
        })
    }

    /// Stores a checked challenge as a new, published version.
    pub fn save(
        &self,
        challenge: &Challenge,
        hash: &str,
        origin: Origin,
        author: Option<crate::domain::UserId>,
        files: Option<&std::collections::BTreeMap<String, String>>,
        check: CheckStatus,
    ) -> Result<(ChallengeId, u32), CatalogError> {
        let json = |what: &str, e: serde_json::Error| {
            CatalogError::Internal(format!(
                "cannot serialise {what} of {}: {e}",
                challenge.slug
            ))
        };
        let package_json = serde_json::to_string(challenge).map_err(|e| json("the package", e))?;
        let files_json = files
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| json("the files", e))?;
        let view_json =
            serde_json::to_string(&self.make_view(challenge)?).map_err(|e| json("the view", e))?;
        let new = NewVersion {
            slug: &challenge.slug,
            kind: challenge.kind(),
            title: &challenge.title,
            difficulty: challenge.difficulty,
            skills: &challenge.skills,
            tags: &challenge.tags,
            points: challenge.points,
            content_hash: hash,
            package_json: &package_json,
            files_json: files_json.as_deref(),
            view_json: &view_json,
            check,
        };
        Ok(self
            .db
            .run_blocking(|conn| store::save_version(conn, &new, origin, author, true))?)
    }

    /// A challenge's catalog row and its current version (the whole
    /// package, for checking answers against it), by slug.
    pub async fn current(
        &self,
        slug: &Slug,
    ) -> Result<Option<(ChallengeRecord, Arc<Challenge>)>, CatalogError> {
        match self.record(slug).await? {
            Some(record) => self.with_current_version(record).await,
            None => Ok(None),
        }
    }

    /// [`Self::current`], by id (a timed session keeps its problems' ids).
    pub async fn current_by_id(
        &self,
        id: ChallengeId,
    ) -> Result<Option<(ChallengeRecord, Arc<Challenge>)>, CatalogError> {
        match self.db.run(move |conn| store::find(conn, id)).await? {
            Some(record) => self.with_current_version(record).await,
            None => Ok(None),
        }
    }

    /// The current versions' views of several challenges, by id, read on
    /// one blocking task; challenges that no longer exist are left out.
    pub async fn current_views(
        &self,
        ids: Vec<ChallengeId>,
    ) -> Result<HashMap<ChallengeId, Arc<ChallengeView>>, CatalogError> {
        self.on_blocking_pool(move |catalog| {
            let mut found = HashMap::new();
            for id in ids {
                let Some(record) = catalog.db.run_blocking(|conn| store::find(conn, id))? else {
                    continue;
                };
                if let Some(view) = catalog.version_view_blocking(id, record.current_version)? {
                    found.insert(id, view);
                }
            }
            Ok(found)
        })
        .await
    }

    async fn with_current_version(
        &self,
        record: ChallengeRecord,
    ) -> Result<Option<(ChallengeRecord, Arc<Challenge>)>, CatalogError> {
        let (id, version) = (record.id, record.current_version);
        let challenge = self
            .on_blocking_pool(move |catalog| catalog.version_blocking(id, version))
            .await?;
        Ok(challenge.map(|c| (record, c)))
    }

    /// A challenge's public view, by slug, when `viewer` may see it (see
    /// [`visible_to`]): what pages and the API show.
    pub async fn view(
        &self,
        viewer: Option<&User>,
        slug: &Slug,
    ) -> Result<Option<Arc<ChallengeView>>, CatalogError> {
        let Some(record) = self.record(slug).await? else {
            return Ok(None);
        };
        if !visible_to(&record, viewer) {
            return Ok(None);
        }
        let view = self
            .on_blocking_pool(move |catalog| catalog.view_blocking(&record))
            .await?;
        Ok(Some(view))
    }

    /// The public views of several versions at once, read on one blocking
    /// task (a list of submissions names a handful); missing versions are
    /// left out.
    pub async fn version_views(
        &self,
        versions: BTreeSet<(ChallengeId, u32)>,
    ) -> Result<HashMap<(ChallengeId, u32), Arc<ChallengeView>>, CatalogError> {
        if versions.is_empty() {
            return Ok(HashMap::new());
        }
        self.on_blocking_pool(move |catalog| {
            let mut found = HashMap::new();
            for (id, version) in versions {
                if let Some(view) = catalog.version_view_blocking(id, version)? {
                    found.insert((id, version), view);
                }
            }
            Ok(found)
        })
        .await
    }

    /// Runs `f` (which may read the database or the sandbox) on tokio's
    /// blocking pool.
    async fn on_blocking_pool<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Catalog) -> Result<T, CatalogError> + Send + 'static,
    ) -> Result<T, CatalogError> {
        let catalog = self.clone();
        tokio::task::spawn_blocking(move || f(&catalog))
            .await
            .map_err(|e| CatalogError::Internal(format!("a catalog task failed: {e}")))?
    }

    /// A challenge's catalog row, by slug.
    pub async fn record(&self, slug: &Slug) -> Result<Option<ChallengeRecord>, CatalogError> {
        let slug = slug.to_string();
        Ok(self
            .db
            .run(move |conn| store::find_by_slug(conn, &slug))
            .await?)
    }

    pub async fn list(&self) -> Result<Vec<ChallengeRecord>, CatalogError> {
        Ok(self.db.run(store::list).await?)
    }
}

/// Who may see a challenge: anyone once it is published; instructors and
/// admins before that too (to try it out). Pages, the API, answers and the
/// catalog's list all ask here.
pub fn visible_to(record: &ChallengeRecord, viewer: Option<&User>) -> bool {
    record.published || viewer.is_some_and(|u| u.role >= Role::Instructor)
}

/// A one-line account of a failed check, for logs and the command line.
pub fn describe_refusal(check: &PackageCheck) -> Vec<String> {
    let mut out: Vec<String> = check.problems.iter().map(Problem::to_string).collect();
    out.extend(check.lines.iter().filter(|l| !l.ok).map(|l: &CheckLine| {
        format!("{}/{} {}: {}", check.name, l.path, l.expectation, l.outcome)
    }));
    out
}

/// Each challenge's number: its place in the order challenges were added
/// (ties, as a library imported in one go, by slug).
fn numbers(records: &[ChallengeRecord]) -> HashMap<ChallengeId, usize> {
    let mut order: Vec<&ChallengeRecord> = records.iter().collect();
    order.sort_by(|a, b| {
        a.created_at
            .cmp(&b.created_at)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    order
        .into_iter()
        .enumerate()
        .map(|(i, r)| (r.id, i + 1))
        .collect()
}

/// How a user stands on a challenge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Standing {
    Solved,
    Attempted,
    New,
}

/// One challenge as the catalog lists it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Entry {
    /// The challenge's number on this server: its place in the order
    /// challenges were added (stable, like a problem number).
    pub number: usize,
    pub slug: String,
    pub title: String,
    pub kind: Kind,
    pub difficulty: Difficulty,
    pub skills: Vec<String>,
    pub tags: Vec<String>,
    pub points: u32,
    pub published: bool,
    /// Accepted share of graded submissions, when there are any.
    pub acceptance: Option<f64>,
    pub submissions: u64,
    pub standing: Standing,
    pub best_score: Option<f64>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// What the catalog is asked for; every field optional.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: Option<Kind>,
    pub difficulty: Option<Difficulty>,
    pub skill: Option<String>,
    pub tag: Option<String>,
    pub standing: Option<Standing>,
    /// Words that must all appear in the title or statement.
    pub query: Option<String>,
    pub sort: Sort,
    pub page: usize,
    pub per_page: usize,
    /// Return one matching challenge at random (unsolved ones first)
    /// instead of a page.
    pub random: bool,
}

impl Filter {
    /// Whether a challenge passes the filters read from its catalog row
    /// (kind, difficulty, skill, tag); words and standing need more.
    fn admits(&self, record: &ChallengeRecord) -> bool {
        self.kind.is_none_or(|k| k == record.kind)
            && self.difficulty.is_none_or(|d| d == record.difficulty)
            && self
                .skill
                .as_deref()
                .is_none_or(|s| record.skills.iter().any(|k| k == s))
            && self
                .tag
                .as_deref()
                .is_none_or(|t| record.tags.iter().any(|k| k.eq_ignore_ascii_case(t)))
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Number,
    Title,
    Difficulty,
    Acceptance,
    Newest,
}

/// A page of the catalog.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Page {
    pub entries: Vec<Entry>,
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    /// Every tag of a challenge the viewer may see, for a tag filter.
    pub tags: Vec<String>,
}

impl Catalog {
    /// The catalog as `viewer` sees it: published challenges (instructors
    /// see unpublished ones too), filtered, sorted and paged.
    pub async fn browse(
        &self,
        viewer: Option<&User>,
        filter: &Filter,
    ) -> Result<Page, CatalogError> {
        let user_id = viewer.map(|u| u.id);
        let (records, stats, best) = self
            .db
            .run(move |conn| {
                let records = store::list(conn)?;
                let stats = crate::db::submissions::challenge_stats(conn)?;
                let graded = match user_id {
                    Some(user) => crate::db::submissions::graded_of_user(conn, user)?,
                    None => Vec::new(),
                };
                Ok((records, stats, graded))
            })
            .await?;
        let stats: HashMap<ChallengeId, Acceptance> = stats.into_iter().collect();
        let best = crate::domain::best_per(best);
        let numbers = numbers(&records);
        let mut tags: Vec<String> = records
            .iter()
            .filter(|r| visible_to(r, viewer))
            .flat_map(|r| r.tags.iter().cloned())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        tags.sort_by_key(|t| t.to_lowercase());
        let words: Vec<String> = filter
            .query
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        // Each candidate, and whether its title holds every word.
        let candidates: Vec<(ChallengeRecord, bool)> = records
            .into_iter()
            .filter(|record| visible_to(record, viewer) && filter.admits(record))
            .map(|record| {
                let title = record.title.to_lowercase();
                let in_title = words.iter().all(|w| title.contains(w.as_str()));
                (record, in_title)
            })
            .collect();
        // Words not in a title are looked for in the statement, read from
        // the versions' views — all of them in one blocking task.
        let statements = self
            .version_views(
                candidates
                    .iter()
                    .filter(|(_, in_title)| !in_title)
                    .map(|(r, _)| (r.id, r.current_version))
                    .collect(),
            )
            .await?;
        let mut entries = Vec::new();
        for (record, in_title) in candidates {
            if !in_title {
                let found = statements
                    .get(&(record.id, record.current_version))
                    .is_some_and(|view| view.mentions_all(&words));
                if !found {
                    continue;
                }
            }
            let figures = stats.get(&record.id).copied().unwrap_or_default();
            let mine = best.get(&record.id);
            let standing = match mine {
                Some(best) if best.solved => Standing::Solved,
                Some(_) => Standing::Attempted,
                None => Standing::New,
            };
            if filter.standing.is_some_and(|s| s != standing) {
                continue;
            }
            entries.push(Entry {
                number: numbers.get(&record.id).copied().unwrap_or(0),
                acceptance: crate::domain::acceptance(figures.graded, figures.accepted),
                submissions: figures.graded,
                standing,
                best_score: mine.map(|best| best.score),
                slug: record.slug,
                title: record.title,
                kind: record.kind,
                difficulty: record.difficulty,
                skills: record.skills,
                tags: record.tags,
                points: record.points,
                published: record.published,
                created_at: record.created_at,
            });
        }
        if filter.random {
            // Unsolved first: a random pick is for something new to do.
            let fresh: Vec<&Entry> = entries
                .iter()
                .filter(|e| e.standing != Standing::Solved)
                .collect();
            let pool: Vec<&Entry> = if fresh.is_empty() {
                entries.iter().collect()
            } else {
                fresh
            };
            let picked = (!pool.is_empty()).then(|| {
                use rand::Rng;
                pool[rand::thread_rng().gen_range(0..pool.len())].clone()
            });
            let total = usize::from(picked.is_some());
            return Ok(Page {
                entries: picked.into_iter().collect(),
                total,
                page: 1,
                per_page: 1,
                tags,
            });
        }
        match filter.sort {
            Sort::Number => entries.sort_by_key(|e| e.number),
            Sort::Title => entries.sort_by_key(|e| e.title.to_lowercase()),
            Sort::Difficulty => entries.sort_by(|a, b| {
                a.difficulty
                    .cmp(&b.difficulty)
                    .then_with(|| a.title.cmp(&b.title))
            }),
            Sort::Acceptance => entries.sort_by(|a, b| {
                b.acceptance
                    .unwrap_or(-1.0)
                    .total_cmp(&a.acceptance.unwrap_or(-1.0))
                    .then_with(|| a.title.cmp(&b.title))
            }),
            Sort::Newest => entries.sort_by(|a, b| {
                b.created_at
                    .cmp(&a.created_at)
                    .then_with(|| a.title.cmp(&b.title))
            }),
        }
        // The API checks 1–100; callers inside ask for everything.
        let per_page = filter.per_page.max(1);
        let page = filter.page.max(1);
        let total = entries.len();
        let entries = entries
            .into_iter()
            .skip((page - 1).saturating_mul(per_page))
            .take(per_page)
            .collect();
        Ok(Page {
            entries,
            total,
            page,
            per_page,
            tags,
        })
    }
}

/// A challenge to do next.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Suggestion {
    pub slug: String,
    pub title: String,
    pub kind: Kind,
    pub difficulty: Difficulty,
}

impl Catalog {
    /// What `user` might do next: after `after` (a challenge just solved),
    /// the easiest unsolved one of the same kind at the same difficulty or
    /// above; with nothing to go on, the easiest unsolved code challenge
    /// (the usual first step), then anything unsolved.
    pub async fn suggest(
        &self,
        user: &User,
        after: Option<&Slug>,
    ) -> Result<Option<Suggestion>, CatalogError> {
        let page = self
            .browse(
                Some(user),
                &Filter {
                    per_page: usize::MAX,
                    ..Filter::default()
                },
            )
            .await?;
        let mut open: Vec<&Entry> = page
            .entries
            .iter()
            .filter(|e| e.published && e.standing != Standing::Solved)
            .filter(|e| after.is_none_or(|a| e.slug != a.as_str()))
            .collect();
        // Attempted ones are unfinished business: first.
        open.sort_by_key(|e| (e.standing != Standing::Attempted, e.difficulty, e.number));
        let current = after.and_then(|a| page.entries.iter().find(|e| e.slug == a.as_str()));
        let pick = match current {
            Some(done) => open
                .iter()
                .find(|e| e.kind == done.kind && e.difficulty >= done.difficulty)
                .or_else(|| open.iter().find(|e| e.kind == done.kind))
                .or_else(|| open.first()),
            None => open
                .iter()
                .find(|e| e.kind == Kind::Code)
                .or_else(|| open.first()),
        };
        Ok(pick.map(|e| Suggestion {
            slug: e.slug.clone(),
            title: e.title.clone(),
            kind: e.kind,
            difficulty: e.difficulty,
        }))
    }
}
