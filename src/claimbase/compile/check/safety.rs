//! Safety guidance (`safety.toml`): red flags by urgency, side effects, when to
//! avoid massage, questions for a therapist, self-care; and the emergency
//! numbers of each region. Each item rests on an article or a named basis.

use super::{leak, leak_str, Check, Context};
use crate::claimbase::compile::load::Parsed;
use crate::claimbase::compile::seed::{RegionSeed, Safety, SafetySeed};
use crate::claimbase::compile::SeedError;
use crate::claimbase::kinds::SafetyKind;
use crate::claimbase::model::{Region, SafetyItem};

pub fn check(
    safety: &Parsed<Safety>,
    ctx: &Context,
    errors: &mut Vec<SeedError>,
) -> Vec<SafetyItem> {
    let mut check = Check::new(safety.file, errors);
    safety
        .seed
        .safety
        .iter()
        .map(|s| item(&mut check, ctx, s))
        .collect()
}

fn item(check: &mut Check, ctx: &Context, s: &SafetySeed) -> SafetyItem {
    let id = s.id.get_ref();
    check.non_empty(&s.id, "text", &s.text);
    let has_basis = s.basis.as_deref().is_some_and(|b| !b.trim().is_empty());
    check.require(!s.support.is_empty() || has_basis, &s.id, || {
        format!("safety item `{id}` needs an article [[safety.support]] or a `basis`")
    });
    let red_flag = s.kind == SafetyKind::RedFlag;
    check.require(!red_flag || s.tier.is_some(), &s.id, || {
        format!("red flag `{id}` needs a `tier`: emergency, same-day or routine")
    });
    check.require(red_flag || s.tier.is_none(), &s.id, || {
        format!("safety item `{id}` has a `tier`, but only red flags have one")
    });
    SafetyItem {
        id: leak_str(id.as_str()),
        kind: s.kind,
        tier: s.tier,
        text: leak_str(s.text.as_str()),
        detail: s.detail.as_deref().map(leak_str),
        basis: s.basis.as_deref().map(leak_str),
        supports: leak(ctx.quotes.passages(ctx.ids, check, &s.support)),
    }
}

pub fn regions(safety: &Parsed<Safety>, errors: &mut Vec<SeedError>) -> Vec<Region> {
    let mut check = Check::new(safety.file, errors);
    safety
        .seed
        .region
        .iter()
        .map(|r| region(&mut check, r))
        .collect()
}

fn region(check: &mut Check, r: &RegionSeed) -> Region {
    check.non_empty(&r.id, "name", &r.name);
    let dialable = |n: &str| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == ' ');
    check.require(dialable(&r.emergency), &r.id, || {
        format!(
            "region `{}`: `emergency` must be a number to dial, not `{}`",
            r.id.get_ref(),
            r.emergency
        )
    });
    check.require(r.urgent.as_deref().is_none_or(dialable), &r.id, || {
        format!(
            "region `{}`: `urgent` must be a number to dial",
            r.id.get_ref()
        )
    });
    Region {
        id: leak_str(r.id.get_ref().as_str()),
        name: leak_str(r.name.as_str()),
        emergency: leak_str(r.emergency.as_str()),
        urgent: r.urgent.as_deref().map(leak_str),
    }
}
