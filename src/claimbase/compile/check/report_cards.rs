//! Article report cards (`report-cards.toml`): the criteria, and for each rated
//! article a verdict line and exactly one rating per curated criterion, with a
//! reason and the quotes that show it. An article with no verdict is not yet
//! rated, and has no ratings.

use super::{leak, leak_str, leak_strs, Check, Context};
use crate::claimbase::compile::load::Parsed;
use crate::claimbase::compile::seed::{CriterionSeed, PassageSeed, RatingSeed, ReportCards};
use crate::claimbase::compile::SeedError;
use crate::claimbase::model::{Criterion, CriterionIdx, Rating, ReportCard, SourceIdx};

pub fn criteria(cards: &Parsed<ReportCards>, errors: &mut Vec<SeedError>) -> Vec<Criterion> {
    let mut check = Check::new(cards.file, errors);
    cards
        .seed
        .criterion
        .iter()
        .map(|c| criterion(&mut check, c))
        .collect()
}

fn criterion(check: &mut Check, c: &CriterionSeed) -> Criterion {
    for (field, value) in [
        ("name", &c.name),
        ("question", &c.question),
        ("satisfactory", &c.satisfactory),
    ] {
        check.non_empty(&c.id, field, value);
    }
    check.require(!c.origin.is_empty(), &c.id, || {
        format!(
            "criterion `{}` needs an `origin`: the instruments it comes from",
            c.id.get_ref()
        )
    });
    Criterion {
        id: leak_str(c.id.get_ref().as_str()),
        name: leak_str(c.name.as_str()),
        question: leak_str(c.question.as_str()),
        satisfactory: leak_str(c.satisfactory.as_str()),
        origin: leak_strs(&c.origin),
        computed: c.computed,
    }
}

/// The cards, in the order of their verdict lines.
pub fn cards(
    cards: &Parsed<ReportCards>,
    ctx: &Context,
    criteria: &[Criterion],
    errors: &mut Vec<SeedError>,
) -> Vec<ReportCard> {
    let mut check = Check::new(cards.file, errors);
    let seed = &cards.seed;
    let mut rated: Vec<SourceIdx> = Vec::new();
    let mut out = Vec::new();
    for verdict in &seed.verdict {
        let Some(source) = ctx.ids.source(&mut check, &verdict.source) else {
            continue;
        };
        check.non_empty(&verdict.source, "text", &verdict.text);
        if rated.contains(&source) {
            check.at(
                verdict.source.span().start,
                format!("`{}` has a second [[verdict]]", verdict.source.get_ref()),
            );
            continue;
        }
        rated.push(source);
        let ratings: Vec<&RatingSeed> = seed
            .rating
            .iter()
            .filter(|r| r.source.get_ref() == verdict.source.get_ref())
            .collect();
        let ratings = card_ratings(
            &mut check,
            ctx,
            criteria,
            source,
            &ratings,
            verdict.source.span().start,
        );
        out.push(ReportCard {
            source,
            verdict: leak_str(verdict.text.as_str()),
            ratings: leak(ratings),
        });
    }
    for r in &seed.rating {
        let has_card = seed
            .verdict
            .iter()
            .any(|v| v.source.get_ref() == r.source.get_ref());
        if !has_card && ctx.ids.source(&mut check, &r.source).is_some() {
            let message = format!(
                "`{}` is rated but has no [[verdict]]: add its verdict line",
                r.source.get_ref()
            );
            check.at(r.source.span().start, message);
        }
    }
    out
}

/// One article's ratings: each curated criterion exactly once (a missing one is
/// reported at the article's verdict), none for a computed criterion.
fn card_ratings(
    check: &mut Check,
    ctx: &Context,
    criteria: &[Criterion],
    source: SourceIdx,
    ratings: &[&RatingSeed],
    verdict_at: usize,
) -> Vec<Rating> {
    let mut out: Vec<Rating> = Vec::new();
    for r in ratings {
        let Some(criterion) = ctx.ids.criterion(check, &r.criterion) else {
            continue;
        };
        let at = r.criterion.span().start;
        let name = r.criterion.get_ref();
        if criteria
            .get(criterion.index())
            .is_some_and(|c| c.computed.is_some())
        {
            check.at(
                at,
                format!("`{name}` is computed from the claim base: it takes no rating"),
            );
        } else if out.iter().any(|o| o.criterion == criterion) {
            check.at(
                at,
                format!("`{}` is rated on `{name}` twice", r.source.get_ref()),
            );
        } else {
            out.push(rating(check, ctx, source, criterion, r));
        }
    }
    for (position, c) in criteria.iter().enumerate() {
        let missing = c.computed.is_none() && !out.iter().any(|r| r.criterion.index() == position);
        if missing {
            let source_id = ctx.ids.source_id(source);
            check.at(
                verdict_at,
                format!(
                    "the report card of `{source_id}` has no rating for `{}`",
                    c.id
                ),
            );
        }
    }
    out
}

fn rating(
    check: &mut Check,
    ctx: &Context,
    source: SourceIdx,
    criterion: CriterionIdx,
    r: &RatingSeed,
) -> Rating {
    if r.reason.trim().is_empty() {
        let message = format!(
            "the rating of `{}` on `{}` needs a `reason`",
            r.source.get_ref(),
            r.criterion.get_ref()
        );
        check.at(r.criterion.span().start, message);
    }
    let quotes = r.quote.iter().filter_map(|q| {
        let seed = PassageSeed {
            source: r.source.clone(),
            quote: q.quote.clone(),
        };
        ctx.quotes.find(check, source, &seed)
    });
    Rating {
        criterion,
        verdict: r.verdict,
        reason: leak_str(r.reason.as_str()),
        quotes: leak(quotes.collect()),
    }
}
