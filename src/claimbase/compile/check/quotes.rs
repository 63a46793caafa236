//! Quotes: a `{ source, quote }` becomes a `Passage`, the quote's byte range in
//! its article, or an error that shows the closest passage there is.

use super::Check;
use crate::claimbase::compile::ids::Ids;
use crate::claimbase::compile::normalize::{self, Normalized};
use crate::claimbase::compile::seed::PassageSeed;
use crate::claimbase::model::{Passage, Source, SourceIdx};

/// Every article's text, normalised once for finding quotes.
pub struct Quotes {
    texts: Vec<(&'static str, Normalized)>,
}

impl Quotes {
    pub fn new(sources: &[Source]) -> Self {
        let texts = sources
            .iter()
            .map(|s| (s.text, normalize::normalize(s.text)))
            .collect();
        Quotes { texts }
    }

    /// Finds `seed.quote` in its source.
    pub fn passage(&self, ids: &Ids, check: &mut Check, seed: &PassageSeed) -> Option<Passage> {
        let source = ids.source(check, &seed.source)?;
        self.find(check, source, seed)
    }

    /// Finds `seed.quote` in `source` (the seed's own `source` names it in errors).
    pub fn find(
        &self,
        check: &mut Check,
        source: SourceIdx,
        seed: &PassageSeed,
    ) -> Option<Passage> {
        let (text, normalized) = self.texts.get(source.index())?;
        let quote = seed.quote.get_ref();
        if let Some((start, end)) = normalized.find(text, quote) {
            let offset = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            return Some(Passage {
                source,
                start: offset(start),
                end: offset(end),
            });
        }
        let hint = normalize::closest_passage(text, quote)
            .map(|closest| format!("; the closest passage is \"{closest}\""))
            .unwrap_or_default();
        let message = format!(
            "quote not found in {}: \"{quote}\"{hint}",
            seed.source.get_ref()
        );
        check.at(seed.quote.span().start, message);
        None
    }

    pub fn passages(&self, ids: &Ids, check: &mut Check, seeds: &[PassageSeed]) -> Vec<Passage> {
        seeds
            .iter()
            .filter_map(|s| self.passage(ids, check, s))
            .collect()
    }
}
