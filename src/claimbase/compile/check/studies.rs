//! Studies (`studies.toml`): what the articles say about each, the publication
//! behind it where one was identified, and the research our review added.

use super::{leak, leak_str, Check, Context};
use crate::claimbase::compile::load::SeedFile;
use crate::claimbase::compile::seed::{DiscrepancySeed, FindingSeed, PublicationSeed, StudySeed};
use crate::claimbase::compile::SeedError;
use crate::claimbase::kinds::{Status, TermKind};
use crate::claimbase::model::{Discrepancy, Finding, Passage, Publication, Study};

/// Studies (of `studies.toml`, then of the drafts, each with its file).
pub fn check(
    studies: &[(&SeedFile, &StudySeed)],
    ctx: &Context,
    errors: &mut Vec<SeedError>,
) -> Vec<Study> {
    studies
        .iter()
        .map(|&(file, s)| study(&mut Check::new(file, errors), ctx, s))
        .collect()
}

fn study(check: &mut Check, ctx: &Context, s: &StudySeed) -> Study {
    check.non_empty(&s.id, "label", &s.label);
    check.non_empty(&s.id, "quality", &s.quality);
    check.require(!s.populations.is_empty(), &s.id, || {
        format!(
            "study `{}` needs `populations` (use [\"unspecified\"] when unknown)",
            s.id.get_ref()
        )
    });
    check_status(check, s);
    let terms = |check: &mut Check, ids: &[crate::claimbase::compile::seed::Id], kind, what| {
        ids.iter()
            .filter_map(|t| ctx.ids.term(check, t, &[kind], what))
            .collect::<Vec<_>>()
    };
    let comparators = terms(check, &s.comparators, TermKind::Comparator, "comparator");
    let outcomes = terms(check, &s.outcomes, TermKind::Outcome, "outcome");
    let mentions = ctx.quotes.passages(ctx.ids, check, &s.mention);
    let discrepancies = s
        .discrepancy
        .iter()
        .filter_map(|d| discrepancy(check, ctx, s, &mentions, d))
        .collect();
    Study {
        id: leak_str(s.id.get_ref().as_str()),
        label: leak_str(s.label.as_str()),
        design: s.design,
        populations: leak(s.populations.clone()),
        comparators: leak(comparators),
        outcomes: leak(outcomes),
        status: s.status,
        quality: leak_str(s.quality.as_str()),
        discrepancies: leak(discrepancies),
        findings: leak(s.finding.iter().map(|f| finding(check, f)).collect()),
        detected: None,
        identified: s.identified.as_ref().map(publication),
        closest: s.closest.as_ref().map(publication),
        mentions: leak(mentions),
    }
}

/// What each status requires: an identified study is mentioned and has its
/// publication; an unverified one is mentioned and has none; one our review
/// added has its publication and no mention.
fn check_status(check: &mut Check, s: &StudySeed) {
    let id = s.id.get_ref();
    let (mentioned, published) = match s.status {
        Status::Identified => (true, true),
        Status::Unverified => (true, false),
        Status::Added => (false, true),
        Status::Unreviewed => {
            let message = "`unreviewed` is for studies the build finds by itself: a curated study is identified, unverified or added";
            check.at(s.id.span().start, message);
            return;
        }
    };
    check.require(!published || s.identified.is_some(), &s.id, || {
        format!(
            "study `{id}` is `{}` but has no [study.identified] table",
            s.status.slug()
        )
    });
    check.require(published || s.identified.is_none(), &s.id, || {
        format!("study `{id}` is `unverified` but has [study.identified]: use [study.closest]")
    });
    check.require(!mentioned || !s.mention.is_empty(), &s.id, || {
        format!("study `{id}` has no [[study.mention]]: quote what an article says about it")
    });
    check.require(mentioned || s.mention.is_empty(), &s.id, || {
        format!("study `{id}` is `added` (no article mentions it) but has [[study.mention]]: make it `identified`")
    });
}

/// A discrepancy; one about a particular article must be about an article
/// that mentions the study.
fn discrepancy(
    check: &mut Check,
    ctx: &Context,
    s: &StudySeed,
    mentions: &[Passage],
    d: &DiscrepancySeed,
) -> Option<Discrepancy> {
    if d.text.get_ref().trim().is_empty() {
        check.at(
            d.text.span().start,
            format!(
                "`{}`: a discrepancy's `text` must not be empty",
                s.id.get_ref()
            ),
        );
    }
    let source = match &d.source {
        None => None,
        Some(id) => {
            let source = ctx.ids.source(check, id)?;
            if !mentions.iter().any(|m| m.source == source) {
                let message = format!(
                    "`{}` does not mention study `{}`",
                    id.get_ref(),
                    s.id.get_ref()
                );
                check.at(id.span().start, message);
            }
            Some(source)
        }
    };
    Some(Discrepancy {
        source,
        text: leak_str(d.text.get_ref().as_str()),
    })
}

fn finding(check: &mut Check, f: &FindingSeed) -> Finding {
    let fields = [
        &f.comparison.get_ref()[..],
        &f.outcome,
        &f.timing,
        &f.result,
    ];
    if fields.iter().any(|v| v.trim().is_empty()) {
        check.at(
            f.comparison.span().start,
            "a [[study.finding]] needs `comparison`, `outcome`, `timing` and `result`",
        );
    }
    Finding {
        comparison: leak_str(f.comparison.get_ref().as_str()),
        outcome: leak_str(f.outcome.as_str()),
        timing: leak_str(f.timing.as_str()),
        result: leak_str(f.result.as_str()),
        people: f.people.as_deref().map(leak_str),
        certainty: f.certainty,
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
        url: leak_str(p.url.as_str()),
        volume: leak_str(p.volume.as_str()),
        issue: leak_str(p.issue.as_str()),
        pages: leak_str(p.pages.as_str()),
        participants: p.participants,
        duration: leak_str(p.duration.as_str()),
        result: leak_str(p.result.as_str()),
    }
}
