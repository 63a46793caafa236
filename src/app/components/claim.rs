use yew::prelude::*;

use super::evidence::EvidenceBadge;
use super::quote::Quote;
use crate::app::context::use_ctx;
use crate::app::route::{Route, View};
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::model::ClaimIdx;

#[derive(Properties, PartialEq)]
pub struct ClaimCardProps {
    pub claim: ClaimIdx,
}

/// A claim: our wording, how strong its support is and why, every quote behind
/// it, the disagreements it is part of, and the studies it rests on.
#[component]
pub fn ClaimCard(props: &ClaimCardProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let Some(claim) = base.claim(props.claim) else {
        return Html::default();
    };
    let articles = match claim.source_count {
        1 => "1 article says this".to_string(),
        n => format!("{n} articles say this"),
    };
    html! {
        <article class="mx-claim" data-claim={claim.id}>
            <p class="mx-claim-text">{ claim.text }</p>
            <p class="mx-claim-meta">
                <EvidenceBadge level={claim.evidence} />
                <span class="mx-claim-note">{ claim.evidence_note }</span>
            </p>
            <details class="mx-claim-quotes">
                <summary>{ format!("{articles}: the quotes") }</summary>
                { for claim.supports.iter().map(|&passage| html! { <Quote {passage} /> }) }
            </details>
            { for claim.disagreements.iter().filter_map(|&d| base.disagreements.get(usize::from(d))).map(|d| html! {
                <div class="mx-disagreement">
                    <p><strong>{ format!("Sources disagree: {}", d.topic) }</strong>{ " " }{ d.note }</p>
                    <ul>
                        { for d.claims.iter().filter(|&&c| c != props.claim).filter_map(|&c| base.claim(c)).map(|other| html! {
                            <li>{ other.text }{ " " }<EvidenceBadge level={other.evidence} /></li>
                        }) }
                    </ul>
                </div>
            }) }
            if !claim.studies.is_empty() {
                <p class="mx-claim-studies">
                    <span class="mx-label">{ "Studies behind it: " }</span>
                    { for claim.studies.iter().filter_map(|&s| base.study(s).map(|study| (s, study))).map(|(s, study)| {
                        let route = Route { study: Some(s), ..Route::view(View::Studies) };
                        html! {
                            <button type="button" class="mx-link mx-chip" onclick={ctx.send(Action::Restore(route))}>
                                { study.identified.as_ref().map_or(study.label, |p| p.citation) }
                            </button>
                        }
                    }) }
                </p>
            }
        </article>
    }
}
