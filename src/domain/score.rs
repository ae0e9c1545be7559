//! What a graded submission counts for. Every view of scores — a
//! submission's page, the dashboard, the leaderboard, the catalog's "solved"
//! marks, an instructor's statistics — reads these rules from here.

use std::collections::HashMap;
use std::hash::Hash;

use super::Verdict;

/// A submission's grading as stored: the grader's verdict and score, and an
/// instructor's score if one reviewed it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Graded {
    pub verdict: Option<Verdict>,
    /// The grader's score, 0–1.
    pub score: Option<f64>,
    /// An instructor's score, 0–1.
    pub override_score: Option<f64>,
}

impl Graded {
    /// The score that counts, when there is one: an instructor's review
    /// wins over the grader. `None` before grading, and for an answer that
    /// could not be graded.
    pub fn counted_score(&self) -> Option<f64> {
        self.override_score.or(self.score)
    }

    /// The counted score, an answer without one counting 0.
    pub fn effective_score(&self) -> f64 {
        self.counted_score().unwrap_or(0.0)
    }

    /// Whether it solved the challenge: the grader accepted it. A review
    /// changes the score, not the verdict.
    pub fn accepted(&self) -> bool {
        self.verdict == Some(Verdict::Accepted)
    }
}

/// A user's best on one challenge, over all their submissions (not runs).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Best {
    /// The highest effective score, 0–1.
    pub score: f64,
    /// Any submission was accepted.
    pub solved: bool,
}

impl Best {
    pub fn add(&mut self, graded: &Graded) {
        self.score = self.score.max(graded.effective_score());
        self.solved |= graded.accepted();
    }
}

/// The best per key (a challenge) of graded submissions.
pub fn best_per<K: Eq + Hash>(graded: impl IntoIterator<Item = (K, Graded)>) -> HashMap<K, Best> {
    let mut best: HashMap<K, Best> = HashMap::new();
    for (key, g) in graded {
        best.entry(key).or_default().add(&g);
    }
    best
}

/// The whole points a score (0–1) earns on a challenge worth `of`: every
/// figure of points shown or summed is a whole number on the challenge's
/// own scale, so 0.413 of 200 is 83 and totals add up.
pub fn points(score: f64, of: u32) -> u32 {
    (score.clamp(0.0, 1.0) * f64::from(of)).round() as u32
}

/// Accepted submissions over graded ones, when there are any.
pub fn acceptance(graded: u64, accepted: u64) -> Option<f64> {
    (graded > 0).then(|| accepted as f64 / graded as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_whole_and_on_the_challenges_scale() {
        assert_eq!(points(0.413, 200), 83);
        assert_eq!(points(0.2, 100), 20);
        assert_eq!(points(1.0, 150), 150);
        assert_eq!(
            points(1.7, 100),
            100,
            "a score never earns more than the challenge"
        );
        assert_eq!(points(-0.5, 100), 0);
    }

    fn graded(verdict: Verdict, score: f64, review: Option<f64>) -> Graded {
        Graded {
            verdict: Some(verdict),
            score: Some(score),
            override_score: review,
        }
    }

    #[test]
    fn a_review_counts_over_the_grader_and_the_best_is_kept() {
        assert_eq!(
            graded(Verdict::WrongAnswer, 0.4, Some(0.55)).effective_score(),
            0.55
        );
        assert_eq!(
            graded(Verdict::WrongAnswer, 0.4, Some(0.1)).effective_score(),
            0.1
        );
        assert_eq!(Graded::default().effective_score(), 0.0);
        let best = best_per([
            ("a", graded(Verdict::Accepted, 1.0, None)),
            ("a", graded(Verdict::WrongAnswer, 0.2, Some(0.3))),
            ("b", graded(Verdict::WrongAnswer, 0.4, Some(0.9))),
        ]);
        assert_eq!(
            best["a"],
            Best {
                score: 1.0,
                solved: true
            }
        );
        assert_eq!(
            best["b"],
            Best {
                score: 0.9,
                solved: false
            }
        );
        assert_eq!(acceptance(0, 0), None);
        assert_eq!(acceptance(4, 1), Some(0.25));
    }
}
