//! The Short answer view, the default screen: the bottom line, the next step
//! (the options, the host's call to action) and what the guidelines say.

use web_sys::ScrollLogicalPosition;
use yew::prelude::*;

use super::bottom_line::{BottomLinePanel, Cites};
use super::call_to_action::call_to_action;
use super::claim::ClaimCard;
use super::focus::use_scroll_to_selected;
use super::options::certainty_key;
use super::sheet::print_button;
use crate::app::context::use_ctx;
use crate::app::islands::Island;
use crate::app::route::View;
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::kinds::Certainty;
use crate::claimbase::model::{ClaimIdx, Guideline, GuidelineIdx};

#[derive(Properties, PartialEq)]
pub struct AnswerViewProps {
    /// A claim the answer cites, shown on its own.
    pub claim: Option<ClaimIdx>,
    /// The guideline to scroll to.
    pub guideline: Option<GuidelineIdx>,
}

#[component]
pub fn AnswerView(props: &AnswerViewProps) -> Html {
    let ctx = use_ctx();
    html! {
        <>
            <section class="mx-answer" aria-labelledby={ctx.id("answer-title")}>
                <h3 id={ctx.id("answer-title")} class="mx-answer-title">{ "The short answer" }</h3>
                <Island><BottomLinePanel /></Island>
            </section>
            <Island><OptionsInBrief /></Island>
            { call_to_action(ctx.cta) }
            { print_button() }
            if let Some(claim) = props.claim {
                <section class="mx-cited-claim" aria-labelledby={ctx.id("cited-claim")}>
                    <h3 id={ctx.id("cited-claim")}>{ "A claim this answer rests on" }</h3>
                    <ClaimCard {claim} />
                    <button type="button" class="mx-back" onclick={ctx.send(Action::ShowView(View::Answer))}>{ "Close" }</button>
                </section>
            }
            <Island><Guidelines selected={props.guideline} /></Island>
        </>
    }
}

/// The decision, stated on the first screen, and the way to every option: the
/// same for every reader (what the reader answered shapes the options view only).
#[component]
fn OptionsInBrief() -> Html {
    let ctx = use_ctx();
    let options = &claimbase::get().options;
    // Brief, so that on a phone it follows the answers within a few screens:
    // how back pain usually goes in brief, then the way to the options view (their
    // names and details are there, each option in equal detail).
    html! {
        <section class="mx-options-brief" aria-labelledby={ctx.id("options-brief")}>
            <h3 id={ctx.id("options-brief")}>{ options.decision }</h3>
            if let Some(brief) = options.condition_brief {
                <p>{ brief.text }<Cites cites={brief.cites} /></p>
            }
            <p>{ format!("Massage is one of {} options that guidelines discuss. See them side by side.", options.choices.len()) }</p>
            <button type="button" class="mx-button" onclick={ctx.send(Action::ShowView(View::Options))}>{ "Compare your options" }</button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct GuidelinesProps {
    selected: Option<GuidelineIdx>,
}

/// Every guideline's recommendations about massage; a selected one is
/// scrolled to (and focused, if the reader followed a link here).
#[component]
fn Guidelines(props: &GuidelinesProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let selector = props
        .selected
        .map(|g| format!("[data-guideline=\"{}\"]", base.guideline(g).id));
    let list = use_scroll_to_selected(selector, ScrollLogicalPosition::Start, None);
    html! {
        <section class="mx-guidelines" aria-labelledby={ctx.id("guidelines-title")}>
            <h3 id={ctx.id("guidelines-title")}>{ "What the guidelines say" }</h3>
            <p class="mx-intro">{ "Clinical guidelines weigh all the research for doctors and therapists. They differ on massage. It depends on how long the pain has lasted. Some say massage should come only with exercise." }</p>
            { certainty_key() }
            <ul class="mx-guideline-list" ref={list}>
                { for base.guidelines_indexed().map(|(g, guideline)| {
                    guideline_card(&GuidelineCardProps { guideline, selected: props.selected == Some(g) })
                }) }
            </ul>
        </section>
    }
}

struct GuidelineCardProps {
    guideline: &'static Guideline,
    selected: bool,
}

fn guideline_card(props: &GuidelineCardProps) -> Html {
    let g = props.guideline;
    let populations = |r: &crate::claimbase::model::Recommendation| {
        r.populations
            .iter()
            .map(|p| p.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    html! {
        <li class={classes!("mx-guideline", props.selected.then_some("mx-selected"))} data-guideline={g.id} tabindex="-1">
            <h4>{ g.name }</h4>
            { for g.recommendations.iter().map(|r| html! {
                <div class="mx-recommendation">
                    <p class="mx-recommendation-meta">
                        <span class="mx-label">{ format!("Back pain: {}", populations(r)) }</span>
                        <span class={classes!("mx-rec", format!("mx-rec-{}", r.strength.slug()))}>{ r.strength.label() }</span>
                        if r.certainty != Certainty::Unstated {
                            <span>{ r.certainty.label() }</span>
                        }
                    </p>
                    <p>{ r.text }</p>
                    if let Some(wording) = r.wording {
                        <blockquote class="mx-wording"><p>{ wording }</p></blockquote>
                    }
                    if let Some(note) = r.note { <p class="mx-claim-note">{ note }</p> }
                </div>
            }) }
            <p class="mx-citation">
                { g.citation }
                if !g.doi.is_empty() { { " " }<span class="mx-doi">{ format!("doi:{}", g.doi) }</span> }
                if !g.url.is_empty() { { " " }<span class="mx-doi">{ g.url }</span> }
            </p>
        </li>
    }
}
