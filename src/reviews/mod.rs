//! Instructors' side of grading: per-challenge statistics, and the review
//! queue where a system-design answer's automatic score can be overridden
//! with a comment the candidate sees.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Serialize;

use crate::catalog::{Catalog, CatalogError};
use crate::challenges::Slug;
use crate::db::submissions as store;
use crate::db::{users, Db, DbError};
use crate::domain::{ChallengeId, Mode, Role, Status, SubmissionId, User, Verdict};
use crate::submissions::{SubmissionError, SubmissionView, Submissions};

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("{0}")]
    NotFound(String),
    #[error("only instructors see this")]
    Forbidden,
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Submissions(#[from] SubmissionError),
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ChallengeStats {
    pub slug: String,
    pub title: String,
    pub attempts: usize,
    pub users: usize,
    pub solvers: usize,
    pub accepted: usize,
    pub acceptance: Option<f64>,
    /// Submissions per verdict.
    pub verdicts: BTreeMap<Verdict, usize>,
    /// Submissions per score decile: [0–10 %), [10–20 %) … [90–100 %].
    pub scores: Vec<usize>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct QueueItem {
    pub id: SubmissionId,
    pub challenge: String,
    pub challenge_title: String,
    pub candidate: String,
    pub score: Option<f64>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Clone)]
pub struct Reviews {
    db: Db,
    catalog: Catalog,
    submissions: Submissions,
}

impl Reviews {
    pub fn new(db: Db, catalog: Catalog, submissions: Submissions) -> Self {
        Self {
            db,
            catalog,
            submissions,
        }
    }

    pub async fn stats(&self, viewer: &User, slug: &Slug) -> Result<ChallengeStats, ReviewError> {
        if viewer.role < Role::Instructor {
            return Err(ReviewError::Forbidden);
        }
        let record = self
            .catalog
            .record(slug)
            .await?
            .ok_or_else(|| ReviewError::NotFound(format!("no challenge `{slug}`")))?;
        let id = record.id;
        let rows = self
            .db
            .run(move |conn| store::of_challenge(conn, id))
            .await?;
        let mut verdicts: BTreeMap<Verdict, usize> = BTreeMap::new();
        let mut scores = vec![0usize; 10];
        let mut users = HashSet::new();
        let mut solvers = HashSet::new();
        for (user, graded) in &rows {
            users.insert(*user);
            if graded.accepted() {
                solvers.insert(*user);
            }
            let verdict = graded.verdict.unwrap_or(Verdict::InternalError);
            *verdicts.entry(verdict).or_default() += 1;
            let bucket = ((graded.effective_score() * 10.0).floor() as usize).min(9);
            scores[bucket] += 1;
        }
        let accepted = verdicts.get(&Verdict::Accepted).copied().unwrap_or(0);
        Ok(ChallengeStats {
            slug: record.slug,
            title: record.title,
            attempts: rows.len(),
            users: users.len(),
            solvers: solvers.len(),
            accepted,
            acceptance: crate::domain::acceptance(rows.len() as u64, accepted as u64),
            verdicts,
            scores,
        })
    }

    /// Design answers waiting for a review (or already reviewed), oldest first.
    pub async fn queue(
        &self,
        viewer: &User,
        reviewed: bool,
    ) -> Result<Vec<QueueItem>, ReviewError> {
        if viewer.role < Role::Instructor {
            return Err(ReviewError::Forbidden);
        }
        let (records, names) = self
            .db
            .run(move |conn| {
                Ok((
                    store::design_submissions(conn, reviewed, 200)?,
                    users::display_names(conn)?,
                ))
            })
            .await?;
        // Each challenge version's title once, from its public view.
        let versions: BTreeSet<(ChallengeId, u32)> = records
            .iter()
            .map(|r| (r.challenge_id, r.challenge_version))
            .collect();
        let views = self.catalog.version_views(versions).await?;
        Ok(records
            .into_iter()
            .filter_map(|record| {
                let view = views.get(&(record.challenge_id, record.challenge_version))?;
                Some(QueueItem {
                    id: record.id,
                    challenge: view.slug.clone(),
                    challenge_title: view.title.clone(),
                    candidate: names.get(&record.user_id).cloned().unwrap_or_default(),
                    score: record.graded.counted_score(),
                    created_at: record.created_at,
                })
            })
            .collect())
    }

    /// Overrides a design answer's score (0–1) with a comment.
    pub async fn review(
        &self,
        viewer: &User,
        id: SubmissionId,
        score: f64,
        comment: &str,
    ) -> Result<SubmissionView, ReviewError> {
        if viewer.role < Role::Instructor {
            return Err(ReviewError::Forbidden);
        }
        if !(0.0..=1.0).contains(&score) || !score.is_finite() {
            return Err(ReviewError::Invalid {
                field: "score",
                message: "a score is between 0 and 100 %".into(),
            });
        }
        let comment = comment.trim();
        if comment.is_empty() || comment.chars().count() > 2000 {
            return Err(ReviewError::Invalid {
                field: "comment",
                message: "explain the review in 1–2000 characters: the candidate reads it".into(),
            });
        }
        if let Some(line) = crate::domain::nul_byte_line(comment) {
            return Err(ReviewError::Invalid {
                field: "comment",
                message: format!("line {line} of the comment holds a NUL byte (\\0); remove it"),
            });
        }
        let view = self.submissions.view(viewer, id).await?;
        let is_design = matches!(view.answer, crate::grading::Answer::Design(_));
        if !is_design || view.mode != Mode::Submit || view.status != Status::Done {
            return Err(ReviewError::Invalid {
                field: "submission",
                message: "only graded system-design submissions are reviewed".into(),
            });
        }
        let (reviewer, comment_owned) = (viewer.id, comment.to_owned());
        let now = crate::db::now();
        let stored = self
            .db
            .run(move |conn| store::set_review(conn, id, score, &comment_owned, reviewer, now))
            .await?;
        if !stored {
            return Err(ReviewError::NotFound("no such submission".into()));
        }
        Ok(self.submissions.view(viewer, id).await?)
    }
}
