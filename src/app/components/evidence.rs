//! Evidence levels for readers: the badge (the level in words, colour only
//! repeating them) and the legend that explains every level.

use yew::prelude::*;

use crate::claimbase::kinds::Evidence;

#[derive(Properties, PartialEq)]
pub struct EvidenceBadgeProps {
    pub level: Evidence,
}

/// The evidence level in words.
#[component]
pub fn EvidenceBadge(props: &EvidenceBadgeProps) -> Html {
    let class = classes!("mx-badge", format!("mx-badge-{}", props.level.slug()));
    html! {
        <span {class} title={props.level.meaning()}>{ props.level.label() }</span>
    }
}

#[derive(Properties, PartialEq)]
pub struct EvidenceLegendProps {
    /// Shown open (on the Short answer), or folded under its heading.
    #[prop_or_default]
    pub open: bool,
}

/// What every evidence label means, strongest first. "Not yet reviewed" is
/// listed only when a draft claim carries it.
#[component]
pub fn EvidenceLegend(props: &EvidenceLegendProps) -> Html {
    let base = crate::claimbase::get();
    let shown = Evidence::ALL.iter().filter(|&&level| {
        level != Evidence::Unreviewed || base.claims.iter().any(|c| c.evidence == level)
    });
    html! {
        <details class="mx-legend" open={props.open}>
            <summary>{ "What the evidence labels mean" }</summary>
            <p class="mx-muted">{ "Each claim an article makes carries one label: our judgement of how well the research supports it, with the reason beside it." }</p>
            <dl>
                { for shown.map(|&level| html! {
                    <div class="mx-legend-item">
                        <dt><EvidenceBadge {level} /></dt>
                        <dd>{ level.meaning() }</dd>
                    </div>
                }) }
            </dl>
        </details>
    }
}
