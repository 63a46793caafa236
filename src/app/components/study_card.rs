//! One study in the list: what the articles say beside what the study found.

use std::rc::Rc;

use yew::prelude::*;

use super::citations::CiteButtons;
use super::highlight::{highlighted, SearchWords};
use super::quote::Quote;
use crate::claimbase;
use crate::claimbase::model::{Finding, Publication, StudyIdx, TermIdx};

#[derive(Properties, PartialEq)]
pub struct StudyCardProps {
    pub study: StudyIdx,
    pub selected: bool,
    /// Search words to mark.
    pub words: SearchWords,
    /// A long result list shows each study's first quote and folds the rest
    /// behind "Show details", so scanning and typing stay fast at 10,000 studies.
    #[prop_or_default]
    pub folded: bool,
}

/// One study: what the articles say, what the study really is, where they differ.
#[component]
pub fn StudyCard(props: &StudyCardProps) -> Html {
    let base = claimbase::get();
    let study = base.study(props.study);
    let words = &props.words;
    let terms = |ids: &[TermIdx]| {
        ids.iter()
            .map(|&t| base.term(t).name)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let populations = study
        .populations
        .iter()
        .map(|p| p.label())
        .collect::<Vec<_>>()
        .join(", ");
    let expanded = use_state_eq(|| false);
    let open = !props.folded || *expanded || props.selected;
    let mentions = if open {
        study.mentions
    } else {
        study.mentions.get(..1).unwrap_or_default()
    };
    html! {
        <li class={classes!("mx-study", props.selected.then_some("mx-study-selected"))} data-study={study.id}>
            <h3 class="mx-study-title" tabindex="-1">{ highlighted(study.label, words) }</h3>
            <p class="mx-study-facts">
                <span class={classes!("mx-status", format!("mx-status-{}", study.status.slug()))}>{ study.status.label() }</span>
                <span>{ study.design.label() }</span>
                <span>{ format!("Who took part: {populations}") }</span>
                if let Some(n) = study.identified.as_ref().and_then(|p| p.participants) {
                    <span>{ format!("{n} participants") }</span>
                }
                if !study.comparators.is_empty() { <span>{ format!("Compared with: {}", terms(study.comparators)) }</span> }
                if !study.outcomes.is_empty() { <span>{ format!("Measured: {}", terms(study.outcomes)) }</span> }
            </p>
            if study.mentions.is_empty() {
                <p class="mx-muted">{ "No article mentions this study: our review added it because the short answer or the evidence labels rest on it." }</p>
            } else {
                <h4>{ "What the articles say" }</h4>
                { for mentions.iter().map(|&passage| html! { <Quote {passage} highlight={words.clone()} /> }) }
            }
            if !open {
                <button type="button" class="mx-link mx-details-toggle" aria-expanded="false" onclick={
                    let expanded = expanded.clone();
                    move |_| expanded.set(true)
                }>{ "Show the study, its quality and what the articles get wrong" }</button>
            } else {
                { study_details(props.study, words) }
            }
        </li>
    }
}

/// The part of a card a long list folds: the study itself, its quality, the
/// discrepancies and citation export.
fn study_details(idx: StudyIdx, words: &[String]) -> Html {
    let study = claimbase::get().study(idx);
    let citation = |p: &'static Publication| {
        html! {
            <p class="mx-citation">
                { highlighted(p.citation, words) }
                // The DOI or address as text: the widget makes no requests, a reader may follow it.
                if !p.doi.is_empty() {
                    { " " }<span class="mx-doi">{ format!("doi:{}", p.doi) }</span>
                }
                if !p.url.is_empty() {
                    { " " }<span class="mx-doi">{ p.url }</span>
                }
            </p>
        }
    };
    html! {
        <>
            if let Some(p) = &study.identified {
                <h4>{ "The study" }</h4>
                { citation(p) }
                <p>
                    if !p.duration.is_empty() { { format!("{}. ", p.duration.trim_end_matches('.')) } }
                    { p.result }
                </p>
            }
            if let Some(p) = &study.closest {
                <h4>{ "Closest published study found" }</h4>
                { citation(p) }
                <p>{ p.result }</p>
            }
            if let Some(d) = &study.detected {
                { detected(&DetectedProps { detected: d }) }
            }
            if !study.findings.is_empty() {
                <h4>{ "What it found" }</h4>
                <ul class="mx-findings">{ for study.findings.iter().map(finding) }</ul>
            }
            <p class="mx-quality"><span class="mx-label">{ "Evidence quality: " }</span>{ study.quality }</p>
            if !study.discrepancies.is_empty() {
                <h4>{ "Where the articles get it wrong" }</h4>
                <ul class="mx-discrepancies">
                    { for study.discrepancies.iter().map(|d| html! {
                        <li>
                            if let Some(source) = d.source {
                                <span class="mx-label">{ format!("{}: ", claimbase::get().source(source).display_name()) }</span>
                            }
                            { d.text }
                        </li>
                    }) }
                </ul>
            }
            if study.identified.is_some() {
                <CiteButtons studies={Rc::new(vec![idx])} file_stem={study.id} />
            }
        </>
    }
}

/// One result: what was compared and measured, when, what was found, and how sure.
fn finding(f: &'static Finding) -> Html {
    html! {
        <li class="mx-finding">
            <p class="mx-finding-head">{ format!("{}. {}, {}", f.comparison, f.outcome, f.timing) }</p>
            <p>{ f.result }</p>
            <p class="mx-muted">
                if let Some(people) = f.people { { format!("{people}. ") } }
                { f.certainty.label() }
            </p>
        </li>
    }
}

struct DetectedProps {
    detected: &'static claimbase::model::Detected,
}

/// What an article not yet reviewed says of a study, in its own words.
fn detected(props: &DetectedProps) -> Html {
    let d = props.detected;
    let mut said: Vec<String> = Vec::new();
    if !d.design_words.is_empty() {
        said.push(format!("design: “{}”", d.design_words.join("”, “")));
    }
    if let Some(people) = d.participants {
        said.push(format!("who took part: “{people}”"));
    }
    if let Some(journal) = d.journal {
        said.push(format!("journal: {journal}"));
    }
    if let Some(year) = d.year {
        said.push(format!("year: {year}"));
    }
    html! {
        <>
            <h4>{ "What the article's text says of it (unchecked)" }</h4>
            <p class="mx-detected">
                { if said.is_empty() { "No details: it names no design, size, journal or year.".to_string() } else { format!("{}.", said.join("; ")) } }
            </p>
        </>
    }
}
