//! One search core for both searches: the study list's index (built at build
//! time and bundled) and search everything's (built in the browser on its first
//! search). One tokenizer (`fold::words`), one posting format, one builder and
//! one matching and scoring rule, so a word matches the same way in both.
//!
//! A posting is `document << field::BITS | fields`: the fields (`field::TITLE`,
//! `BODY`, `CITATION`) the word occurs in within that document.

use std::collections::HashMap;

use super::fold;
use super::model::{field, SearchIndex};

/// What a field adds to a document's score for each query word it matches.
/// A title (a study's label, a record's name) outranks its body (quotes,
/// summaries, paragraphs), which outranks a citation.
const TITLE_WEIGHT: u32 = 8;
const BODY_WEIGHT: u32 = 2;
const CITATION_WEIGHT: u32 = 1;
/// Added when a query word is a whole word of the document, not only the
/// start of one: "back" ranks a text with "back" above one with "background".
const WHOLE_WORD: u32 = 2;

/// Builds an index by adding documents' texts, documents in increasing order.
#[derive(Default)]
pub struct Builder {
    postings: HashMap<String, Vec<u32>>,
}

impl Builder {
    /// Adds `text` as `field` of document `doc` (no smaller than any document
    /// added before).
    pub fn add(&mut self, doc: u32, field: u32, text: &str) {
        for word in fold::words(text) {
            let list = self.postings.entry(word.folded).or_default();
            match list.last_mut() {
                Some(last) if *last >> field::BITS == doc => *last |= field,
                _ => list.push(doc << field::BITS | field),
            }
        }
    }

    /// The index, its words sorted so that a prefix is a range. It is kept for
    /// the life of the program (bundled, or built once in the browser and kept
    /// for the page), so it is stored as static slices like the bundled one.
    pub fn finish(self) -> SearchIndex {
        let mut entries: Vec<(String, Vec<u32>)> = self.postings.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // Two allocations for the whole index, not two per word: all words in
        // one string and all postings in one list, each word and list a slice.
        let mut text = String::with_capacity(entries.iter().map(|(w, _)| w.len()).sum());
        let mut flat = Vec::with_capacity(entries.iter().map(|(_, p)| p.len()).sum());
        for (word, postings) in &entries {
            text.push_str(word);
            flat.extend_from_slice(postings);
        }
        let text: &'static str = Box::leak(text.into_boxed_str());
        let flat: &'static [u32] = Box::leak(flat.into_boxed_slice());
        let (mut at, mut from) = (0, 0);
        let mut words = Vec::with_capacity(entries.len());
        let mut postings = Vec::with_capacity(entries.len());
        for (word, list) in &entries {
            words.push(text.get(at..at + word.len()).unwrap_or_default());
            postings.push(flat.get(from..from + list.len()).unwrap_or_default());
            at += word.len();
            from += list.len();
        }
        SearchIndex {
            words: Box::leak(words.into_boxed_slice()),
            postings: Box::leak(postings.into_boxed_slice()),
        }
    }
}

impl SearchIndex {
    /// Distinct words and postings, for the benchmarks' size report.
    pub fn size(&self) -> (usize, usize) {
        (
            self.words.len(),
            self.postings.iter().map(|p| p.len()).sum(),
        )
    }

    /// The score of each of the `documents` documents for the folded query
    /// `words` (from `fold::query_words`); 0 when it does not match. A document
    /// matches when every query word starts one of its words. For each query
    /// word it scores the weights of the fields it matched in, plus `WHOLE_WORD`
    /// when the query word is one of its words whole.
    pub fn scores(&self, documents: usize, words: &[String]) -> Vec<u32> {
        let mut matched = vec![0u16; documents];
        let mut score = vec![0u32; documents];
        // Per document, this query word's fields, and `WHOLE` for a whole word.
        const WHOLE: u32 = 1 << field::BITS;
        let mut hits = vec![0u32; documents];
        for (round, query) in (1u16..).zip(words) {
            hits.iter_mut().for_each(|h| *h = 0);
            let from = self.words.partition_point(|w| *w < query.as_str());
            let prefixed = self
                .words
                .get(from..)
                .unwrap_or_default()
                .iter()
                .zip(self.postings.get(from..).unwrap_or_default())
                .take_while(|(w, _)| w.starts_with(query.as_str()));
            for (word, list) in prefixed {
                let whole = if *word == query.as_str() { WHOLE } else { 0 };
                for &posting in *list {
                    if let Some(h) = hits.get_mut((posting >> field::BITS) as usize) {
                        *h |= (posting & (WHOLE - 1)) | whole;
                    }
                }
            }
            for ((m, s), &h) in matched.iter_mut().zip(score.iter_mut()).zip(&hits) {
                // Only documents that matched every earlier word can still match.
                if h != 0 && *m == round - 1 {
                    *m = round;
                    *s += weight(h);
                }
            }
        }
        let all = words.len() as u16;
        for (s, &m) in score.iter_mut().zip(&matched) {
            if m != all || all == 0 {
                *s = 0;
            }
        }
        score
    }
}

/// What one query word's hits in a document score.
fn weight(hits: u32) -> u32 {
    let has = |bit: u32| u32::from(hits & bit != 0);
    TITLE_WEIGHT * has(field::TITLE)
        + BODY_WEIGHT * has(field::BODY)
        + CITATION_WEIGHT * has(field::CITATION)
        + WHOLE_WORD * has(1 << field::BITS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(docs: &[&[(u32, &str)]]) -> SearchIndex {
        let mut builder = Builder::default();
        for (doc, fields) in (0u32..).zip(docs) {
            for &(field, text) in *fields {
                builder.add(doc, field, text);
            }
        }
        builder.finish()
    }

    fn words(text: &str) -> Vec<String> {
        fold::query_words(text)
    }

    #[test]
    fn every_word_must_start_a_word_of_the_document() {
        let idx = index(&[
            &[(field::TITLE, "Swedish massage")],
            &[(field::BODY, "massage for back pain")],
            &[(field::BODY, "Schröder 2010")],
        ]);
        assert_eq!(
            idx.scores(3, &words("mass"))
                .iter()
                .filter(|&&s| s > 0)
                .count(),
            2
        );
        assert_eq!(idx.scores(3, &words("mass back"))[0], 0);
        assert!(idx.scores(3, &words("mass back"))[1] > 0);
        assert!(idx.scores(3, &words("SCHRO"))[2] > 0);
        assert_eq!(idx.scores(3, &words("ssage")), [0, 0, 0]);
        assert_eq!(idx.scores(3, &[]), [0, 0, 0]);
    }

    #[test]
    fn titles_outrank_bodies_outrank_citations_and_whole_words_count() {
        let idx = index(&[
            &[(field::CITATION, "background")],
            &[(field::BODY, "background")],
            &[(field::BODY, "back")],
            &[(field::TITLE, "background")],
            &[(field::TITLE, "back")],
            &[(field::TITLE, "back"), (field::BODY, "back")],
        ]);
        let s = idx.scores(6, &words("back"));
        assert!(s.windows(2).all(|p| p[0] < p[1]), "{s:?}");
    }

    #[test]
    fn a_word_in_two_fields_of_one_document_is_one_posting() {
        let idx = index(&[&[(field::TITLE, "massage"), (field::BODY, "massage massage")]]);
        assert_eq!(idx.size(), (1, 1));
        assert_eq!(idx.postings[0], [field::TITLE | field::BODY]);
    }
}
