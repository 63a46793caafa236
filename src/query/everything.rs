//! Search everything: one prefix index over the claims (with their quotes), the
//! mechanisms and techniques, the guidelines, the safety items and every
//! paragraph of every article, built in the browser on the first search (it is
//! derived data, so the wasm does not carry it). Studies are found through the
//! study list's own index, so both searches agree on what a study matches.

use super::{order, studies};
use crate::claimbase::fold;
use crate::claimbase::kinds::TermKind;
use crate::claimbase::model::{
    field, ClaimBase, ClaimIdx, GuidelineIdx, Passage, SafetyIdx, SearchIndex, SourceIdx, StudyIdx,
    TermIdx,
};
use crate::claimbase::search;
use crate::claimbase::vocabulary::vocabulary;

vocabulary! {
    /// The groups results come in, in the order they are shown.
    Kind {
        Claim = "claims", "What the articles claim";
        Term = "terms", "How it helps and techniques";
        Study = "studies", "Studies";
        Guideline = "guidelines", "Guidelines";
        Safety = "safety", "Safety";
        Article = "articles", "In the articles";
    }
}

/// What a result opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Claim(ClaimIdx),
    Term(TermIdx),
    Study(StudyIdx),
    Guideline(GuidelineIdx),
    Safety(SafetyIdx),
    /// A paragraph (or heading, or list item) of an article: its block index.
    Block(SourceIdx, u32),
}

impl Target {
    pub fn kind(self) -> Kind {
        match self {
            Target::Claim(_) => Kind::Claim,
            Target::Term(_) => Kind::Term,
            Target::Study(_) => Kind::Study,
            Target::Guideline(_) => Kind::Guideline,
            Target::Safety(_) => Kind::Safety,
            Target::Block(..) => Kind::Article,
        }
    }
}

/// The index (see `claimbase::search`) and what each of its documents opens.
#[derive(Debug)]
pub struct Index {
    words: SearchIndex,
    documents: Vec<Target>,
}

/// The results for one kind, best first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub kind: Kind,
    pub hits: Vec<Target>,
}

/// Builds an index by adding documents in order.
#[derive(Default)]
struct Builder {
    words: search::Builder,
    documents: Vec<Target>,
}

impl Builder {
    /// Adds a record. Plain slices rather than iterators: one copy of this
    /// code in the wasm, not one per kind of record.
    fn add(&mut self, target: Target, titles: &[&str], bodies: &[&str]) {
        let doc = self.documents.len() as u32;
        self.documents.push(target);
        for text in titles {
            self.words.add(doc, field::TITLE, text);
        }
        for text in bodies {
            self.words.add(doc, field::BODY, text);
        }
    }

    fn finish(self) -> Index {
        Index {
            words: self.words.finish(),
            documents: self.documents,
        }
    }
}

impl Index {
    pub fn build(base: &ClaimBase) -> Index {
        let mut index = Builder::default();
        let quotes = |passages: &[Passage]| -> Vec<&str> {
            passages.iter().map(|p| base.passage_text(p)).collect()
        };
        for (idx, claim) in base.claims_indexed() {
            index.add(Target::Claim(idx), &[claim.text], &quotes(claim.supports));
        }
        for (idx, term) in base.terms_indexed() {
            if matches!(term.kind, TermKind::Mechanism | TermKind::Technique) {
                let mut names = vec![term.name];
                names.extend(term.synonyms);
                index.add(Target::Term(idx), &names, &[term.summary]);
            }
        }
        for (idx, g) in base.guidelines_indexed() {
            let mut body = vec![g.title, g.issuer, g.citation];
            for r in g.recommendations {
                body.extend([Some(r.text), r.wording, r.note].into_iter().flatten());
            }
            index.add(Target::Guideline(idx), &[g.name], &body);
        }
        for (idx, item) in base.safety_indexed() {
            let mut body = quotes(item.supports);
            body.extend([item.detail, item.basis].into_iter().flatten());
            index.add(Target::Safety(idx), &[item.text], &body);
        }
        for (idx, source) in base.sources_indexed() {
            for at in 0..source.blocks.len() as u32 {
                let text = base.block_passage(idx, at).map(|p| base.passage_text(&p));
                index.add(Target::Block(idx, at), &[], &[text.unwrap_or_default()]);
            }
        }
        index.finish()
    }

    /// Distinct words and postings, for the benchmarks' size report.
    pub fn size(&self) -> (usize, usize) {
        self.words.size()
    }

    /// The records matching the folded query `words` (`fold::query_words`),
    /// grouped by kind in `Kind` order (empty groups left out), each group best
    /// first by the one scoring rule (`SearchIndex::scores`), ties in claim base
    /// order. Studies are scored on the study list's own index, so both
    /// searches agree on what a study matches.
    pub fn search(&self, base: &ClaimBase, words: &[String]) -> Vec<Group> {
        if words.is_empty() {
            return Vec::new();
        }
        let scores = self.words.scores(self.documents.len(), words);
        let found = best_first((0u32..).zip(scores).filter(|&(_, s)| s > 0));
        let mut groups: Vec<Group> = Kind::ALL
            .iter()
            .map(|&kind| Group {
                kind,
                hits: Vec::new(),
            })
            .collect();
        for doc in found {
            let target = self.documents[doc as usize];
            groups[kind_position(target.kind())].hits.push(target);
        }
        if let Some(scores) = studies::search(base, words) {
            let found = (0u32..).zip(scores).filter(|&(_, s)| s > 0);
            groups[kind_position(Kind::Study)].hits = best_first(found)
                .into_iter()
                .filter_map(|i| base.study_at(i as usize).map(Target::Study))
                .collect();
        }
        groups.retain(|g| !g.hits.is_empty());
        groups
    }
}

/// The items of `(item, score)` pairs with a score, highest score first, ties
/// in item order.
fn best_first(scored: impl Iterator<Item = (u32, u32)>) -> Vec<u32> {
    let mut pairs: Vec<(u32, u32)> = scored.map(|(i, s)| (u32::MAX - s, i)).collect();
    order::pairs(&mut pairs);
    pairs.into_iter().map(|(_, i)| i).collect()
}
fn kind_position(kind: Kind) -> usize {
    Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

/// The part of `text` to show for a match: the sentence with the first word
/// matching `words`, cut to about `max` bytes around that word. Returns the
/// byte range and whether the sentence was cut before and after it (for an
/// ellipsis).
pub fn snippet(text: &str, words: &[String], max: usize) -> (usize, usize, bool, bool) {
    let first = fold::match_ranges(text, words)
        .first()
        .copied()
        .unwrap_or((0, 0));
    let sentence_start = text[..first.0]
        .rfind(['.', '?', '!', '\n'])
        .map_or(0, |i| i + 1);
    let sentence_end = text[first.1..]
        .find(['.', '?', '!', '\n'])
        .map_or(text.len(), |i| first.1 + i + 1);
    let (mut start, mut end) = (sentence_start, sentence_end);
    if end - start > max {
        // Keep the match, a little before it and the rest after it, cut at a
        // space inside that window (mid-word where it has none: long words,
        // scripts without spaces).
        let from = ceil_char(text, first.0.saturating_sub(max / 4).max(sentence_start));
        start = if from == sentence_start || text[..from].ends_with(' ') {
            from
        } else {
            text[from..first.0].find(' ').map_or(from, |i| from + i + 1)
        };
        let to = floor_char(text, (start + max).min(sentence_end).max(first.1));
        end = if to == sentence_end {
            to
        } else {
            text[first.1..to].rfind(' ').map_or(to, |i| first.1 + i)
        };
    }
    let cut = (start > sentence_start, end < sentence_end);
    let start = start + (text[start..end].len() - text[start..end].trim_start().len());
    let end = start + text[start..end].trim_end().len();
    (start, end, cut.0, cut.1)
}

/// The nearest character boundary at or before `at`.
fn floor_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest character boundary at or after `at`.
fn ceil_char(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at.min(text.len())
}
