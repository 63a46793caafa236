//! Stage 4, what no curator has reviewed: the sentences of the articles that no
//! curated passage covers. Those that mention an ontology term go with the term
//! ("also said in articles not yet reviewed"); those that report research become
//! studies "not yet reviewed" in the study list. Curating a passage (a claim, a
//! study mention, a not-a-claim note) takes it out of both.

use super::check::{leak, leak_str, leak_strs};
use super::detect::{self, Found};
use super::extract::Sentence;
use crate::claimbase::kinds::Status;
use crate::claimbase::model::{Detected, Passage, Source, SourceIdx, Study, Term, Unreviewed};

/// The sentences no passage in `covered` overlaps, in article order.
pub fn uncovered<'a>(sentences: &'a [Sentence], covered: &[&Passage]) -> Vec<&'a Sentence> {
    let overlaps =
        |s: &Sentence, p: &Passage| p.source == s.source && p.start < s.end && s.start < p.end;
    sentences
        .iter()
        .filter(|s| !covered.iter().any(|p| overlaps(s, p)))
        .collect()
}

/// The unreviewed sentences that mention a term, and the studies found in the
/// unreviewed text (numbered after `first_id`'s list).
pub fn derive(
    sources: &[Source],
    terms: &[Term],
    sentences: &[Sentence],
    covered: &[&Passage],
) -> (Vec<Unreviewed>, Vec<Study>) {
    let open = uncovered(sentences, covered);
    let mentions = open
        .iter()
        .filter(|s| !s.terms.is_empty())
        .map(|s| Unreviewed {
            passage: Passage {
                source: s.source,
                start: s.start,
                end: s.end,
            },
            terms: leak(s.terms.clone()),
        })
        .collect();
    // Numbered within each article, so a new article never renumbers (and so
    // breaks the links to) another's.
    let mut seen: Vec<SourceIdx> = Vec::new();
    let studies = detect::studies(sources, terms, &open)
        .into_iter()
        .map(|found| {
            let n = seen.iter().filter(|&&s| s == found.source).count();
            seen.push(found.source);
            study(sources, n, found)
        })
        .collect();
    (mentions, studies)
}

/// A found study as the study list shows it: "not yet reviewed", its sentences
/// as what the article says, the details in `detected`.
fn study(sources: &[Source], n: usize, found: Found) -> Study {
    let article = sources.get(found.source.index());
    let name = article.map(Source::display_name).unwrap_or_default();
    let kind = match found.design {
        crate::claimbase::kinds::Design::Unspecified => "Research".to_string(),
        design => design.label().to_string(),
    };
    let mentions: Vec<Passage> = found
        .sentences
        .iter()
        .map(|&(start, end)| Passage {
            source: found.source,
            start,
            end,
        })
        .collect();
    Study {
        id: leak_str(format!("unreviewed-{}-{}", article.map_or("article", |a| a.id).replace('_', "-").to_ascii_lowercase(), n + 1)),
        label: leak_str(format!("{kind} described in {name}")),
        design: found.design,
        populations: leak(found.populations),
        comparators: leak(found.comparators),
        outcomes: leak(found.outcomes),
        status: Status::Unreviewed,
        quality: "Not yet reviewed: the build found it in the article's text. The details are what the text says, unchecked.",
        discrepancies: &[],
        findings: &[],
        detected: Some(Detected {
            design_words: leak_strs(&found.design_words),
            participants: found.participants.map(leak_str),
            journal: found.journal.map(leak_str),
            year: found.year,
        }),
        identified: None,
        closest: None,
        mentions: leak(mentions),
    }
}
