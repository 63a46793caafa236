use yew::prelude::*;

use super::claim::ClaimCard;
use super::evidence::EvidenceBadge;
use super::focus::{use_focus_on_mount, use_refocus_on_close};
use crate::app::context::use_ctx;
use crate::app::route::{Route, View};
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::kinds::TermKind;
use crate::claimbase::model::TermIdx;
use crate::query::explain;

#[derive(Properties, PartialEq)]
pub struct TermsViewProps {
    /// Mechanism (the "How it helps" view) or Technique.
    pub kind: TermKind,
    pub selected: Option<TermIdx>,
}

fn view_of(kind: TermKind) -> View {
    if kind == TermKind::Technique {
        View::Techniques
    } else {
        View::Mechanisms
    }
}

fn articles(n: usize) -> String {
    match n {
        0 => "No article".to_string(),
        1 => "1 article".to_string(),
        n => format!("{n} articles"),
    }
}

/// Mechanisms or techniques: cards, or one term's detail.
#[component]
pub fn TermsView(props: &TermsViewProps) -> Html {
    let base = claimbase::get();
    let cards = use_refocus_on_close(props.selected, |t| {
        let term = claimbase::get().term(t)?;
        Some(format!("[data-term=\"{}\"] .mx-card-button", term.id))
    });
    match props
        .selected
        .and_then(|t| base.term(t).map(|term| (t, term)))
    {
        // Keyed, so a link to another term mounts a fresh detail that takes focus.
        Some((idx, term)) if term.kind == props.kind => {
            html! { <TermDetail key={idx} term={idx} /> }
        }
        _ => {
            let intro = if props.kind == TermKind::Technique {
                "The techniques the articles name, what they are, and which effects the articles say they have."
            } else {
                "The ways the articles say massage eases back pain. Each card says how well that is supported."
            };
            html! {
                <>
                    <p class="mx-intro">{ intro }</p>
                    <ul class="mx-cards" ref={cards}>
                        { for base.terms_of_kind(props.kind).map(|(idx, _)| html! { <TermCard key={idx} term={idx} /> }) }
                    </ul>
                </>
            }
        }
    }
}

#[derive(Properties, PartialEq)]
struct TermProps {
    term: TermIdx,
}

#[component]
fn TermCard(props: &TermProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let Some(explain::TermFacts {
        term,
        claims,
        sources,
        linked,
    }) = explain::term_facts(base, props.term)
    else {
        return Html::default();
    };
    let linked_label = if term.kind == TermKind::Technique {
        "Acts through: "
    } else {
        "Techniques: "
    };
    html! {
        <li class="mx-card" data-term={term.id}>
            <h3 class="mx-card-title">
                <button type="button" class="mx-card-button" onclick={ctx.send(Action::SelectTerm(Some(props.term)))}>
                    { term.name }
                </button>
            </h3>
            <p class="mx-card-summary">{ term.summary }</p>
            <p class="mx-card-meta">
                if let Some(level) = explain::strongest(base, &claims) {
                    <EvidenceBadge {level} />
                }
                <span>{ format!("{} say so", articles(sources)) }</span>
            </p>
            if !linked.is_empty() {
                <p class="mx-card-linked">
                    <span class="mx-label">{ linked_label }</span>
                    { linked.iter().filter_map(|&(t, _)| base.term(t)).map(|t| t.name).collect::<Vec<_>>().join(", ") }
                </p>
            }
        </li>
    }
}

#[component]
fn TermDetail(props: &TermProps) -> Html {
    let ctx = use_ctx();
    let heading = use_focus_on_mount();
    let base = claimbase::get();
    let Some(explain::TermFacts {
        term,
        claims,
        sources,
        linked,
    }) = explain::term_facts(base, props.term)
    else {
        return Html::default();
    };
    let studies = explain::studies_of(base, &claims);
    let back = if term.kind == TermKind::Technique {
        "All techniques"
    } else {
        "All mechanisms"
    };
    let linked_heading = if term.kind == TermKind::Technique {
        "Effects the articles link it to"
    } else {
        "Techniques said to act this way"
    };
    html! {
        <div class="mx-detail" data-term={term.id}>
            <button type="button" class="mx-back" onclick={ctx.send(Action::SelectTerm(None))}>{ format!("← {back}") }</button>
            <h2 class="mx-detail-title" tabindex="-1" ref={heading}>{ term.name }</h2>
            <p class="mx-detail-summary">{ term.summary }</p>
            <p class="mx-detail-meta">
                { format!("{} make {} about this. ", articles(sources), match claims.len() { 1 => "1 claim".to_string(), n => format!("{n} claims") }) }
                { for explain::evidence_profile(base, &claims).into_iter().map(|(level, n)| html! {
                    <span class="mx-profile"><EvidenceBadge {level} />{ format!(" × {n}") }</span>
                }) }
            </p>
            <h3>{ "What the articles say" }</h3>
            if claims.is_empty() {
                <p class="mx-empty">{ "No article makes a claim about this yet." }</p>
            }
            { for claims.iter().map(|&claim| html! { <ClaimCard key={claim} {claim} /> }) }
            if !linked.is_empty() {
                <h3>{ linked_heading }</h3>
                <ul class="mx-chips">
                    { for linked.iter().filter_map(|&(t, n)| base.term(t).map(|term| (t, term, n))).map(|(t, other_term, n)| {
                        let route = Route { term: Some(t), ..Route::view(view_of(other_term.kind)) };
                        html! {
                            <li><button type="button" class="mx-chip" onclick={ctx.send(Action::Restore(route))}>
                                { format!("{} ({})", other_term.name, articles(n).to_lowercase()) }
                            </button></li>
                        }
                    }) }
                </ul>
            }
            if !studies.is_empty() {
                <h3>{ "What the identified research says" }</h3>
                <ul class="mx-research">
                    { for studies.iter().filter_map(|&s| base.study(s)).map(|study| html! {
                        <li>
                            <strong>{ study.identified.as_ref().map_or(study.label, |p| p.citation) }</strong>
                            { " " }
                            { study.identified.as_ref().map_or(study.quality, |p| p.result) }
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}
