//! The study list's search index, built at build time so the app only looks
//! words up: every word of a study's label, mention quotes and citation, folded
//! (see `claimbase::fold`), with the studies and fields it occurs in.

use std::collections::BTreeMap;

use super::check::{leak, leak_str};
use crate::claimbase::fold;
use crate::claimbase::model::{field, SearchIndex, Source, Study};

/// The searchable texts of a study, with the field each belongs to.
pub fn study_fields<'a>(
    sources: &'a [Source],
    study: &'a Study,
) -> impl Iterator<Item = (u32, &'a str)> + 'a {
    let mentions = study.mentions.iter().filter_map(move |p| {
        let text = sources.get(p.source.index())?.text;
        Some((field::MENTION, text.get(p.start as usize..p.end as usize)?))
    });
    let citations = study
        .identified
        .iter()
        .chain(study.closest.iter())
        .map(|p| (field::CITATION, p.citation));
    std::iter::once((field::LABEL, study.label))
        .chain(mentions)
        .chain(citations)
}

pub fn study_index(sources: &[Source], studies: &[Study]) -> SearchIndex {
    let mut postings: BTreeMap<String, BTreeMap<u32, u32>> = BTreeMap::new();
    for (idx, study) in (0u32..).zip(studies) {
        for (field, text) in study_fields(sources, study) {
            for word in fold::words(text) {
                *postings
                    .entry(word.folded)
                    .or_default()
                    .entry(idx)
                    .or_default() |= field;
            }
        }
    }
    let words = postings.keys().map(|w| leak_str(w.clone())).collect();
    let lists = postings
        .into_values()
        .map(|studies| {
            leak(
                studies
                    .into_iter()
                    .map(|(study, fields)| study << field::BITS | fields)
                    .collect(),
            )
        })
        .collect();
    SearchIndex {
        words: leak(words),
        postings: leak(lists),
    }
}
