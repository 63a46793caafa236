//! Claims, disagreements and not-a-claim notes (`claims.toml`).

use super::{leak, leak_str, Check, Context};
use crate::claimbase::compile::ids::Ids;
use crate::claimbase::compile::load::{Parsed, SeedFile};
use crate::claimbase::compile::seed::{ClaimSeed, Claims, PassageSeed};
use crate::claimbase::compile::{NotAClaim, SeedError};
use crate::claimbase::kinds::Evidence;
use crate::claimbase::model::{Claim, ClaimIdx, Disagreement, SourceIdx};

pub fn disagreements(
    claims: &Parsed<Claims>,
    ctx: &Context,
    errors: &mut Vec<SeedError>,
) -> Vec<Disagreement> {
    let mut check = Check::new(claims.file, errors);
    claims
        .seed
        .disagreement
        .iter()
        .map(|d| {
            check.non_empty(&d.id, "topic", &d.topic);
            check.non_empty(&d.id, "note", &d.note);
            check.require(d.claims.len() >= 2, &d.id, || {
                format!("disagreement `{}` needs two or more claims", d.id.get_ref())
            });
            let members = d
                .claims
                .iter()
                .filter_map(|c| ctx.ids.claim(&mut check, c))
                .collect();
            Disagreement {
                id: leak_str(d.id.get_ref().as_str()),
                topic: leak_str(d.topic.as_str()),
                claims: leak(members),
                note: leak_str(d.note.as_str()),
            }
        })
        .collect()
}

/// Claims (of `claims.toml`, then of the drafts, each with its file); each lists
/// the `disagreements` it takes part in.
pub fn claims(
    claims: &[(&SeedFile, &ClaimSeed)],
    ctx: &Context,
    disagreements: &[Disagreement],
    errors: &mut Vec<SeedError>,
) -> Vec<Claim> {
    (0u16..)
        .zip(claims)
        .map(|(position, &(file, c))| {
            let part_of = disagreements
                .iter()
                .enumerate()
                .filter(|(_, d)| d.claims.contains(&ClaimIdx(position)))
                .filter_map(|(d, _)| Ids::disagreement_at(d))
                .collect();
            claim(&mut Check::new(file, errors), ctx, c, leak(part_of))
        })
        .collect()
}

fn claim(
    check: &mut Check,
    ctx: &Context,
    c: &ClaimSeed,
    disagreements: &'static [crate::claimbase::model::DisagreementIdx],
) -> Claim {
    check.non_empty(&c.id, "text", &c.text);
    check.non_empty(&c.id, "evidence_note", &c.evidence_note);
    check.require(c.draft || c.evidence != Evidence::Unreviewed, &c.id, || {
        format!(
            "claim `{}`: `unreviewed` is only for a draft: grade it, or mark it `draft = true`",
            c.id.get_ref()
        )
    });
    check.require(!c.about.is_empty(), &c.id, || {
        format!(
            "claim `{}` must be `about` at least one term",
            c.id.get_ref()
        )
    });
    check.require(!c.support.is_empty(), &c.id, || {
        format!(
            "claim `{}` has no support: add a [[claim.support]] with a source and a quote",
            c.id.get_ref()
        )
    });
    let about = c
        .about
        .iter()
        .filter_map(|t| ctx.ids.term(check, t, &[], "term"))
        .collect();
    let studies = c
        .studies
        .iter()
        .filter_map(|s| ctx.ids.study(check, s))
        .collect();
    let supports = ctx.quotes.passages(ctx.ids, check, &c.support);
    let mut sources: Vec<SourceIdx> = supports.iter().map(|p| p.source).collect();
    sources.sort_unstable();
    sources.dedup();
    Claim {
        id: leak_str(c.id.get_ref().as_str()),
        kind: c.kind,
        about: leak(about),
        text: leak_str(c.text.as_str()),
        evidence: c.evidence,
        evidence_note: leak_str(c.evidence_note.as_str()),
        supports: leak(supports),
        studies: leak(studies),
        source_count: u8::try_from(sources.len()).unwrap_or(u8::MAX),
        disagreements,
    }
}

/// Passages the curators judged not to be claims, with why (build-only).
pub fn not_claims(
    claims: &Parsed<Claims>,
    ctx: &Context,
    errors: &mut Vec<SeedError>,
) -> Vec<NotAClaim> {
    let mut check = Check::new(claims.file, errors);
    claims
        .seed
        .not_a_claim
        .iter()
        .filter_map(|n| {
            if n.reason.trim().is_empty() {
                check.at(n.quote.span().start, "a [[not_a_claim]] needs a `reason`");
            }
            let seed = PassageSeed {
                source: n.source.clone(),
                quote: n.quote.clone(),
            };
            let passage = ctx.quotes.passage(ctx.ids, &mut check, &seed)?;
            Some(NotAClaim {
                passage,
                reason: n.reason.clone(),
            })
        })
        .collect()
}
