//! How a mock interview went, computed from its answers on request (never
//! stored, so a review of a design answer shows in the report at once).
//! The rules — what counts per problem, the overall score, the bands — are
//! here and nowhere else; the page explains them from `BANDS`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::challenges::skills;
use crate::domain::{points, Difficulty, Graded, Kind, Mode, Status, Verdict};

/// The hiring bands, from the top: a band applies from its share of the
/// points up. Calibrated so "hire" needs most of the problems solved and
/// "strong hire" nearly everything, as a real loop expects.
pub const BANDS: &[(Band, f64)] = &[
    (Band::StrongHire, 0.85),
    (Band::Hire, 0.70),
    (Band::LeanNo, 0.50),
    (Band::NoHire, 0.0),
];

/// The bands in words, for the pages: "strong hire from 85 %, hire from
/// 70 %, lean no from 50 %, no hire below 50 %".
pub fn band_rule() -> String {
    let mut parts = Vec::new();
    let mut previous = 0.0;
    for (band, from) in BANDS {
        let name = band.name().to_lowercase();
        if *from > 0.0 {
            parts.push(format!("{name} from {} %", (from * 100.0).round()));
        } else {
            parts.push(format!("{name} below {} %", (previous * 100.0_f64).round()));
        }
        previous = *from;
    }
    parts.join(", ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    StrongHire,
    Hire,
    LeanNo,
    NoHire,
}

impl Band {
    pub fn for_score(score: f64) -> Band {
        BANDS
            .iter()
            .find(|(_, from)| score >= *from)
            .map_or(Band::NoHire, |(band, _)| *band)
    }

    pub fn name(self) -> &'static str {
        match self {
            Band::StrongHire => "Strong hire",
            Band::Hire => "Hire",
            Band::LeanNo => "Lean no",
            Band::NoHire => "No hire",
        }
    }
}

/// One answer sent in the interview, as the report needs it.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub problem: usize,
    pub mode: Mode,
    pub status: Status,
    pub graded: Graded,
    pub created_at: DateTime<Utc>,
}

/// A problem as posed.
#[derive(Debug, Clone)]
pub struct Posed {
    pub slug: String,
    pub title: String,
    pub kind: Kind,
    pub difficulty: Difficulty,
    pub skills: Vec<String>,
    pub points: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ProblemOutcome {
    pub slug: String,
    pub title: String,
    #[schema(value_type = String)]
    pub kind: Kind,
    #[schema(value_type = String)]
    pub difficulty: Difficulty,
    /// The best submission's verdict (a design answer's too).
    #[schema(value_type = Option<String>)]
    pub verdict: Option<Verdict>,
    /// The best counted score, 0–1 (0 with nothing submitted).
    pub score: f64,
    pub points: u32,
    pub max_points: u32,
    pub solved: bool,
    /// Seconds from the start to the first accepted submission.
    pub first_accepted_after_seconds: Option<i64>,
    /// Submissions (scored) and runs (not scored).
    pub submissions: u32,
    pub runs: u32,
    /// Answers still waiting to be graded: the report is not final yet.
    pub pending: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct SkillOutcome {
    pub skill: String,
    pub name: String,
    /// The points-weighted score of the problems training this skill.
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Report {
    pub problems: Vec<ProblemOutcome>,
    pub skills: Vec<SkillOutcome>,
    /// Points earned over points possible, 0–1.
    pub score: f64,
    pub points: u32,
    pub max_points: u32,
    pub band: Band,
    pub band_name: String,
    /// Some answers are still being graded.
    pub pending: bool,
}

/// The report of an interview that started at `started_at`.
pub fn report(posed: &[Posed], attempts: &[Attempt], started_at: DateTime<Utc>) -> Report {
    let problems: Vec<ProblemOutcome> = posed
        .iter()
        .enumerate()
        .map(|(i, p)| outcome(p, attempts.iter().filter(|a| a.problem == i), started_at))
        .collect();
    let max_points: u32 = problems.iter().map(|p| p.max_points).sum();
    let earned: u32 = problems.iter().map(|p| p.points).sum();
    let score = if max_points == 0 {
        0.0
    } else {
        f64::from(earned) / f64::from(max_points)
    };
    let mut per_skill: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for (p, o) in posed.iter().zip(&problems) {
        for skill in &p.skills {
            let entry = per_skill.entry(skill.as_str()).or_default();
            entry.0 += o.points;
            entry.1 += o.max_points;
        }
    }
    let skills = per_skill
        .into_iter()
        .map(|(skill, (earned, of))| SkillOutcome {
            skill: skill.to_owned(),
            name: skills::display_name(skill).to_owned(),
            score: if of == 0 {
                0.0
            } else {
                f64::from(earned) / f64::from(of)
            },
        })
        .collect();
    let band = Band::for_score(score);
    Report {
        pending: problems.iter().any(|p| p.pending > 0),
        problems,
        skills,
        score,
        points: earned,
        max_points,
        band,
        band_name: band.name().to_owned(),
    }
}

fn outcome<'a>(
    posed: &Posed,
    attempts: impl Iterator<Item = &'a Attempt>,
    started_at: DateTime<Utc>,
) -> ProblemOutcome {
    let mut best: Option<Graded> = None;
    let (mut submissions, mut runs, mut pending) = (0, 0, 0);
    let mut first_accepted = None;
    for a in attempts {
        if matches!(a.status, Status::Queued | Status::Running) {
            pending += 1;
        }
        if a.mode == Mode::Run {
            runs += 1;
            continue;
        }
        submissions += 1;
        if a.graded.accepted() && first_accepted.is_none() {
            first_accepted = Some((a.created_at - started_at).num_seconds().max(0));
        }
        if a.graded.counted_score().is_some()
            && best.is_none_or(|b| a.graded.effective_score() > b.effective_score())
        {
            best = Some(a.graded);
        }
    }
    let score = best.map_or(0.0, |b| b.effective_score());
    ProblemOutcome {
        slug: posed.slug.clone(),
        title: posed.title.clone(),
        kind: posed.kind,
        difficulty: posed.difficulty,
        verdict: best.and_then(|b| b.verdict),
        score,
        points: points(score, posed.points),
        max_points: posed.points,
        solved: first_accepted.is_some(),
        first_accepted_after_seconds: first_accepted,
        submissions,
        runs,
        pending,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posed(points: u32, skills: &[&str]) -> Posed {
        Posed {
            slug: "p".into(),
            title: "P".into(),
            kind: Kind::Code,
            difficulty: Difficulty::Medium,
            skills: skills.iter().map(|s| (*s).to_owned()).collect(),
            points,
        }
    }

    fn attempt(problem: usize, mode: Mode, verdict: Verdict, score: f64, minute: i64) -> Attempt {
        Attempt {
            problem,
            mode,
            status: Status::Done,
            graded: Graded {
                verdict: Some(verdict),
                score: Some(score),
                override_score: None,
            },
            created_at: DateTime::<Utc>::UNIX_EPOCH + chrono::Duration::minutes(minute),
        }
    }

    #[test]
    fn the_band_rule_reads_as_a_sentence() {
        assert_eq!(
            band_rule(),
            "strong hire from 85 %, hire from 70 %, lean no from 50 %, no hire below 50 %"
        );
    }

    #[test]
    fn bands_start_at_their_thresholds() {
        assert_eq!(Band::for_score(1.0), Band::StrongHire);
        assert_eq!(Band::for_score(0.85), Band::StrongHire);
        assert_eq!(Band::for_score(0.8499), Band::Hire);
        assert_eq!(Band::for_score(0.70), Band::Hire);
        assert_eq!(Band::for_score(0.5), Band::LeanNo);
        assert_eq!(Band::for_score(0.49), Band::NoHire);
        assert_eq!(Band::for_score(0.0), Band::NoHire);
    }

    #[test]
    fn the_best_submission_counts_and_runs_only_count_as_runs() {
        let posed = [posed(100, &["graphs"]), posed(200, &["graphs", "trees"])];
        let attempts = [
            attempt(0, Mode::Run, Verdict::Accepted, 1.0, 3),
            attempt(0, Mode::Submit, Verdict::WrongAnswer, 0.4, 5),
            attempt(0, Mode::Submit, Verdict::Accepted, 1.0, 12),
            attempt(1, Mode::Submit, Verdict::WrongAnswer, 0.25, 30),
        ];
        let r = report(&posed, &attempts, DateTime::<Utc>::UNIX_EPOCH);
        assert_eq!(r.problems[0].submissions, 2);
        assert_eq!(r.problems[0].runs, 1);
        assert_eq!(r.problems[0].first_accepted_after_seconds, Some(720));
        assert_eq!(r.problems[0].points, 100);
        assert_eq!(r.problems[1].points, 50);
        assert!(!r.problems[1].solved);
        assert_eq!((r.points, r.max_points), (150, 300));
        assert_eq!(r.band, Band::LeanNo);
        // Graphs: 150 of 300; trees: 50 of 200.
        assert_eq!(r.skills[0].skill, "graphs");
        assert!((r.skills[0].score - 0.5).abs() < 1e-9);
        assert!((r.skills[1].score - 0.25).abs() < 1e-9);
    }

    #[test]
    fn nothing_submitted_scores_nothing() {
        let r = report(&[posed(100, &[])], &[], DateTime::<Utc>::UNIX_EPOCH);
        assert_eq!(r.points, 0);
        assert_eq!(r.problems[0].verdict, None);
        assert_eq!(r.band, Band::NoHire);
        assert!(!r.pending);
    }
}
