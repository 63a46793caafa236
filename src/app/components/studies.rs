use web_sys::{HtmlElement, ScrollLogicalPosition};
use yew::prelude::*;

use super::focus::scroll_to;
use super::quote::Quote;
use crate::claimbase;
use crate::claimbase::kinds::Status;
use crate::claimbase::model::{Study, StudyIdx};

#[derive(Properties, PartialEq)]
pub struct StudiesViewProps {
    pub selected: Option<StudyIdx>,
}

/// Every study the articles mention: what they say, and what the study really is.
#[component]
pub fn StudiesView(props: &StudiesViewProps) -> Html {
    let list = use_node_ref();
    let base = claimbase::get();
    {
        let list = list.clone();
        use_effect_with(props.selected, move |selected| {
            let card = selected.and_then(|s| base.study(s)).and_then(|study| {
                list.cast::<HtmlElement>()?
                    .query_selector(&format!("[data-study=\"{}\"]", study.id))
                    .ok()
                    .flatten()
            });
            if let Some(card) = card {
                scroll_to(&card, ScrollLogicalPosition::Start);
            }
        });
    }
    let identified = base
        .studies
        .iter()
        .filter(|s| s.status == Status::Identified)
        .count();
    html! {
        <>
            <p class="mx-intro">
                { format!("The articles mention {} studies. {identified} could be matched to a published study; the rest are unverified. Each card sets what the articles say beside what the study found.", base.studies.len()) }
            </p>
            <ul class="mx-studies" ref={list}>
                { for (0u16..).zip(base.studies).map(|(idx, study)| html! {
                    <StudyCard key={study.id} {study} selected={props.selected == Some(idx)} />
                }) }
            </ul>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct StudyCardProps {
    study: &'static Study,
    selected: bool,
}

#[component]
fn StudyCard(props: &StudyCardProps) -> Html {
    let base = claimbase::get();
    let study = props.study;
    let terms = |ids: &[u16]| {
        ids.iter()
            .filter_map(|&t| base.term(t))
            .map(|t| t.name)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let populations = study
        .populations
        .iter()
        .map(|p| p.label())
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <li class={classes!("mx-study", props.selected.then_some("mx-study-selected"))} data-study={study.id}>
            <h3 class="mx-study-title">{ study.label }</h3>
            <p class="mx-study-facts">
                <span class={classes!("mx-status", format!("mx-status-{}", study.status.slug()))}>{ study.status.label() }</span>
                <span>{ study.design.label() }</span>
                <span>{ format!("Pain: {populations}") }</span>
                if !study.comparators.is_empty() { <span>{ format!("Compared with: {}", terms(study.comparators)) }</span> }
                if !study.outcomes.is_empty() { <span>{ format!("Measured: {}", terms(study.outcomes)) }</span> }
            </p>
            <h4>{ "What the articles say" }</h4>
            { for study.mentions.iter().map(|&passage| html! { <Quote {passage} /> }) }
            if let Some(p) = &study.identified {
                <h4>{ "The study" }</h4>
                <p class="mx-citation">{ p.citation }{ " " }<span class="mx-doi">{ format!("doi:{}", p.doi) }</span></p>
                <p>
                    if let Some(n) = p.participants { { format!("{n} participants. ") } }
                    if !p.duration.is_empty() { { format!("{}. ", p.duration.trim_end_matches('.')) } }
                    { p.result }
                </p>
            }
            if let Some(p) = &study.closest {
                <h4>{ "Closest published study found" }</h4>
                <p class="mx-citation">{ p.citation }{ " " }<span class="mx-doi">{ format!("doi:{}", p.doi) }</span></p>
                <p>{ p.result }</p>
            }
            <p class="mx-quality"><span class="mx-label">{ "Evidence quality: " }</span>{ study.quality }</p>
            if !study.discrepancies.is_empty() {
                <h4>{ "Where the articles get it wrong" }</h4>
                <ul class="mx-discrepancies">
                    { for study.discrepancies.iter().map(|d| html! { <li>{ *d }</li> }) }
                </ul>
            }
        </li>
    }
}
