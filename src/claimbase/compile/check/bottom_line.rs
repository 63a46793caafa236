//! The bottom line (`bottom-line.toml`): a one-line summary and three to six
//! sentences, each citing the studies, guidelines or claims it rests on, with
//! the figures drawn under it (checked in `figures`).

use super::{leak, leak_str, Check, Context};
use crate::claimbase::compile::load::Parsed;
use crate::claimbase::compile::seed::{BottomLine as BottomLineSeed, PointSeed};
use crate::claimbase::compile::SeedError;
use crate::claimbase::model::{BottomLine, Figure, Point};

/// How many sentences a reader can take in at a glance (about 30 seconds).
const SENTENCES: std::ops::RangeInclusive<usize> = 3..=6;

/// The most words a short answer may have: two short lines on a phone.
const SHORT_WORDS: usize = 30;

pub fn check(
    bottom_line: &Parsed<BottomLineSeed>,
    figures: Vec<Vec<Figure>>,
    ctx: &Context,
    errors: &mut Vec<SeedError>,
) -> BottomLine {
    let mut check = Check::new(bottom_line.file, errors);
    let seed = &bottom_line.seed;
    let summary = &seed.summary;
    if summary.get_ref().trim().is_empty() {
        check.at(summary.span().start, "the bottom line needs a `summary`");
    }
    if !SENTENCES.contains(&seed.sentence.len()) {
        let message = format!(
            "the bottom line has {} sentences; it needs {} to {}",
            seed.sentence.len(),
            SENTENCES.start(),
            SENTENCES.end()
        );
        check.at(summary.span().start, message);
    }
    BottomLine {
        summary: leak_str(summary.get_ref().as_str()),
        points: leak(
            seed.sentence
                .iter()
                .zip(figures)
                .map(|(p, figures)| point(&mut check, ctx, p, figures))
                .collect(),
        ),
    }
}

fn point(check: &mut Check, ctx: &Context, p: &PointSeed, figures: Vec<Figure>) -> Point {
    check.non_empty(&p.id, "text", &p.text);
    if let Some(short) = &p.short {
        check.non_empty(&p.id, "short", short);
        let words = short.split_whitespace().count();
        check.require(words <= SHORT_WORDS, &p.id, || {
            format!("bottom-line sentence `{}`: `short` has {words} words; a short answer has at most {SHORT_WORDS}", p.id.get_ref())
        });
    }
    check.require(!p.cites.is_empty(), &p.id, || {
        format!("bottom-line sentence `{}` cites nothing: add `cites` with the studies, guidelines or claims it rests on", p.id.get_ref())
    });
    Point {
        id: leak_str(p.id.get_ref().as_str()),
        question: p.question,
        short: p.short.as_deref().map(leak_str),
        text: leak_str(p.text.as_str()),
        cites: leak(
            p.cites
                .iter()
                .filter_map(|c| ctx.ids.cite(check, c))
                .collect(),
        ),
        figures: leak(figures),
    }
}
