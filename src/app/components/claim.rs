//! A claim card: our wording, its evidence level and why, the quotes behind it.

use yew::prelude::*;

use super::evidence::evidence_badge;
use super::quote::Quote;
use crate::app::context::use_ctx;
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
    let claim = base.claim(props.claim);
    let articles = match claim.source_count {
        1 => "1 article says this".to_string(),
        n => format!("{n} articles say this"),
    };
    html! {
        <article class="mx-claim" data-claim={claim.id}>
            <p class="mx-claim-text">{ claim.text }</p>
            <p class="mx-claim-meta">
                { evidence_badge(claim.evidence) }
                <span class="mx-claim-note">{ claim.evidence_note }</span>
            </p>
            <details class="mx-claim-quotes">
                <summary>{ format!("{articles}: the quotes") }</summary>
                { for claim.supports.iter().map(|&passage| html! { <Quote {passage} /> }) }
            </details>
            { for claim.disagreements.iter().map(|&d| base.disagreement(d)).map(|d| html! {
                <div class="mx-disagreement">
                    <p><strong>{ format!("Sources disagree: {}", d.topic) }</strong>{ " " }{ d.note }</p>
                    <ul>
                        { for d.claims.iter().filter(|&&c| c != props.claim).map(|&c| base.claim(c)).map(|other| html! {
                            <li>{ other.text }{ " " }{ evidence_badge(other.evidence) }</li>
                        }) }
                    </ul>
                </div>
            }) }
            if !claim.studies.is_empty() {
                <p class="mx-claim-studies">
                    <span class="mx-label">{ "Studies behind it: " }</span>
                    { for claim.studies.iter().map(|&s| (s, base.study(s))).map(|(s, study)| {
                        html! {
                            <button type="button" class="mx-link mx-chip" onclick={ctx.send(Action::OpenStudy(s))}>
                                { study.identified.as_ref().map_or(study.label, |p| p.citation) }
                            </button>
                        }
                    }) }
                </p>
            }
        </article>
    }
}
