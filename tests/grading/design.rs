//! Design answers against the library's URL shortener rubric.

use rehearse::challenges::model::{DesignAnswer, Section};
use rehearse::grading::{Answer, Scope, Verdict};

use crate::helpers::{library, try_grade};

fn grade(markdown: &str) -> rehearse::grading::Report {
    let answer = DesignAnswer::from_markdown(markdown).expect("sections");
    try_grade(
        &library("url-shortener"),
        Answer::Design(answer),
        Scope::All,
    )
    .expect("graded")
}

#[test]
fn the_kept_answers_land_in_their_ranges() {
    let read = |name: &str| {
        std::fs::read_to_string(format!("challenges/url-shortener/answers/{name}.md"))
            .expect("answer")
    };
    let model = grade(&read("model"));
    assert_eq!(model.verdict, Verdict::Accepted);
    assert!(model.score >= 0.9, "{}", model.score);
    assert!(grade(&read("weak")).score <= 0.4);
    assert!(grade(&read("stuffed")).score <= 0.3);
}

#[test]
fn an_empty_answer_scores_zero_and_explains_every_criterion() {
    let report = try_grade(
        &library("url-shortener"),
        Answer::Design(DesignAnswer::default()),
        Scope::All,
    )
    .expect("graded");
    assert_eq!(report.score, 0.0);
    let feedback = report.design.expect("feedback");
    assert!(feedback.criteria.len() >= 12);
    assert!(feedback
        .criteria
        .iter()
        .all(|c| c.earned == 0.0 && !c.explanation.is_empty()));
}

#[test]
fn feedback_points_at_the_section_that_earned_each_point() {
    let report = grade("## High-level design\nA Redis cache in front of the link store absorbs nearly every redirect because popular links are requested constantly.\n");
    let feedback = report.design.expect("feedback");
    let cache = feedback
        .criteria
        .iter()
        .find(|c| c.id == "cache")
        .expect("cache criterion");
    assert_eq!(cache.earned, f64::from(cache.weight));
    assert_eq!(cache.found_in, Some(Section::HighLevel));
    assert!(cache
        .evidence
        .as_deref()
        .unwrap_or("")
        .contains("Redis cache"));
    // One sentence is far from a full answer: the score is scaled down.
    assert!(
        feedback.length_factor < 0.1 && report.score < 0.05,
        "{}",
        report.score
    );
}
