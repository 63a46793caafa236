//! Search everything: one prefix index over the claims (with their quotes), the
//! mechanisms and techniques, the guidelines, the safety items and every
//! paragraph of every article, built in the browser on the first search (it is
//! derived data, so the wasm does not carry it). Studies are found through the
//! study list's own index, so both searches agree on what a study matches.

use std::collections::HashMap;

use super::{order, studies};
use crate::claimbase::fold;
use crate::claimbase::kinds::TermKind;
use crate::claimbase::model::{
    ClaimBase, ClaimIdx, GuidelineIdx, Passage, SafetyIdx, SourceIdx, StudyIdx, TermIdx,
};
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

/// A posting's low bit: the word is in the record's title (its name, the
/// claim's own words), which ranks it above a match in the body.
const TITLE: u32 = 1;

/// The index: distinct folded words, sorted so a prefix is a range, each with
/// its postings (`document << 1 | TITLE?`, in document order).
#[derive(Debug, Default)]
pub struct Index {
    words: Vec<Box<str>>,
    postings: Vec<Vec<u32>>,
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
    postings: HashMap<String, Vec<u32>>,
    documents: Vec<Target>,
}

impl Builder {
    /// Adds a record. Plain slices rather than iterators: one copy of this
    /// code in the wasm, not one per kind of record.
    fn add(&mut self, target: Target, titles: &[&str], bodies: &[&str]) {
        let doc = self.documents.len() as u32;
        self.documents.push(target);
        let texts = titles
            .iter()
            .map(|t| (t, TITLE))
            .chain(bodies.iter().map(|t| (t, 0)));
        for (text, title) in texts {
            for word in fold::words(text) {
                let list = self.postings.entry(word.folded).or_default();
                match list.last_mut() {
                    Some(last) if *last >> 1 == doc => *last |= title,
                    _ => list.push(doc << 1 | title),
                }
            }
        }
    }

    fn finish(self) -> Index {
        let mut entries: Vec<(String, Vec<u32>)> = self.postings.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (words, postings) = entries
            .into_iter()
            .map(|(w, p)| (w.into_boxed_str(), p))
            .unzip();
        Index {
            words,
            postings,
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
        (self.words.len(), self.postings.iter().map(Vec::len).sum())
    }

    /// The records matching `text`, grouped by kind in `Kind` order (empty
    /// groups left out). A record matches when every word typed prefixes one of
    /// its words (folded, so case and accents do not matter); it ranks higher
    /// for matches in its title and for whole-word matches, then by its order in
    /// the claim base.
    pub fn search(&self, base: &ClaimBase, text: &str) -> Vec<Group> {
        let words = fold::query_words(text);
        if words.is_empty() {
            return Vec::new();
        }
        let mut matched = vec![0u16; self.documents.len()];
        let mut score = vec![0u32; self.documents.len()];
        for (round, query) in (1u16..).zip(&words) {
            let from = self.words.partition_point(|w| **w < **query);
            let prefixed = self.words[from..]
                .iter()
                .zip(&self.postings[from..])
                .take_while(|(w, _)| w.starts_with(query.as_str()));
            for (word, postings) in prefixed {
                let whole = u32::from(**word == **query);
                for &posting in postings {
                    let doc = (posting >> 1) as usize;
                    // Only records that matched every earlier word can still match,
                    // and each counts once per word typed.
                    if let (Some(m), Some(s)) = (matched.get_mut(doc), score.get_mut(doc)) {
                        if *m == round - 1 {
                            *m = round;
                            *s += 1 + 4 * (posting & TITLE) + 2 * whole;
                        }
                    }
                }
            }
        }
        let all = words.len() as u16;
        let found = best_first(
            (0u32..)
                .zip(matched.iter().zip(&score))
                .filter(|(_, (&m, _))| m == all)
                .map(|(d, (_, &s))| (s, d)),
        );
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
        if let Some(scores) = studies::search(base, text) {
            let found = (0u32..).zip(scores).filter(|&(_, s)| s > 0);
            groups[kind_position(Kind::Study)].hits = best_first(found.map(|(i, s)| (s, i)))
                .into_iter()
                .filter_map(|i| base.study_at(i as usize).map(Target::Study))
                .collect();
        }
        groups.retain(|g| !g.hits.is_empty());
        groups
    }
}

/// The items of `(score, item)` pairs, highest score first, ties in item order.
fn best_first(scored: impl Iterator<Item = (u32, u32)>) -> Vec<u32> {
    let mut pairs: Vec<(u32, u32)> = scored.map(|(s, i)| (u32::MAX - s, i)).collect();
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
