//! The study list's search index, built at build time so the app only looks
//! words up: a study's label is its title, its mention quotes its body, and its
//! publication's citation a field of its own (see `claimbase::search`).

use crate::claimbase::model::{field, SearchIndex, Source, Study};
use crate::claimbase::search::Builder;

/// The searchable texts of a study, with the field each belongs to.
pub fn study_fields<'a>(
    sources: &'a [Source],
    study: &'a Study,
) -> impl Iterator<Item = (u32, &'a str)> + 'a {
    let mentions = study.mentions.iter().filter_map(move |p| {
        let text = sources.get(p.source.index())?.text;
        Some((field::BODY, text.get(p.start as usize..p.end as usize)?))
    });
    let citations = study
        .identified
        .iter()
        .chain(study.closest.iter())
        .map(|p| (field::CITATION, p.citation));
    std::iter::once((field::TITLE, study.label))
        .chain(mentions)
        .chain(citations)
}

pub fn study_index(sources: &[Source], studies: &[Study]) -> SearchIndex {
    let mut index = Builder::default();
    for (idx, study) in (0u32..).zip(studies) {
        for (field, text) in study_fields(sources, study) {
            index.add(idx, field, text);
        }
    }
    index.finish()
}
