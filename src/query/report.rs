//! Article report cards: each criterion's verdict for an article, rated by a
//! curator or computed from the claim base (the evidence behind its claims, how
//! it describes studies, whether it mentions harms). Pure; no DOM.

use super::explain;
use crate::claimbase::kinds::{ClaimKind, Computed, Evidence, SafetyKind, Status, Verdict};
use crate::claimbase::model::{ClaimBase, CriterionIdx, Passage, ReportCard, SourceIdx};

/// One row of a card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub criterion: CriterionIdx,
    pub verdict: Verdict,
    pub reason: String,
    /// What the article says that shows it (curated rows).
    pub quotes: &'static [Passage],
    /// Worked out from the claim base rather than rated by a curator.
    pub computed: bool,
}

/// An article's card, or `None` when it is not yet rated.
pub fn card_of(base: &ClaimBase, source: SourceIdx) -> Option<&'static ReportCard> {
    let cards: &'static [ReportCard] = base.report_cards;
    cards.iter().find(|c| c.source == source)
}

/// Every criterion's row for a rated article, in criterion order.
pub fn rows(base: &ClaimBase, card: &'static ReportCard) -> Vec<Row> {
    base.criteria_indexed()
        .filter_map(|(criterion, c)| match c.computed {
            Some(kind) => {
                let (verdict, reason) = computed(base, card.source, kind);
                Some(Row {
                    criterion,
                    verdict,
                    reason,
                    quotes: &[],
                    computed: true,
                })
            }
            None => {
                let rating = card.ratings.iter().find(|r| r.criterion == criterion)?;
                let reason = rating.reason.to_string();
                Some(Row {
                    criterion,
                    verdict: rating.verdict,
                    reason,
                    quotes: rating.quotes,
                    computed: false,
                })
            }
        })
        .collect()
}

/// How many rows are satisfactory.
pub fn satisfactory(rows: &[Row]) -> usize {
    rows.iter()
        .filter(|r| r.verdict == Verdict::Satisfactory)
        .count()
}

/// A computed criterion's verdict for an article, with the reason in words.
pub fn computed(base: &ClaimBase, source: SourceIdx, kind: Computed) -> (Verdict, String) {
    match kind {
        Computed::EvidenceMix => evidence_mix(base, source),
        Computed::StudiesDescribed => studies_described(base, source),
        Computed::HarmsMentioned => harms_mentioned(base, source),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Satisfactory when no claim is contradicted and at most a quarter of the
/// graded ones (background aside) overstate the research or have no support.
fn evidence_mix(base: &ClaimBase, source: SourceIdx) -> (Verdict, String) {
    let claims: Vec<_> = base
        .claims_indexed()
        .filter(|(_, c)| c.supports.iter().any(|p| p.source == source))
        .map(|(i, _)| i)
        .collect();
    let profile = base.evidence_profile(&claims);
    let count = |level| {
        profile
            .iter()
            .find(|(l, _)| *l == level)
            .map_or(0, |(_, n)| *n)
    };
    let graded = claims.len() - count(Evidence::Background);
    let weak = count(Evidence::Overstated) + count(Evidence::Asserted);
    let parts: Vec<String> = profile
        .iter()
        .map(|(level, n)| format!("{n} {}", level.label().to_ascii_lowercase()))
        .collect();
    let reason = format!(
        "Of its {}: {}.",
        plural(claims.len(), "claim", "claims"),
        parts.join(", ")
    );
    let ok = count(Evidence::Contradicted) == 0 && weak * 4 <= graded;
    (
        if ok {
            Verdict::Satisfactory
        } else {
            Verdict::NotSatisfactory
        },
        reason,
    )
}

/// Satisfactory when every study it mentions was matched to a publication and
/// our review found no error in how it describes them; not applicable when it
/// mentions none.
fn studies_described(base: &ClaimBase, source: SourceIdx) -> (Verdict, String) {
    let studies = explain::studies_mentioned_by(base, source);
    if studies.is_empty() {
        return (Verdict::NotApplicable, "It mentions no study.".to_string());
    }
    let matched = studies
        .iter()
        .filter(|&&s| base.study(s).status == Status::Identified)
        .count();
    let mut misdescribed: Vec<_> = explain::discrepancies_of(base, source)
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    misdescribed.dedup();
    let reason = format!(
        "It mentions {}; {} could be matched to a published study, and our review found errors in how it describes {}.",
        plural(studies.len(), "study", "studies"),
        matched,
        misdescribed.len(),
    );
    let ok = matched == studies.len() && misdescribed.is_empty();
    (
        if ok {
            Verdict::Satisfactory
        } else {
            Verdict::NotSatisfactory
        },
        reason,
    )
}

/// Satisfactory when it says something about a harm, a side effect or a reason
/// to see a doctor instead: a safety claim, a warning sign, a caution.
fn harms_mentioned(base: &ClaimBase, source: SourceIdx) -> (Verdict, String) {
    let from_here = |passages: &[Passage]| passages.iter().any(|p| p.source == source);
    let claims = base
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Safety && from_here(c.supports))
        .count();
    let harmful = [
        SafetyKind::RedFlag,
        SafetyKind::Contraindication,
        SafetyKind::SideEffect,
    ];
    let items = base
        .safety
        .iter()
        .filter(|s| harmful.contains(&s.kind) && from_here(s.supports))
        .count();
    match claims + items {
        0 => (
            Verdict::NotSatisfactory,
            "It mentions no harm, side effect, warning sign or reason not to have massage."
                .to_string(),
        ),
        n => (
            Verdict::Satisfactory,
            format!(
                "It mentions {}.",
                plural(
                    n,
                    "warning sign, harm or caution",
                    "warning signs, harms or cautions"
                )
            ),
        ),
    }
}
