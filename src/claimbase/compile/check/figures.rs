//! Figures (`figures.toml`): numbers as pictures, each drawn under a sentence of
//! the short answer. Checked here so that a drawing can trust its data: every
//! value out of 100 with at most one decimal, each range in order around its
//! value, and the shape each kind needs (`FigureKind`). Then each is drawn.

use super::{leak, leak_str, Check, Context};
use crate::claimbase::compile::load::Parsed;
use crate::claimbase::compile::seed::{FigureGroupSeed, FigureSeed, Figures, ReadingSeed};
use crate::claimbase::compile::SeedError;
use crate::claimbase::kinds::FigureKind;
use crate::claimbase::model::Figure;
use crate::draw::figure::{self as drawing, FigureGroup, Reading};

/// The most groups one figure compares: more do not fit a phone's width.
const MAX_GROUPS: usize = 4;

/// The figures for each sentence of the short answer, in `sentences`' order.
pub fn check(
    figures: &Parsed<Figures>,
    sentences: &[&str],
    ctx: &Context,
    errors: &mut Vec<SeedError>,
) -> Vec<Vec<Figure>> {
    let mut check = Check::new(figures.file, errors);
    let mut by_sentence: Vec<Vec<Figure>> = sentences.iter().map(|_| Vec::new()).collect();
    for spanned in &figures.seed.figure {
        let seed = spanned.get_ref();
        let at = spanned.span().start;
        let figure = figure(&mut check, ctx, seed, at);
        match sentences.iter().position(|&s| s == seed.sentence.get_ref()) {
            Some(n) => by_sentence[n].push(figure),
            None => check.at(
                seed.sentence.span().start,
                format!(
                    "no sentence `{}` in bottom-line.toml to draw this figure under",
                    seed.sentence.get_ref()
                ),
            ),
        }
    }
    by_sentence
}

fn figure(check: &mut Check, ctx: &Context, seed: &FigureSeed, at: usize) -> Figure {
    for (field, text) in [("title", &seed.title), ("says", &seed.says)] {
        if text.trim().is_empty() {
            check.at(at, format!("a figure needs a `{field}`"));
        }
    }
    if seed.cites.is_empty() {
        check.at(
            at,
            "a figure cites nothing: add `cites` with the records its numbers come from",
        );
    }
    let groups: Vec<FigureGroup> = seed
        .group
        .iter()
        .map(|g| group(check, seed.kind, g.get_ref(), g.span().start))
        .collect();
    let wanted = match seed.kind {
        FigureKind::Range => 1..=1,
        FigureKind::Icons => 2..=MAX_GROUPS,
        FigureKind::Scale | FigureKind::Course => 1..=MAX_GROUPS,
    };
    if !wanted.contains(&groups.len()) {
        let message = format!(
            "a `{}` figure has {} groups; it needs {} to {}",
            seed.kind.slug(),
            groups.len(),
            wanted.start(),
            wanted.end()
        );
        check.at(at, message);
    }
    Figure {
        kind: seed.kind,
        title: leak_str(seed.title.as_str()),
        says: leak_str(seed.says.as_str()),
        certainty: seed.certainty,
        cites: leak(
            seed.cites
                .iter()
                .filter_map(|c| ctx.ids.cite(check, c))
                .collect(),
        ),
        svg: leak_str(drawing::svg(seed.kind, &seed.title, &groups)),
    }
}

/// One group, checked for what its kind draws.
fn group(check: &mut Check, kind: FigureKind, seed: &FigureGroupSeed, at: usize) -> FigureGroup {
    if seed.label.trim().is_empty() {
        check.at(at, "a figure's group needs a `label`");
    }
    let single = ReadingSeed {
        week: 0,
        value: seed.value,
        low: seed.low,
        high: seed.high,
    };
    let is_single = seed.value.is_some() || seed.low.is_some() || seed.high.is_some();
    let seeds: Vec<&ReadingSeed> = match kind {
        FigureKind::Course => {
            if is_single || seed.points.len() < 2 {
                check.at(at, "a `course` group needs `points`, two or more, each with a `week` and a `value`");
            }
            seed.points.iter().collect()
        }
        _ => {
            if !seed.points.is_empty() {
                check.at(
                    at,
                    format!(
                        "a `{}` group has one reading (`value`, `low`, `high`), not `points`",
                        kind.slug()
                    ),
                );
            }
            vec![&single]
        }
    };
    let readings: Vec<Reading> = seeds.iter().map(|r| reading(check, r, at)).collect();
    // What each kind needs, judged on what was written (a value out of range is
    // reported once, by `reading`).
    for r in &seeds {
        let ok = match kind {
            FigureKind::Scale | FigureKind::Course => r.value.is_some(),
            // A whole number of people out of 100, and nothing else.
            FigureKind::Icons => {
                r.value.is_some_and(|v| v.fract() == 0.0) && r.low.is_none() && r.high.is_none()
            }
            FigureKind::Range => r.low.is_some() && r.high.is_some(),
        };
        if !ok {
            let needs = match kind {
                FigureKind::Scale | FigureKind::Course => "a `value`",
                FigureKind::Icons => "a whole-number `value` (people out of 100) and no range",
                FigureKind::Range => "a `low` and a `high`",
            };
            check.at(at, format!("a `{}` group needs {needs}", kind.slug()));
        }
    }
    if readings.windows(2).any(|w| w[0].week >= w[1].week) {
        check.at(
            at,
            "a course's `points` must be in order of `week`, each week once",
        );
    }
    FigureGroup {
        label: seed.label.clone(),
        readings,
    }
}

fn reading(check: &mut Check, seed: &ReadingSeed, at: usize) -> Reading {
    let mut tenths = |name: &str, x: Option<f64>| {
        let x = x?;
        let t = (x * 10.0).round();
        if !(0.0..=100.0).contains(&x) || (t - x * 10.0).abs() > 1e-6 {
            check.at(
                at,
                format!("`{name} = {x}` must be between 0 and 100, with at most one decimal"),
            );
            return None;
        }
        Some(t as u16)
    };
    let reading = Reading {
        week: seed.week,
        value: tenths("value", seed.value),
        low: tenths("low", seed.low),
        high: tenths("high", seed.high),
    };
    let (low, high) = (reading.low, reading.high);
    let in_order = match (low, high) {
        (Some(low), Some(high)) => {
            low < high && reading.value.is_none_or(|v| low <= v && v <= high)
        }
        (None, None) => true,
        _ => false,
    };
    if !in_order {
        check.at(
            at,
            "a range needs both `low` and `high`, low below high, with the `value` between them",
        );
    }
    reading
}
