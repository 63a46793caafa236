//! Evidence levels for readers: the badge (the level in words, colour only
//! repeating them) and the legend that explains every level.

use yew::prelude::*;

use crate::claimbase::kinds::Evidence;

/// The evidence level in words. A plain function, not a component: each
/// component costs the wasm its own copy of Yew's machinery.
pub fn evidence_badge(level: Evidence) -> Html {
    let class = classes!("mx-badge", format!("mx-badge-{}", level.slug()));
    html! {
        <span {class} title={level.meaning()}>{ level.label() }</span>
    }
}

/// How the articles' claims about something are graded: every level with its
/// count ("Contradicted 3 · Plausible, not tested 2"), never the kindest alone.
pub fn evidence_spread(spread: &[(Evidence, usize)]) -> Html {
    if spread.is_empty() {
        return html! {};
    }
    html! {
        <span class="mx-spread">
            <span class="mx-label">{ "The articles' claims: " }</span>
            { for spread.iter().map(|&(level, n)| {
                let class = classes!("mx-badge", format!("mx-badge-{}", level.slug()));
                let claims = if n == 1 { "claim" } else { "claims" };
                html! {
                    <span {class} title={level.meaning()} aria-label={format!("{n} {claims}: {}", level.label())}>
                        { format!("{} {n}", level.label()) }
                    </span>
                }
            }) }
        </span>
    }
}

/// What every evidence label means, strongest first. "Not yet reviewed" is
/// listed only when a draft claim carries it.
/// `open`: shown open, or folded under its heading.
pub fn evidence_legend(open: bool) -> Html {
    let base = crate::claimbase::get();
    let shown = Evidence::ALL.iter().filter(|&&level| {
        level != Evidence::Unreviewed || base.claims.iter().any(|c| c.evidence == level)
    });
    html! {
        <details class="mx-legend" open={open}>
            <summary>{ "What the evidence labels mean" }</summary>
            <p class="mx-muted">{ "Each claim an article makes carries one label: our judgement of how well the research supports it, with the reason beside it." }</p>
            <dl>
                { for shown.map(|&level| html! {
                    <div class="mx-legend-item">
                        <dt>{ evidence_badge(level) }</dt>
                        <dd>{ level.meaning() }</dd>
                    </div>
                }) }
            </dl>
        </details>
    }
}
