//! Studies (`studies.toml`): what the articles say about each, and the
//! publication behind it where one was identified.

use super::{leak, leak_str, leak_strs, Check, Context};
use crate::claimbase::compile::load::Parsed;
use crate::claimbase::compile::seed::{PublicationSeed, Studies, StudySeed};
use crate::claimbase::compile::SeedError;
use crate::claimbase::kinds::{Status, TermKind};
use crate::claimbase::model::{Publication, Study};

pub fn check(studies: &Parsed<Studies>, ctx: &Context, errors: &mut Vec<SeedError>) -> Vec<Study> {
    let mut check = Check::new(studies.file, errors);
    studies
        .seed
        .study
        .iter()
        .map(|s| study(&mut check, ctx, s))
        .collect()
}

fn study(check: &mut Check, ctx: &Context, s: &StudySeed) -> Study {
    let id = s.id.get_ref();
    check.non_empty(&s.id, "label", &s.label);
    check.non_empty(&s.id, "quality", &s.quality);
    check.require(!s.populations.is_empty(), &s.id, || {
        format!("study `{id}` needs `populations` (use [\"unspecified\"] when unknown)")
    });
    check.require(
        s.status != Status::Identified || s.identified.is_some(),
        &s.id,
        || format!("study `{id}` is `identified` but has no [study.identified] table"),
    );
    check.require(
        s.status != Status::Unverified || s.identified.is_none(),
        &s.id,
        || format!("study `{id}` is `unverified` but has [study.identified]: use [study.closest]"),
    );
    check.require(!s.mention.is_empty(), &s.id, || {
        format!("study `{id}` has no [[study.mention]]: quote what an article says about it")
    });
    let comparators = s.comparators.iter();
    let comparators = comparators.filter_map(|t| {
        ctx.ids
            .term(check, t, &[TermKind::Comparator], "comparator")
    });
    let comparators = comparators.collect();
    let outcomes = s.outcomes.iter();
    let outcomes = outcomes.filter_map(|t| ctx.ids.term(check, t, &[TermKind::Outcome], "outcome"));
    let outcomes = outcomes.collect();
    Study {
        id: leak_str(id.as_str()),
        label: leak_str(s.label.as_str()),
        design: s.design,
        populations: leak(s.populations.clone()),
        comparators: leak(comparators),
        outcomes: leak(outcomes),
        status: s.status,
        quality: leak_str(s.quality.as_str()),
        discrepancies: leak_strs(&s.discrepancies),
        identified: s.identified.as_ref().map(publication),
        closest: s.closest.as_ref().map(publication),
        mentions: leak(ctx.quotes.passages(ctx.ids, check, &s.mention)),
    }
}

fn publication(p: &PublicationSeed) -> Publication {
    Publication {
        citation: leak_str(p.citation.as_str()),
        authors: leak_str(p.authors.as_str()),
        title: leak_str(p.title.as_str()),
        journal: leak_str(p.journal.as_str()),
        year: p.year,
        doi: leak_str(p.doi.as_str()),
        volume: leak_str(p.volume.as_str()),
        issue: leak_str(p.issue.as_str()),
        pages: leak_str(p.pages.as_str()),
        participants: p.participants,
        duration: leak_str(p.duration.as_str()),
        result: leak_str(p.result.as_str()),
    }
}
