//! A design challenge: its rubric and the answers kept to check it.

use super::*;

impl Reader<'_> {
    pub(super) fn design(
        &mut self,
        raw: Option<&crate::challenges::manifest::RawDesign>,
    ) -> Option<DesignSpec> {
        let file = "rubric.toml";
        let text = self.read(file, MAX_SOURCE_BYTES)?;
        let rubric = match toml::from_str::<RawRubric>(&text) {
            Ok(raw) => match raw.validate() {
                Ok(rubric) => Some(rubric),
                Err(problems) => {
                    for (field, message) in problems {
                        self.field(file, &field, message);
                    }
                    None
                }
            },
            Err(e) => {
                let place = e.span().map(|span| line_col(&text, span.start));
                self.problem(file, place, e.message().to_owned());
                None
            }
        };
        let mut answers = Vec::new();
        for (i, a) in raw
            .map(|d| d.answers.as_slice())
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let field = format!("design.answers[{i}]");
            if a.min_score.is_none() && a.max_score.is_none() {
                self.field(
                    "challenge.toml",
                    &field,
                    "give `min_score` or `max_score` (0–1)",
                );
            }
            for score in [a.min_score, a.max_score].into_iter().flatten() {
                if !(0.0..=1.0).contains(&score) {
                    self.field("challenge.toml", &field, "scores are between 0 and 1");
                }
            }
            let Some(text) = self.read(&a.file, MAX_SOURCE_BYTES) else {
                continue;
            };
            match DesignAnswer::from_markdown(&text) {
                Ok(answer) => answers.push(AnswerCheck {
                    path: a.file.clone(),
                    answer,
                    min_score: a.min_score,
                    max_score: a.max_score,
                }),
                Err(e) => self.problem(&a.file, None, e),
            }
        }
        Some(DesignSpec {
            rubric: rubric?,
            answers,
        })
    }
}
