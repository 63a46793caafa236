//! Research mentions found automatically: sentences no curator has reviewed that
//! report research (a study, a trial, a review, a journal, participants,
//! randomisation, a year), grouped into the studies they describe, with the
//! details the text gives, taken conservatively: only what it says in so many
//! words. The study list shows them as "not yet reviewed" until a curated study
//! covers their sentences.

use super::extract::Sentence;
use crate::claimbase::fold;
use crate::claimbase::kinds::{Design, Population, TermKind};
use crate::claimbase::model::{Source, SourceIdx, Term, TermIdx};

/// Words that name research.
const RESEARCH: &[&str] = &[
    "study",
    "studies",
    "trial",
    "trials",
    "review",
    "reviews",
    "research",
    "researchers",
    "randomised",
    "randomized",
    "randomly",
    "participants",
    "meta-analysis",
    "journal",
];

/// Words naming who took part, after a number ("120 adults").
const PEOPLE: &[&str] = &[
    "participants",
    "patients",
    "people",
    "adults",
    "subjects",
    "volunteers",
    "men",
    "women",
];

/// Words that, in a title-cased run after "published in", make it a journal.
const JOURNAL_WORDS: &[&str] = &[
    "journal",
    "annals",
    "archives",
    "review",
    "reviews",
    "medicine",
    "lancet",
    "spine",
    "therapy",
    "therapies",
    "pain",
    "bmj",
    "jama",
    "cochrane",
    "research",
    "clinical",
];

/// A study an uncurated article describes, as found in its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub source: SourceIdx,
    /// The sentences that describe it, as byte ranges of the article.
    pub sentences: Vec<(u32, u32)>,
    pub design: Design,
    /// The words that gave the design away ("randomly assigned", "systematic review").
    pub design_words: Vec<String>,
    pub populations: Vec<Population>,
    pub comparators: Vec<TermIdx>,
    pub outcomes: Vec<TermIdx>,
    /// "over 400 participants", as the article says it.
    pub participants: Option<String>,
    pub journal: Option<String>,
    pub year: Option<u16>,
}

/// Whether a sentence reports research.
pub fn reports_research(text: &str) -> bool {
    let words: Vec<String> = fold::words(text).into_iter().map(|w| w.folded).collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    let research =
        RESEARCH.iter().any(|w| has(w)) || text.to_ascii_lowercase().contains("meta-analysis");
    research
        && (has("found")
            || has("showed")
            || has("shown")
            || has("concluded")
            || has("published")
            || has("compared")
            || has("involved")
            || has("assigned")
            || participants(text).is_some()
            || year(text).is_some()
            || journal(text).is_some())
}

/// Words that may qualify a count ("over 400", "more than 400").
const QUALIFIERS: &[&str] = &[
    "over", "about", "around", "nearly", "almost", "some", "than", "more", "fewer", "under",
];

/// "120 participants", "more than 400 people": the number of people as the text
/// gives it, qualifier and all.
pub fn participants(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    };
    for (i, w) in words.iter().enumerate() {
        let number = w.trim_matches(|c: char| !c.is_ascii_digit());
        let is_count = !number.is_empty()
            && number.len() <= 9
            && number.chars().all(|c| c.is_ascii_digit() || c == ',');
        let people = words
            .get(i + 1)
            .is_some_and(|n| PEOPLE.contains(&bare(n).as_str()));
        if !(is_count && people) {
            continue;
        }
        let mut from = i;
        while from > 0
            && words
                .get(from - 1)
                .is_some_and(|q| QUALIFIERS.contains(&bare(q).as_str()))
        {
            from -= 1;
        }
        let phrase = words.get(from..=i + 1)?.join(" ");
        return Some(
            phrase
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_string(),
        );
    }
    None
}

/// A year between 1950 and 2035 standing as a word.
pub fn year(text: &str) -> Option<u16> {
    fold::words(text).into_iter().find_map(|w| {
        let y: u16 = w.folded.parse().ok()?;
        (w.folded.len() == 4 && (1950..=2035).contains(&y)).then_some(y)
    })
}

/// The journal a sentence names: the run of capitalised words after "published
/// in (the)", or from "Journal of"; only when it holds a word journals have.
pub fn journal(text: &str) -> Option<String> {
    let after = |cue: &str| text.find(cue).map(|i| i + cue.len());
    let start = after("published in the ")
        .or_else(|| after("published in "))
        .or_else(|| text.find("Journal of"))?;
    let joining = |w: &str| ["of", "and", "&", "the", "in", "for"].contains(&w);
    let mut name: Vec<&str> = Vec::new();
    for word in text.get(start..)?.split_whitespace() {
        let clean = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !(clean.starts_with(char::is_uppercase) || (joining(clean) && !name.is_empty())) {
            break;
        }
        name.push(clean);
        if clean.len() != word.len() {
            break; // punctuation ends the name
        }
    }
    while name.last().is_some_and(|w| joining(w)) {
        name.pop();
    }
    let journalish = name
        .iter()
        .any(|w| JOURNAL_WORDS.contains(&w.to_ascii_lowercase().as_str()));
    journalish.then(|| name.join(" "))
}

fn design(text: &str) -> (Option<Design>, Vec<String>) {
    let lower = text.to_ascii_lowercase();
    let cues: [(&str, Design); 7] = [
        ("systematic review", Design::SystematicReview),
        ("meta-analysis", Design::SystematicReview),
        ("randomised", Design::Rct),
        ("randomized", Design::Rct),
        ("randomly assigned", Design::Rct),
        ("controlled trial", Design::Rct),
        ("review", Design::Review),
    ];
    let found: Vec<(&str, Design)> = cues
        .into_iter()
        .filter(|(cue, _)| lower.contains(cue))
        .collect();
    let best = found.iter().map(|&(_, d)| d).min();
    (best, found.iter().map(|(cue, _)| cue.to_string()).collect())
}

fn populations(text: &str) -> Vec<Population> {
    let words: Vec<String> = fold::words(text).into_iter().map(|w| w.folded).collect();
    let mut out: Vec<Population> = [
        ("acute", Population::Acute),
        ("subacute", Population::Subacute),
        ("chronic", Population::Chronic),
    ]
    .into_iter()
    .filter(|(w, _)| words.iter().any(|x| x == w))
    .map(|(_, p)| p)
    .collect();
    if out.is_empty() {
        out.push(Population::Unspecified);
    }
    out
}

/// Research mentions in `sentences` (those no curated passage covers), grouped:
/// research sentences that follow one another in an article describe one study.
pub fn studies(sources: &[Source], terms: &[Term], sentences: &[&Sentence]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut last: Option<(SourceIdx, usize)> = None;
    for (position, s) in sentences.iter().enumerate() {
        let Some(text) = sources
            .get(s.source.index())
            .and_then(|src| src.text.get(s.start as usize..s.end as usize))
        else {
            continue;
        };
        if !reports_research(text) {
            continue;
        }
        let continues = last.is_some_and(|(source, at)| source == s.source && at + 1 == position);
        if !continues {
            out.push(Found {
                source: s.source,
                sentences: Vec::new(),
                design: Design::Unspecified,
                design_words: Vec::new(),
                populations: Vec::new(),
                comparators: Vec::new(),
                outcomes: Vec::new(),
                participants: None,
                journal: None,
                year: None,
            });
        }
        last = Some((s.source, position));
        if let Some(found) = out.last_mut() {
            add(found, terms, s, text);
        }
    }
    out
}

/// Adds one sentence's details to a study: the first of each detail wins.
fn add(found: &mut Found, terms: &[Term], s: &Sentence, text: &str) {
    found.sentences.push((s.start, s.end));
    let (design, words) = design(text);
    if let Some(d) = design.filter(|&d| d < found.design) {
        found.design = d;
    }
    found.design_words.extend(words);
    found.design_words.dedup();
    for p in populations(text) {
        if !found.populations.contains(&p) {
            found.populations.push(p);
        }
    }
    if found.populations.len() > 1 {
        found.populations.retain(|&p| p != Population::Unspecified);
    }
    for &t in &s.terms {
        let list = match terms.get(t.index()).map(|t| t.kind) {
            Some(TermKind::Comparator) => &mut found.comparators,
            Some(TermKind::Outcome) => &mut found.outcomes,
            _ => continue,
        };
        if !list.contains(&t) {
            list.push(t);
        }
    }
    found.participants = found.participants.take().or_else(|| participants(text));
    found.journal = found.journal.take().or_else(|| journal(text));
    found.year = found.year.or_else(|| year(text));
}
