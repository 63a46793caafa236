//! The evidence-level badge: the level in words, colour only repeating them.

use yew::prelude::*;

use crate::claimbase::kinds::Evidence;

#[derive(Properties, PartialEq)]
pub struct EvidenceBadgeProps {
    pub level: Evidence,
}

/// The evidence level in words (colour only repeats what the words say).
#[component]
pub fn EvidenceBadge(props: &EvidenceBadgeProps) -> Html {
    let class = classes!("mx-badge", format!("mx-badge-{}", props.level.slug()));
    html! {
        <span {class} title={props.level.meaning()}>{ props.level.label() }</span>
    }
}
