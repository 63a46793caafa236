//! Clinical guidelines (`guidelines.toml`): what each recommends about massage,
//! for whom, how strongly and on how certain evidence.

use super::{leak, leak_str, Check};
use crate::claimbase::compile::load::Parsed;
use crate::claimbase::compile::seed::{GuidelineSeed, Guidelines, RecommendationSeed};
use crate::claimbase::compile::SeedError;
use crate::claimbase::model::{Guideline, Recommendation};

pub fn check(guidelines: &Parsed<Guidelines>, errors: &mut Vec<SeedError>) -> Vec<Guideline> {
    let mut check = Check::new(guidelines.file, errors);
    guidelines
        .seed
        .guideline
        .iter()
        .map(|g| guideline(&mut check, g))
        .collect()
}

fn guideline(check: &mut Check, g: &GuidelineSeed) -> Guideline {
    let id = g.id.get_ref();
    for (field, value) in [
        ("name", &g.name),
        ("short", &g.short),
        ("issuer", &g.issuer),
        ("title", &g.title),
        ("citation", &g.citation),
    ] {
        check.non_empty(&g.id, field, value);
    }
    check.require(
        !g.doi.trim().is_empty() || !g.url.trim().is_empty(),
        &g.id,
        || format!("guideline `{id}` needs a `doi` or a `url` where readers can find it"),
    );
    check.require(!g.recommendation.is_empty(), &g.id, || {
        format!("guideline `{id}` needs a [[guideline.recommendation]] saying what it recommends about massage")
    });
    Guideline {
        id: leak_str(id.as_str()),
        name: leak_str(g.name.as_str()),
        short: leak_str(g.short.as_str()),
        issuer: leak_str(g.issuer.as_str()),
        title: leak_str(g.title.as_str()),
        citation: leak_str(g.citation.as_str()),
        year: g.year,
        doi: leak_str(g.doi.as_str()),
        url: leak_str(g.url.as_str()),
        recommendations: leak(
            g.recommendation
                .iter()
                .map(|r| recommendation(check, r))
                .collect(),
        ),
    }
}

fn recommendation(check: &mut Check, r: &RecommendationSeed) -> Recommendation {
    let at = r.text.span().start;
    if r.text.get_ref().trim().is_empty() {
        check.at(at, "a recommendation's `text` must not be empty");
    }
    if r.populations.is_empty() {
        check.at(
            at,
            "a recommendation needs `populations` (use [\"unspecified\"] when it does not say)",
        );
    }
    Recommendation {
        populations: leak(r.populations.clone()),
        text: leak_str(r.text.get_ref().as_str()),
        wording: r.wording.as_deref().map(leak_str),
        strength: r.strength,
        certainty: r.certainty,
        note: r.note.as_deref().map(leak_str),
    }
}
