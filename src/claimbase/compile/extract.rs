//! Extraction: every sentence of every article, tagged with the ontology terms it
//! mentions (by name or synonym), so a new article feeds search and the
//! explainer without hand edits.

use unicode_segmentation::UnicodeSegmentation;

use super::normalize::normalize;
use crate::claimbase::model::{Source, SourceIdx, Term, TermIdx};

/// A sentence of a source, as found by extraction.
#[derive(Debug, PartialEq, Eq)]
pub struct Sentence {
    pub source: SourceIdx,
    pub start: u32,
    pub end: u32,
    /// The ontology terms it mentions.
    pub terms: Vec<TermIdx>,
}

/// Lowercased, typography-normalised text for matching.
fn match_form(text: &str) -> String {
    normalize(text).text.to_lowercase()
}

/// Whether `phrase` occurs in `text` as whole words.
pub fn mentions(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| rest.find(phrase)) {
        let start = from + found;
        let end = start + phrase.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        // A trailing plural "s" still counts as the word ("muscle" in "muscles").
        let after_ok = match after {
            Some('s') => text[end + 1..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric()),
            Some(c) => !c.is_alphanumeric(),
            None => true,
        };
        if before.is_none_or(|c| !c.is_alphanumeric()) && after_ok {
            return true;
        }
        from = start + phrase.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Phrases that identify each term, in match form.
fn term_phrases(terms: &[Term]) -> Vec<Vec<String>> {
    terms
        .iter()
        .map(|t| {
            let mut phrases: Vec<String> = std::iter::once(t.name)
                .chain(t.synonyms.iter().copied())
                .map(match_form)
                .collect();
            phrases.sort();
            phrases.dedup();
            phrases
        })
        .collect()
}

/// Splits every source into sentences and tags each with the terms it mentions.
pub fn sentences(sources: &[Source], terms: &[Term]) -> Vec<Sentence> {
    let phrases = term_phrases(terms);
    let mut out = Vec::new();
    for (position, source) in sources.iter().enumerate() {
        let source_idx = SourceIdx(position as u16);
        for block in source.blocks {
            let Some(block_text) = source.text.get(block.start as usize..block.end as usize) else {
                continue;
            };
            for (offset, sentence) in block_text.split_sentence_bound_indices() {
                let trimmed = sentence.trim_end_matches(super::normalize::is_space);
                if !trimmed.chars().any(char::is_alphanumeric) {
                    continue;
                }
                let form = match_form(trimmed);
                let tags: Vec<TermIdx> = (0u16..)
                    .zip(&phrases)
                    .filter(|(_, ps)| ps.iter().any(|p| mentions(&form, p)))
                    .map(|(i, _)| TermIdx(i))
                    .collect();
                let start = block.start as usize + offset;
                out.push(Sentence {
                    source: source_idx,
                    start: start as u32,
                    end: (start + trimmed.len()) as u32,
                    terms: tags,
                });
            }
        }
    }
    out
}
