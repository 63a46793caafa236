//! Safety guidance (`safety.toml`): red flags, when to avoid massage, questions
//! for a therapist, self-care. Each item rests on an article or a named basis.

use super::{leak, leak_str, Check, Context};
use crate::claimbase::compile::load::Parsed;
use crate::claimbase::compile::seed::Safety;
use crate::claimbase::compile::SeedError;
use crate::claimbase::model::SafetyItem;

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
        .map(|s| {
            check.non_empty(&s.id, "text", &s.text);
            let has_basis = s.basis.as_deref().is_some_and(|b| !b.trim().is_empty());
            check.require(!s.support.is_empty() || has_basis, &s.id, || {
                format!(
                    "safety item `{}` needs an article [[safety.support]] or a `basis`",
                    s.id.get_ref()
                )
            });
            SafetyItem {
                id: leak_str(s.id.get_ref().as_str()),
                kind: s.kind,
                text: leak_str(s.text.as_str()),
                basis: s.basis.as_deref().map(leak_str),
                supports: leak(ctx.quotes.passages(ctx.ids, &mut check, &s.support)),
            }
        })
        .collect()
}
