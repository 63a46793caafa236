//! The claim base's own fields (`claimbase.toml`): title, review date, who
//! wrote it, and that a host cannot edit it.

use super::Check;
use crate::claimbase::compile::load::Parsed;
use crate::claimbase::compile::seed::Meta;
use crate::claimbase::compile::SeedError;

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

pub fn check(meta: &Parsed<Meta>, errors: &mut Vec<SeedError>) {
    let mut check = Check::new(meta.file, errors);
    for (field, value) in [
        ("written_by", &meta.seed.written_by),
        ("independence", &meta.seed.independence),
    ] {
        if value.get_ref().trim().is_empty() {
            check.at(value.span().start, format!("`{field}` must not be empty"));
        }
    }
    let reviewed = &meta.seed.reviewed;
    if !is_date(reviewed.get_ref()) {
        let message = format!(
            "`reviewed` must be a date YYYY-MM-DD, not `{}`",
            reviewed.get_ref()
        );
        check.at(reviewed.span().start, message);
    }
}
