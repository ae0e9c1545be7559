//! Progress: what a user's record adds up to (the dashboard) and how users
//! compare (the leaderboard). Points for a challenge are the best effective
//! score of the user's submissions (an instructor's override counts) times
//! the challenge's points; runs count as activity but earn nothing.

mod charts;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;

use crate::challenges::skills;
use crate::db::challenges::{self as challenge_store, ChallengeRecord};
use crate::db::submissions::{self as store, ScoreEvent};
use crate::db::{users, Db, DbError};
use crate::domain::{best_per, Best, ChallengeId, Difficulty, Kind, Mode, User, UserId, Verdict};

#[derive(Clone)]
pub struct Progress {
    db: Db,
}

#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub key: String,
    pub name: String,
    pub solved: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Recent {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub mode: Mode,
    pub verdict: Option<Verdict>,
    pub kind: Kind,
    /// The score that counts (0–1), for design answers' "Scored 41 %".
    pub score: Option<f64>,
    pub points: Option<u32>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Dashboard {
    pub points: u32,
    pub max_points: u32,
    pub solved: usize,
    pub attempted: usize,
    pub by_kind: Vec<Count>,
    pub by_difficulty: Vec<Count>,
    pub skills: Vec<Count>,
    pub streak: u32,
    pub longest_streak: u32,
    pub active_days: usize,
    /// Server-rendered SVG, readable without JavaScript.
    pub score_chart: String,
    pub calendar: String,
    pub recent: Vec<Recent>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    AllTime,
    Last30Days,
}

#[derive(Debug, Clone, Serialize)]
pub struct LeaderRow {
    pub rank: usize,
    pub user_id: String,
    pub display_name: String,
    pub points: u32,
    pub solved: usize,
}

/// The user's best per challenge, from submissions (runs earn nothing).
fn best_scores(events: &[ScoreEvent]) -> HashMap<ChallengeId, Best> {
    best_per(
        events
            .iter()
            .filter(|e| e.mode == Mode::Submit)
            .map(|e| (e.challenge_id, e.graded)),
    )
}

impl Progress {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    pub async fn dashboard(&self, user: &User) -> Result<Dashboard, DbError> {
        let user_id = user.id;
        let (records, events) = self
            .db
            .run(move |conn| {
                Ok((
                    challenge_store::list(conn)?,
                    store::score_events(conn, Some(user_id), None)?,
                ))
            })
            .await?;
        Ok(dashboard_from(&records, &events, Utc::now()))
    }

    pub async fn leaderboard(
        &self,
        skill: Option<&str>,
        window: Window,
        limit: usize,
    ) -> Result<Vec<LeaderRow>, DbError> {
        let since = match window {
            Window::AllTime => None,
            Window::Last30Days => Some(Utc::now() - Duration::days(30)),
        };
        let (records, events, names) = self
            .db
            .run(move |conn| {
                Ok((
                    challenge_store::list(conn)?,
                    store::score_events(conn, None, since)?,
                    users::display_names(conn)?,
                ))
            })
            .await?;
        let records: HashMap<ChallengeId, &ChallengeRecord> =
            records.iter().map(|r| (r.id, r)).collect();
        let mut per_user: HashMap<UserId, Vec<ScoreEvent>> = HashMap::new();
        for e in events {
            let counts = records
                .get(&e.challenge_id)
                .is_some_and(|r| skill.is_none_or(|s| r.skills.iter().any(|k| k == s)));
            if counts {
                per_user.entry(e.user_id).or_default().push(e);
            }
        }
        let mut rows: Vec<LeaderRow> = per_user
            .into_iter()
            .filter_map(|(user, events)| {
                let best = best_scores(&events);
                let points: u32 = best
                    .iter()
                    .map(|(c, b)| {
                        records
                            .get(c)
                            .map_or(0, |r| crate::domain::points(b.score, r.points))
                    })
                    .sum();
                let solved = best.values().filter(|b| b.solved).count();
                (points > 0).then(|| LeaderRow {
                    rank: 0,
                    user_id: user.to_string(),
                    display_name: names
                        .get(&user)
                        .cloned()
                        .unwrap_or_else(|| "someone".into()),
                    points,
                    solved,
                })
            })
            .collect();
        rows.sort_by(|a, b| {
            b.points
                .cmp(&a.points)
                .then(b.solved.cmp(&a.solved))
                .then_with(|| a.display_name.cmp(&b.display_name))
        });
        // Equal points share a rank (1, 2, 2, 4).
        let mut previous: Option<(u32, usize)> = None;
        for (i, row) in rows.iter_mut().enumerate() {
            row.rank = match previous {
                Some((points, rank)) if points == row.points => rank,
                _ => i + 1,
            };
            previous = Some((row.points, row.rank));
        }
        rows.truncate(limit);
        Ok(rows)
    }
}

/// The dashboard, computed from the catalog and the user's graded answers.
pub fn dashboard_from(
    records: &[ChallengeRecord],
    events: &[ScoreEvent],
    now: DateTime<Utc>,
) -> Dashboard {
    let published: Vec<&ChallengeRecord> = records.iter().filter(|r| r.published).collect();
    let by_id: HashMap<ChallengeId, &ChallengeRecord> = records.iter().map(|r| (r.id, r)).collect();
    let best = best_scores(events);
    let points_of = |c: &ChallengeId, score: f64| {
        by_id
            .get(c)
            .map_or(0, |r| crate::domain::points(score, r.points))
    };
    let points: u32 = best.iter().map(|(c, b)| points_of(c, b.score)).sum();
    let solved_ids: HashSet<ChallengeId> = best
        .iter()
        .filter(|(_, b)| b.solved)
        .map(|(c, _)| *c)
        .collect();

    let count = |key: &str, name: &str, pick: &dyn Fn(&ChallengeRecord) -> bool| Count {
        key: key.to_owned(),
        name: name.to_owned(),
        solved: published
            .iter()
            .filter(|r| pick(r) && solved_ids.contains(&r.id))
            .count(),
        total: published.iter().filter(|r| pick(r)).count(),
    };
    let by_kind = Kind::ALL
        .iter()
        .map(|&k| count(k.as_str(), k.label(), &|r| r.kind == k))
        .collect();
    let by_difficulty = Difficulty::ALL
        .iter()
        .map(|&d| count(d.as_str(), d.label(), &|r| r.difficulty == d))
        .collect();
    let skills = skills::SKILLS
        .iter()
        .map(|(k, n)| count(k, n, &|r| r.skills.iter().any(|s| s == k)))
        .filter(|c| c.total > 0)
        .collect();

    // Points over time: each submission that beats the best so far adds
    // the difference.
    let mut running: HashMap<ChallengeId, u32> = HashMap::new();
    let mut total = 0u32;
    let mut series: Vec<(DateTime<Utc>, f64)> = Vec::new();
    for e in events.iter().filter(|e| e.mode == Mode::Submit) {
        let before = running.get(&e.challenge_id).copied().unwrap_or(0);
        let now = points_of(&e.challenge_id, e.graded.effective_score());
        if now > before {
            total += now - before;
            running.insert(e.challenge_id, now);
            series.push((e.created_at, f64::from(total)));
        }
    }

    let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for e in events {
        *per_day.entry(e.created_at.date_naive()).or_default() += 1;
    }
    let today = now.date_naive();
    let (streak, longest) = streaks(&per_day, today);

    let recent = events
        .iter()
        .rev()
        .take(10)
        .filter_map(|e| {
            by_id.get(&e.challenge_id).map(|r| Recent {
                id: e.id.to_string(),
                slug: r.slug.clone(),
                title: r.title.clone(),
                mode: e.mode,
                verdict: e.graded.verdict,
                kind: r.kind,
                score: e.graded.counted_score(),
                points: (e.mode == Mode::Submit)
                    .then(|| crate::domain::points(e.graded.effective_score(), r.points)),
                created_at: e.created_at,
            })
        })
        .collect();

    Dashboard {
        points,
        max_points: published.iter().map(|r| r.points).sum(),
        solved: solved_ids.len(),
        attempted: best.len(),
        by_kind,
        by_difficulty,
        skills,
        streak,
        longest_streak: longest,
        active_days: per_day.len(),
        score_chart: charts::score_over_time(&series, now),
        calendar: charts::activity_calendar(&per_day, today),
        recent,
    }
}

/// The current streak (consecutive active days ending today, or yesterday
/// when today has nothing yet) and the longest one.
fn streaks(per_day: &BTreeMap<NaiveDate, usize>, today: NaiveDate) -> (u32, u32) {
    let mut longest = 0u32;
    let mut run = 0u32;
    let mut previous: Option<NaiveDate> = None;
    for day in per_day.keys() {
        run = match previous {
            Some(p) if *day == p + Duration::days(1) => run + 1,
            _ => 1,
        };
        longest = longest.max(run);
        previous = Some(*day);
    }
    let mut current = 0u32;
    let mut day = if per_day.contains_key(&today) {
        today
    } else {
        today - Duration::days(1)
    };
    while per_day.contains_key(&day) {
        current += 1;
        day -= Duration::days(1);
    }
    (current, longest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn streaks_count_consecutive_days_ending_today_or_yesterday() {
        let days: BTreeMap<NaiveDate, usize> = [
            "2026-11-01",
            "2026-11-02",
            "2026-11-03",
            "2026-11-10",
            "2026-11-11",
        ]
        .iter()
        .map(|d| (day(d), 1))
        .collect();
        assert_eq!(streaks(&days, day("2026-11-11")), (2, 3));
        assert_eq!(streaks(&days, day("2026-11-12")), (2, 3));
        assert_eq!(streaks(&days, day("2026-11-13")), (0, 3));
        assert_eq!(streaks(&BTreeMap::new(), day("2026-11-13")), (0, 0));
    }
}
