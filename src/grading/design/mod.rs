//! Scoring a written system design against its rubric, at once, with an
//! explanation for every point won or missed.
//!
//! How the text is read:
//!
//! - Each section is cut into sentences (a line, or text ending in `.`,
//!   `?`, `!` or `;`); a sentence repeated word for word counts once.
//! - A **concept** counts when one of its terms appears in a sentence that
//!   explains something: each sentence can carry one concept per four
//!   distinct words of its own (words that are not rubric terms or filler).
//!   "We use cache, CDN, sharding, replication" carries none; "a Redis
//!   cache in front of the database absorbs the hot reads" carries one.
//!   A concept found outside the section the rubric expects earns half.
//! - An **estimate** counts when a sentence mentioning one of its cues
//!   holds a number within tolerance (`1,200`, `1.2k`, `12 million`, `3e6`,
//!   `5 TB` are all read).
//! - A **section** counts when it has the words asked for, in at least two
//!   real sentences.
//! - A **penalty** applies when an anti-pattern's term appears without a
//!   negation ("we avoid a single database" is not a single database).
//! - The score is the weight earned (less penalties) over the weight
//!   possible, scaled down for answers shorter than the rubric's expected
//!   length: a list of keywords is not a design.

use serde::{Deserialize, Serialize};

use super::{Report, Verdict};
use crate::challenges::model::{DesignAnswer, DesignSpec, Section};
use crate::challenges::rubric::{Check, Rubric};

mod text;

use text::{find_term, negated, numbers_in, sentences, words_of, Sentence};

/// The score at or above which a design answer is Accepted.
pub const PASS_SCORE: f64 = 0.7;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Feedback {
    pub score: f64,
    /// Weight earned less penalties, before the length scaling.
    pub earned: f64,
    pub possible: u32,
    pub criteria: Vec<CriterionResult>,
    pub penalties: Vec<PenaltyResult>,
    pub words: usize,
    pub expected_words: u32,
    /// The length scaling applied (1.0 for a full-length answer).
    pub length_factor: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CriterionResult {
    pub id: String,
    pub label: String,
    pub weight: u32,
    pub earned: f64,
    /// Where the rubric expects it.
    pub section: Option<Section>,
    /// Where it was found.
    pub found_in: Option<Section>,
    /// The sentence that earned it.
    pub evidence: Option<String>,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PenaltyResult {
    pub id: String,
    pub label: String,
    pub weight: u32,
    pub found_in: Section,
    pub evidence: String,
    pub why: String,
}

pub fn grade(spec: &DesignSpec, answer: &DesignAnswer) -> Report {
    let feedback = score(&spec.rubric, answer);
    Report {
        verdict: if feedback.score >= PASS_SCORE {
            Verdict::Accepted
        } else {
            Verdict::WrongAnswer
        },
        score: feedback.score,
        tests: Vec::new(),
        compile_output: None,
        fuel: 0,
        design: Some(feedback),
    }
}

/// What one criterion's check found.
struct Finding {
    /// Share of the criterion's weight earned, 0–1.
    earned: f64,
    found_in: Option<Section>,
    /// The sentence it rests on.
    evidence: Option<String>,
    explanation: String,
}

impl Finding {
    fn missing(explanation: String) -> Self {
        Finding {
            earned: 0.0,
            found_in: None,
            evidence: None,
            explanation,
        }
    }
}

pub fn score(rubric: &Rubric, answer: &DesignAnswer) -> Feedback {
    let terms: Vec<Vec<String>> = rubric
        .criteria
        .iter()
        .filter_map(|c| match &c.check {
            Check::Concept { terms } => Some(terms.clone()),
            _ => None,
        })
        .flatten()
        .chain(rubric.penalties.iter().flat_map(|p| p.terms.clone()))
        .map(|t| words_of(&t))
        .filter(|t| !t.is_empty())
        .collect();
    let mut sentences = sentences(answer, &terms);
    let words: usize = Section::ALL
        .iter()
        .map(|s| words_of(answer.section(*s)).len())
        .sum();

    let mut results = Vec::new();
    for criterion in &rubric.criteria {
        let found = match &criterion.check {
            Check::Concept { terms } => concept(&mut sentences, terms, criterion.section),
            Check::Estimate {
                value,
                tolerance,
                cues,
            } => estimate(&sentences, *value, *tolerance, cues, criterion.section),
            Check::Section { min_words } => {
                let section = criterion.section.unwrap_or(Section::Requirements);
                section_check(answer, &sentences, section, *min_words)
            }
        };
        let explanation = if found.earned < 1.0 && !criterion.why.is_empty() {
            format!("{} {}", found.explanation, criterion.why)
        } else {
            found.explanation
        };
        results.push(CriterionResult {
            id: criterion.id.clone(),
            label: criterion.label.clone(),
            weight: criterion.weight,
            earned: f64::from(criterion.weight) * found.earned,
            section: criterion.section,
            found_in: found.found_in,
            evidence: found.evidence,
            explanation,
        });
    }

    let mut penalties = Vec::new();
    for penalty in &rubric.penalties {
        let hit = sentences.iter().find(|s| {
            penalty.section.is_none_or(|want| want == s.section)
                && penalty.terms.iter().any(|t| {
                    find_term(&s.words, &words_of(t)).is_some_and(|at| !negated(&s.words, at))
                })
        });
        if let Some(s) = hit {
            penalties.push(PenaltyResult {
                id: penalty.id.clone(),
                label: penalty.label.clone(),
                weight: penalty.weight,
                found_in: s.section,
                evidence: clip(&s.text),
                why: penalty.why.clone(),
            });
        }
    }

    let possible = rubric.total_weight();
    let earned_total: f64 = results.iter().map(|r| r.earned).sum();
    let penalty_total: f64 = penalties.iter().map(|p| f64::from(p.weight)).sum();
    let earned = (earned_total - penalty_total).max(0.0);
    let length_factor = (words as f64 / f64::from(rubric.expected_words)).min(1.0);
    let raw = if possible == 0 {
        0.0
    } else {
        earned / f64::from(possible)
    };
    let score = ((raw * length_factor).clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
    Feedback {
        score,
        earned,
        possible,
        criteria: results,
        penalties,
        words,
        expected_words: rubric.expected_words,
        length_factor,
    }
}

fn concept(sentences: &mut [Sentence], terms: &[String], section: Option<Section>) -> Finding {
    let term_words: Vec<Vec<String>> = terms.iter().map(|t| words_of(t)).collect();
    let mentions = |s: &Sentence| term_words.iter().any(|t| find_term(&s.words, t).is_some());
    // Best place first: the expected section, with room to carry it.
    let pick = sentences
        .iter()
        .position(|s| s.capacity > 0 && section.is_none_or(|want| want == s.section) && mentions(s))
        .map(|i| (i, 1.0))
        .or_else(|| {
            sentences
                .iter()
                .position(|s| s.capacity > 0 && mentions(s))
                .map(|i| (i, 0.5))
        });
    if let Some((i, fraction)) = pick {
        let s = &mut sentences[i];
        s.capacity -= 1;
        let explanation = if fraction < 1.0 {
            format!(
                "Found under {}, but it belongs under {}: half credit.",
                s.section.title(),
                section.map(Section::title).unwrap_or("its section")
            )
        } else {
            format!("Covered under {}.", s.section.title())
        };
        return Finding {
            earned: fraction,
            found_in: Some(s.section),
            evidence: Some(clip(&s.text)),
            explanation,
        };
    }
    if let Some(s) = sentences.iter().find(|s| mentions(s)) {
        return Finding {
            earned: 0.0,
            found_in: Some(s.section),
            evidence: Some(clip(&s.text)),
            explanation: format!(
                "Named under {}, but not explained: a term in a list, or in a sentence already carrying other points, earns nothing.",
                s.section.title()
            ),
        };
    }
    let place = section
        .map(|s| format!(" under {}", s.title()))
        .unwrap_or_default();
    // The rubric's label and reason say what was missing; the terms it
    // looks for stay unsaid, so feedback teaches the idea, not words to
    // paste in.
    Finding::missing(format!("Not covered{place}."))
}

fn estimate(
    sentences: &[Sentence],
    value: f64,
    tolerance: f64,
    cues: &[String],
    section: Option<Section>,
) -> Finding {
    let cue_words: Vec<Vec<String>> = cues.iter().map(|c| words_of(c)).collect();
    let mut near_miss: Option<(&Sentence, f64)> = None;
    for s in sentences
        .iter()
        .filter(|s| section.is_none_or(|want| want == s.section))
    {
        if !cue_words.iter().any(|c| find_term(&s.words, c).is_some()) {
            continue;
        }
        for number in numbers_in(&s.text) {
            let ratio = if number > value {
                number / value
            } else {
                value / number.max(f64::MIN_POSITIVE)
            };
            if ratio <= 1.0 + tolerance {
                return Finding {
                    earned: 1.0,
                    found_in: Some(s.section),
                    evidence: Some(clip(&s.text)),
                    explanation: format!(
                        "{} is within {:.0} % of {}.",
                        human(number),
                        tolerance * 100.0,
                        human(value)
                    ),
                };
            }
            if near_miss.is_none() {
                near_miss = Some((s, number));
            }
        }
    }
    match near_miss {
        Some((s, number)) => Finding {
            earned: 0.0,
            found_in: Some(s.section),
            evidence: Some(clip(&s.text)),
            explanation: format!(
                "Estimated {}, but a sound estimate is about {} (within {:.0} %).",
                human(number),
                human(value),
                tolerance * 100.0
            ),
        },
        None => Finding::missing(format!(
            "No estimate of this found{}.",
            section
                .map(|s| format!(" under {}", s.title()))
                .unwrap_or_default()
        )),
    }
}

fn section_check(
    answer: &DesignAnswer,
    sentences: &[Sentence],
    section: Section,
    min_words: u32,
) -> Finding {
    let text = answer.section(section);
    let words = words_of(text).len();
    let real = sentences
        .iter()
        .filter(|s| s.section == section && s.explains && s.words.len() >= 6)
        .count();
    if words as u32 >= min_words && real >= 2 {
        Finding {
            earned: 1.0,
            found_in: Some(section),
            evidence: None,
            explanation: format!("{} has {words} words.", section.title()),
        }
    } else if words == 0 {
        Finding::missing(format!("{} is missing.", section.title()))
    } else {
        Finding {
            earned: 0.0,
            found_in: Some(section),
            evidence: None,
            explanation: format!(
                "{} is too thin: {words} words in {real} explanatory sentences; at least {min_words} words in two or more sentences are expected.",
                section.title()
            ),
        }
    }
}

fn clip(text: &str) -> String {
    super::truncate(text.trim(), 240)
}

fn human(value: f64) -> String {
    if value >= 1e15 {
        return format!("{value:.2e}");
    }
    let (v, suffix) = if value >= 1e12 {
        (value / 1e12, " trillion")
    } else if value >= 1e9 {
        (value / 1e9, " billion")
    } else if value >= 1e6 {
        (value / 1e6, " million")
    } else if value >= 1e4 {
        (value / 1e3, "k")
    } else {
        (value, "")
    };
    let text = format!("{v:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::text::split_sentences;
    use super::*;
    use crate::challenges::rubric::{Criterion, Penalty};

    fn rubric() -> Rubric {
        Rubric {
            criteria: vec![
                Criterion {
                    id: "cache".into(),
                    label: "Caches hot reads".into(),
                    weight: 2,
                    section: Some(Section::HighLevel),
                    check: Check::Concept {
                        terms: vec!["cache".into(), "redis".into()],
                    },
                    why: "Reads dominate.".into(),
                },
                Criterion {
                    id: "sharding".into(),
                    label: "Shards the data".into(),
                    weight: 2,
                    section: None,
                    check: Check::Concept {
                        terms: vec!["consistent hashing".into(), "shard".into()],
                    },
                    why: String::new(),
                },
                Criterion {
                    id: "writes".into(),
                    label: "Peak writes per second".into(),
                    weight: 2,
                    section: Some(Section::Estimates),
                    check: Check::Estimate {
                        value: 1200.0,
                        tolerance: 0.5,
                        cues: vec!["write".into()],
                    },
                    why: String::new(),
                },
                Criterion {
                    id: "api".into(),
                    label: "An API".into(),
                    weight: 1,
                    section: Some(Section::Api),
                    check: Check::Section { min_words: 12 },
                    why: String::new(),
                },
            ],
            penalties: vec![Penalty {
                id: "single-db".into(),
                label: "One database for everything".into(),
                weight: 2,
                terms: vec!["single database".into()],
                section: None,
                why: "It is a single point of failure.".into(),
            }],
            expected_words: 60,
        }
    }

    fn answer(parts: &[(Section, &str)]) -> DesignAnswer {
        DesignAnswer {
            sections: parts.iter().map(|(s, t)| (*s, t.to_string())).collect(),
        }
    }

    #[test]
    fn a_full_answer_earns_every_point_with_evidence() {
        let a = answer(&[
            (Section::Estimates, "About 1.1k writes per second at peak, from 100 million new links a day."),
            (Section::Api, "POST /links creates a short link from a long address. GET /{code} redirects with a 301 status code."),
            (Section::HighLevel, "A Redis cache in front of the database absorbs nearly all redirect lookups. Links are spread across shards by consistent hashing on the short code, so adding nodes moves little data."),
        ]);
        let f = score(&rubric(), &a);
        assert!(
            f.criteria.iter().all(|c| c.earned == f64::from(c.weight)),
            "{:#?}",
            f.criteria
        );
        assert_eq!(f.score, 1.0);
        assert_eq!(f.criteria[0].found_in, Some(Section::HighLevel));
        assert!(
            f.criteria[2].explanation.contains("1100"),
            "{}",
            f.criteria[2].explanation
        );
    }

    #[test]
    fn keyword_stuffing_earns_nothing() {
        let stuffed = "cache redis consistent hashing shard writes 5000 cache cdn queue";
        let a = answer(&[
            (Section::Estimates, stuffed),
            (Section::Api, stuffed),
            (
                Section::HighLevel,
                "Cache, Redis, consistent hashing, shards, CDN, queues, replication.",
            ),
            (
                Section::DeepDives,
                "cache. redis. shard. consistent hashing.",
            ),
        ]);
        let f = score(&rubric(), &a);
        assert!(f.score <= 0.3, "{f:#?}");
        assert_eq!(f.criteria[0].earned, 0.0);
        assert!(
            f.criteria[0].explanation.contains("not explained"),
            "{}",
            f.criteria[0].explanation
        );
    }

    #[test]
    fn lists_padded_with_jargon_earn_nothing() {
        let padded = "Redis cache, shard, consistent hashing, kubernetes, observability, blue-green, canary.";
        let a = answer(&[
            (Section::HighLevel, padded),
            (Section::DeepDives, "redis cache / shard / consistent hashing / service mesh / circuit breaker / terraform / grafana"),
        ]);
        let f = score(&rubric(), &a);
        assert_eq!(f.criteria[0].earned + f.criteria[1].earned, 0.0, "{f:#?}");
    }

    #[test]
    fn a_question_mark_inside_code_does_not_end_the_sentence() {
        assert_eq!(
            split_sentences(
                "We look the code up with WHERE code = ? AND expired = 0 in the cache. Done?"
            ),
            vec![
                "We look the code up with WHERE code = ? AND expired = 0 in the cache.",
                "Done?"
            ]
        );
    }

    #[test]
    fn empty_answers_score_zero_and_say_what_is_missing() {
        let f = score(&rubric(), &DesignAnswer::default());
        assert_eq!(f.score, 0.0);
        assert!(f.criteria[0]
            .explanation
            .starts_with("Not covered under High-level design"));
        assert!(f.criteria[0].explanation.ends_with("Reads dominate."));
        assert!(f.criteria[3].explanation.contains("missing"));
    }

    #[test]
    fn misplaced_concepts_earn_half_and_penalties_respect_negation() {
        let a = answer(&[(
            Section::DeepDives,
            "A Redis cache in front of the primary absorbs nearly all of the read traffic. We avoid a single database by replicating every partition three ways.",
        )]);
        let f = score(&rubric(), &a);
        assert_eq!(f.criteria[0].earned, 1.0);
        assert!(f.penalties.is_empty(), "{:?}", f.penalties);
        let b = answer(&[(Section::HighLevel, "Everything lives in a single database server that handles reads and writes for the whole product.")]);
        let f = score(&rubric(), &b);
        assert_eq!(f.penalties.len(), 1);
        assert_eq!(f.penalties[0].found_in, Section::HighLevel);
    }

    #[test]
    fn wrong_estimates_are_explained() {
        let a = answer(&[(Section::Estimates, "Peak load is 50,000 writes per second.")]);
        let f = score(&rubric(), &a);
        assert_eq!(f.criteria[2].earned, 0.0);
        assert!(
            f.criteria[2].explanation.contains("50k"),
            "{}",
            f.criteria[2].explanation
        );
    }

    #[test]
    fn reads_numbers_in_their_usual_spellings() {
        assert_eq!(numbers_in("1,200 writes"), vec![1200.0]);
        assert_eq!(numbers_in("~1.2k/s"), vec![1200.0]);
        assert_eq!(numbers_in("12 million users"), vec![12e6]);
        assert_eq!(numbers_in("3e6 rows"), vec![3e6]);
        assert_eq!(numbers_in("5 TB of data, 2.5GB per day"), vec![5e12, 2.5e9]);
        assert_eq!(numbers_in("v2 and p99"), Vec::<f64>::new());
    }
}
