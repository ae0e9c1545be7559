//! Reading a design answer's text: sentences, words, rubric terms,
//! negations and numbers. Scoring (`super`) decides what they are worth.

use std::collections::HashSet;

use crate::challenges::model::{DesignAnswer, Section};

/// Distinct own words a sentence needs per concept it carries.
const WORDS_PER_CONCEPT: usize = 4;

/// A sentence, read once.
pub(super) struct Sentence {
    pub section: Section,
    pub text: String,
    /// Lower-case words.
    pub words: Vec<String>,
    /// How many concepts it can still carry.
    pub capacity: usize,
    /// Reads as prose, not as a list of terms.
    pub explains: bool,
}

/// Words too common to show that a sentence explains anything.
const FILLER: &[&str] = &[
    "the", "and", "for", "are", "with", "use", "uses", "using", "used", "we", "our", "will", "can",
    "this", "that", "then", "also", "into", "from", "its", "has", "have", "all", "any", "via",
    "etc", "plus", "each", "per", "not", "but", "you", "your", "they", "their", "them", "which",
    "some", "more", "most", "very", "just", "like", "such", "other", "add", "adds", "have", "need",
    "needs", "should", "would", "could", "there", "here", "when", "where", "what", "how", "why",
    "who", "one", "two", "lot", "lots", "thing", "things", "stuff", "good", "great", "nice",
    "well", "system", "design", "use", "using", "need",
];

pub(super) fn sentences(answer: &DesignAnswer, terms: &[Vec<String>]) -> Vec<Sentence> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for section in Section::ALL {
        for raw in split_sentences(answer.section(section)) {
            let words = words_of(&raw);
            if words.is_empty() || !seen.insert(words.join(" ")) {
                continue;
            }
            let own = own_words(&words, terms);
            let explains = reads_as_prose(&raw, &words) && own >= 3;
            let capacity = if explains { own / WORDS_PER_CONCEPT } else { 0 };
            out.push(Sentence {
                section,
                text: raw,
                words,
                capacity,
                explains,
            });
        }
    }
    out
}

/// Words that hold prose together; a list of jargon has next to none.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "to", "of", "in", "on", "for", "with", "by", "from", "as", "at", "is", "are",
    "was", "be", "been", "it", "its", "that", "this", "these", "those", "so", "because", "which",
    "when", "while", "if", "than", "then", "into", "each", "every", "and", "or", "but", "we",
    "our", "they", "their", "can", "will", "would", "should", "must", "only", "also", "not", "no",
    "after", "before", "until", "once", "there", "where", "how", "why", "what",
];

/// Whether a sentence reads as an explanation rather than a list: it has
/// function words, and its comma-separated parts are not mostly one or two
/// words long.
fn reads_as_prose(text: &str, words: &[String]) -> bool {
    let function_words: HashSet<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| FUNCTION_WORDS.contains(w))
        .collect();
    let separators = text.matches([',', '/', '|']).count();
    let listy = separators >= 3 && words.len() < 4 * (separators + 1);
    function_words.len() >= 2 && !listy
}

/// Distinct words of a sentence that are neither part of a rubric term
/// found in it nor filler.
fn own_words(words: &[String], terms: &[Vec<String>]) -> usize {
    let mut covered = vec![false; words.len()];
    for term in terms {
        let mut from = 0;
        while let Some(at) = find_term(&words[from..], term) {
            let start = from + at;
            for flag in &mut covered[start..start + term.len()] {
                *flag = true;
            }
            from = start + term.len();
        }
    }
    words
        .iter()
        .zip(&covered)
        .filter(|(w, covered)| !**covered && w.len() >= 3 && !FILLER.contains(&w.as_str()))
        .filter(|(w, _)| !w.chars().all(|c| c.is_ascii_digit()))
        .map(|(w, _)| w)
        .collect::<HashSet<_>>()
        .len()
}

pub(super) fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut current = String::new();
        let chars: Vec<char> = line.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            current.push(c);
            let next = chars.get(i + 1).copied();
            // "1.5" and "e.g." do not end a sentence; ". " and "; " do.
            // A `?` ends a question only after a word (`WHERE id = ?` is code).
            let after_word = i > 0 && chars[i - 1].is_alphanumeric();
            let ends = (matches!(c, '.' | '!' | ';') || (c == '?' && after_word))
                && next.is_none_or(char::is_whitespace);
            if ends {
                push_sentence(&mut out, &current);
                current.clear();
            }
        }
        push_sentence(&mut out, &current);
    }
    out
}

/// Keeps `text` as a sentence without list markers or quote signs, unless
/// nothing is left.
fn push_sentence(out: &mut Vec<String>, text: &str) {
    let s = text
        .trim()
        .trim_start_matches(['-', '*', '#', '>', ' '])
        .trim();
    if !s.is_empty() {
        out.push(s.to_owned());
    }
}

/// Lower-case alphanumeric words.
pub(super) fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Where the words of `term` appear in a row in `words` (a final plural
/// `s`/`es` is allowed on the last word).
pub(super) fn find_term(words: &[String], term: &[String]) -> Option<usize> {
    if term.is_empty() || term.len() > words.len() {
        return None;
    }
    (0..=words.len() - term.len()).find(|&i| {
        term.iter().enumerate().all(|(k, t)| {
            let w = &words[i + k];
            w == t
                || (k == term.len() - 1
                    && (w.strip_suffix('s') == Some(t.as_str())
                        || w.strip_suffix("es") == Some(t.as_str())))
        })
    })
}

const NEGATIONS: &[&str] = &[
    "not",
    "no",
    "never",
    "avoid",
    "avoids",
    "avoiding",
    "without",
    "instead",
    "rather",
    "don",
    "dont",
    "won",
    "shouldn",
    "against",
    "reject",
    "rejected",
    "replace",
    "replacing",
    "nor",
];

/// Whether the term at `at` follows a negation within five words.
pub(super) fn negated(words: &[String], at: usize) -> bool {
    words[at.saturating_sub(5)..at]
        .iter()
        .any(|w| NEGATIONS.contains(&w.as_str()))
}

/// Numbers in a sentence, with their scale words and units applied:
/// `1,200`, `1.2k`, `12 million`, `3e6`, `5 TB`, `40K/s`.
pub fn numbers_in(text: &str) -> Vec<f64> {
    let lower = text.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '.'));
        if !starts {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        let mut j = i;
        while j < chars.len() {
            let c = chars[j];
            if c.is_ascii_digit() {
                digits.push(c);
            } else if c == ','
                && chars.get(j + 1).is_some_and(char::is_ascii_digit)
                && chars.get(j + 2).is_some_and(char::is_ascii_digit)
                && chars.get(j + 3).is_some_and(char::is_ascii_digit)
            {
                // thousands separator
            } else if c == '.'
                && chars.get(j + 1).is_some_and(char::is_ascii_digit)
                && !digits.contains('.')
            {
                digits.push('.');
            } else if c == 'e'
                && chars.get(j + 1).is_some_and(char::is_ascii_digit)
                && !digits.contains('e')
            {
                digits.push('e');
            } else {
                break;
            }
            j += 1;
        }
        let Ok(mut number) = digits.parse::<f64>() else {
            i = j.max(i + 1);
            continue;
        };
        // Scale: a suffix right after the number, or the next word.
        let rest: String = chars[j..].iter().collect();
        let rest = rest.trim_start_matches([' ', '~']);
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        let factor = match word.as_str() {
            "k" | "thousand" | "kb" => 1e3,
            "m" | "mn" | "million" | "millions" | "mb" => 1e6,
            "b" | "bn" | "billion" | "billions" | "gb" => 1e9,
            "t" | "trillion" | "tb" => 1e12,
            "pb" => 1e15,
            "kib" => 1024.0,
            "mib" => 1024.0 * 1024.0,
            "gib" => 1024.0 * 1024.0 * 1024.0,
            "tib" => 1024f64.powi(4),
            _ => 1.0,
        };
        number *= factor;
        if number.is_finite() {
            out.push(number);
        }
        i = j.max(i + 1);
    }
    out
}
