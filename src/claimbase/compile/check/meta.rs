//! The claim base's own fields (`claimbase.toml`): title, review date, who
//! wrote it, that a host cannot edit it, and who stands behind it (`[about]`).

use toml::Spanned;

use super::{leak, leak_str, options, Check, Context};
use crate::claimbase::compile::load::Parsed;
use crate::claimbase::compile::seed::Meta;
use crate::claimbase::compile::SeedError;
use crate::claimbase::model::About;

/// Whether `s` is a date `YYYY-MM-DD` with a plausible month and day.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits_and_dashes = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    let number = |range: std::ops::Range<usize>| s.get(range).and_then(|n| n.parse::<u8>().ok());
    digits_and_dashes
        && matches!(number(5..7), Some(1..=12))
        && matches!(number(8..10), Some(1..=31))
}

pub fn check(meta: &Parsed<Meta>, ctx: &Context, errors: &mut Vec<SeedError>) -> About {
    let mut check = Check::new(meta.file, errors);
    let about = &meta.seed.about;
    for (field, value) in [
        ("written_by", &meta.seed.written_by),
        ("independence", &meta.seed.independence),
        ("about.method", &about.method),
        ("about.funding", &about.funding),
        ("about.updates", &about.updates),
    ] {
        if value.get_ref().trim().is_empty() {
            check.at(value.span().start, format!("`{field}` must not be empty"));
        }
    }
    for (field, date) in [
        ("reviewed", &meta.seed.reviewed),
        ("about.published", &about.published),
        ("about.next_review", &about.next_review),
    ] {
        if !is_date(date.get_ref()) {
            let message = format!(
                "`{field}` must be a date YYYY-MM-DD, not `{}`",
                date.get_ref()
            );
            check.at(date.span().start, message);
        }
    }
    // ISO dates compare as text.
    if about.next_review.get_ref() <= about.published.get_ref() {
        check.at(
            about.next_review.span().start,
            "`about.next_review` must come after `about.published`",
        );
    }
    if about.searched.is_empty() {
        check.at(
            about.method.span().start,
            "`about.searched` must say how far each body of evidence was searched",
        );
    }
    let searched = about
        .searched
        .iter()
        .map(|point| options::known_fact(&mut check, ctx, "searched", point))
        .collect();
    let text = |s: &Spanned<String>| leak_str(s.get_ref().as_str());
    About {
        published: text(&about.published),
        next_review: text(&about.next_review),
        method: text(&about.method),
        funding: text(&about.funding),
        updates: text(&about.updates),
        searched: leak(searched),
    }
}
