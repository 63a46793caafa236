//! The options grid (`options.toml`): every option in equal detail. Parsing
//! already requires every field; this check requires each field to be known
//! (with the records it rests on whenever it gives a figure) or explicitly
//! unknown with a reason, one outlook per pain duration, and one statement per
//! guideline column, in order.

use std::collections::HashSet;

use toml::Spanned;

use super::{leak, leak_str, Check, Context};
use crate::claimbase::compile::load::Parsed;
use crate::claimbase::compile::seed::{FactSeed, OptionSeed, Options as OptionsSeed, OutlookSeed};
use crate::claimbase::compile::SeedError;
use crate::claimbase::kinds::PainDuration;
use crate::claimbase::model::{
    CareOption, CareOptionIdx, Fact, GuidelineIdx, Matter, Options, Outlook, SafetyIdx,
};

pub fn check(options: &Parsed<OptionsSeed>, ctx: &Context, errors: &mut Vec<SeedError>) -> Options {
    let mut check = Check::new(options.file, errors);
    let seed = &options.seed;
    let decision = &seed.decision;
    if decision.get_ref().trim().is_empty() {
        check.at(
            decision.span().start,
            "`decision` must say the reader's decision",
        );
    }
    let columns: Vec<GuidelineIdx> = seed
        .guidelines
        .iter()
        .filter_map(|g| ctx.ids.guideline(&mut check, g))
        .collect();
    if seed.option.is_empty() {
        check.at(
            decision.span().start,
            "the options grid needs at least one [[option]]",
        );
    }
    let choices = seed
        .option
        .iter()
        .map(|o| option(&mut check, ctx, &seed.guidelines, o))
        .collect();
    if seed.course.is_empty() {
        check.at(
            decision.span().start,
            "the options grid needs `course`: what a course of massage involves",
        );
    }
    let course = seed
        .course
        .iter()
        .map(|point| known_fact(&mut check, ctx, "course", point))
        .collect();
    let matters = matters(&mut check, ctx, seed);
    let condition = known_fact(&mut check, ctx, "condition", &seed.condition);
    let condition_brief = seed
        .condition_brief
        .as_ref()
        .map(|brief| known_fact(&mut check, ctx, "condition_brief", brief));
    // On an error the build stops, so the stand-in index is never used.
    let not_improving = ctx
        .ids
        .safety(&mut check, &seed.not_improving)
        .unwrap_or(SafetyIdx(0));
    Options {
        decision: leak_str(decision.get_ref().as_str()),
        condition,
        condition_brief,
        not_improving,
        guidelines: leak(columns),
        choices: leak(choices),
        course: leak(course),
        matters: leak(matters),
    }
}

/// The reader's answers are kept as one bit per matter and per option (`Marks`).
const MAX_MARKS: usize = 32;

/// "What matters to you": each one labelled, unique, and fitting at least one
/// option, named once.
fn matters(check: &mut Check, ctx: &Context, seed: &OptionsSeed) -> Vec<Matter> {
    if seed.matter.is_empty() {
        check.at(
            seed.decision.span().start,
            "the options grid needs [[matter]] entries: what a reader may care about in choosing",
        );
    }
    for (what, count, at) in [
        (
            "[[matter]] entries",
            seed.matter.len(),
            seed.matter.get(MAX_MARKS).map(|m| m.id.span().start),
        ),
        (
            "[[option]] entries",
            seed.option.len(),
            seed.option.get(MAX_MARKS).map(|o| o.id.span().start),
        ),
    ] {
        if let Some(at) = at {
            check.at(
                at,
                format!(
                    "{count} {what}: at most {MAX_MARKS} (the reader's marks are one bit each)"
                ),
            );
        }
    }
    let mut seen = HashSet::new();
    seed.matter
        .iter()
        .map(|m| {
            if !seen.insert(m.id.get_ref().as_str()) {
                check.at(
                    m.id.span().start,
                    format!("matter `{}` is defined twice", m.id.get_ref()),
                );
            }
            if m.label.get_ref().trim().is_empty() {
                check.at(m.label.span().start, "a matter's `label` must not be empty");
            }
            if m.fits.is_empty() {
                check.at(
                    m.id.span().start,
                    format!(
                        "matter `{}` fits no option: name at least one in `fits`",
                        m.id.get_ref()
                    ),
                );
            }
            let mut fits: Vec<CareOptionIdx> = Vec::new();
            for id in &m.fits {
                if let Some(option) = ctx.ids.care_option(check, id) {
                    if fits.contains(&option) {
                        check.at(
                            id.span().start,
                            format!("`{}` is named twice in `fits`", id.get_ref()),
                        );
                    }
                    fits.push(option);
                }
            }
            Matter {
                id: leak_str(m.id.get_ref().as_str()),
                label: leak_str(m.label.get_ref().as_str()),
                fits: leak(fits),
            }
        })
        .collect()
}

fn option(
    check: &mut Check,
    ctx: &Context,
    columns: &[Spanned<String>],
    o: &OptionSeed,
) -> CareOption {
    check.non_empty(&o.id, "name", &o.name);
    check.non_empty(&o.id, "what", &o.what);
    let mut outlooks = Vec::new();
    for duration in PainDuration::ALL {
        let mut matching = o.pain.iter().filter(|p| *p.duration.get_ref() == *duration);
        match (matching.next(), matching.next()) {
            (Some(p), None) => outlooks.push(outlook(check, ctx, columns, p)),
            (None, _) => check.require(false, &o.id, || {
                format!(
                    "option `{}` needs a [[option.pain]] with duration = \"{}\": every option covers recent and long-lasting pain",
                    o.id.get_ref(),
                    duration.slug()
                )
            }),
            (Some(_), Some(second)) => check.at(
                second.duration.span().start,
                format!("option `{}` has two outlooks for duration \"{}\"", o.id.get_ref(), duration.slug()),
            ),
        }
    }
    CareOption {
        id: leak_str(o.id.get_ref().as_str()),
        name: leak_str(o.name.as_str()),
        what: leak_str(o.what.as_str()),
        given_by: fact(check, ctx, "given_by", &o.given_by),
        sessions: fact(check, ctx, "sessions", &o.sessions),
        by_yourself: fact(check, ctx, "by_yourself", &o.by_yourself),
        cost: fact(check, ctx, "cost", &o.cost),
        outlooks: leak(outlooks),
    }
}

fn outlook(
    check: &mut Check,
    ctx: &Context,
    columns: &[Spanned<String>],
    p: &OutlookSeed,
) -> Outlook {
    let named: Vec<&str> = p
        .guideline
        .iter()
        .map(|g| g.guideline.get_ref().as_str())
        .collect();
    let wanted: Vec<&str> = columns.iter().map(|c| c.get_ref().as_str()).collect();
    if named != wanted {
        check.at(
            p.duration.span().start,
            format!(
                "this outlook's [[option.pain.guideline]] entries are [{}]; the grid's `guidelines` need exactly [{}], in that order",
                named.join(", "),
                wanted.join(", ")
            ),
        );
    }
    let helps = p.helps.get_ref();
    if helps.unknown.is_some() && helps.certainty.is_some() {
        check.at(
            p.helps.span().start,
            "`helps` is unknown, so it cannot have a `certainty`",
        );
    }
    Outlook {
        duration: *p.duration.get_ref(),
        helps: fact(check, ctx, "helps", &p.helps),
        certainty: helps.certainty,
        lasts: fact(check, ctx, "lasts", &p.lasts),
        harms: fact(check, ctx, "harms", &p.harms),
        guidelines: leak(
            p.guideline
                .iter()
                .map(|g| fact(check, ctx, "says", &g.says))
                .collect(),
        ),
    }
}

/// A fact that can only be known (a course point, the condition, how far the
/// evidence was searched): `unknown` is an error there; otherwise as `fact`.
pub fn known_fact(check: &mut Check, ctx: &Context, field: &str, seed: &Spanned<FactSeed>) -> Fact {
    if seed.get_ref().unknown.is_some() {
        check.at(
            seed.span().start,
            format!("`{field}` says what is known: give `text`, with `cites` for any figure, and leave out what is not known"),
        );
    }
    fact(check, ctx, field, seed)
}

/// A cell: known with its records, or unknown with a reason; never both, never
/// neither, and never a figure without a record behind it.
fn fact(check: &mut Check, ctx: &Context, field: &str, seed: &Spanned<FactSeed>) -> Fact {
    let at = seed.span().start;
    let f = seed.get_ref();
    let cites = leak(
        f.cites
            .iter()
            .filter_map(|c| ctx.ids.evidence(check, c))
            .collect(),
    );
    match (&f.text, &f.unknown) {
        (Some(text), None) if !text.trim().is_empty() => {
            if text.chars().any(|c| c.is_ascii_digit()) && f.cites.is_empty() {
                check.at(
                    at,
                    format!("`{field}` gives a figure but cites nothing: add `cites` with the studies or guidelines it comes from"),
                );
            }
            Fact {
                known: true,
                text: leak_str(text.as_str()),
                cites,
            }
        }
        (None, Some(why)) if !why.trim().is_empty() => {
            if !f.cites.is_empty() || f.certainty.is_some() {
                check.at(
                    at,
                    format!("`{field}` is unknown: it takes only the reason (`unknown = \"...\"`)"),
                );
            }
            Fact {
                known: false,
                text: leak_str(why.as_str()),
                cites,
            }
        }
        (Some(_), Some(_)) => {
            check.at(
                at,
                format!("`{field}` has both `text` and `unknown`: it is one or the other"),
            );
            Fact {
                known: false,
                text: "",
                cites,
            }
        }
        _ => {
            check.at(
                at,
                format!("`{field}` is empty: give `text` (with `cites` for any figure) or `unknown = \"why\"`"),
            );
            Fact {
                known: false,
                text: "",
                cites,
            }
        }
    }
}
