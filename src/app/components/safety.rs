//! The Safety view: warning signs by urgency (the emergency tier first), side
//! effects and how often they happen, when to avoid or adapt massage,
//! questions for a therapist, self-care.

use web_sys::ScrollLogicalPosition;
use yew::prelude::*;

use super::focus::use_scroll_to_selected;
use super::notice::call_now;
use super::quote::Quote;
use super::sheet::print_button;
use crate::app::context::use_ctx;
use crate::app::islands::Island;
use crate::claimbase;
use crate::claimbase::kinds::{SafetyKind, Tier};
use crate::claimbase::model::{Region, SafetyIdx, SafetyItem};

#[derive(Properties, PartialEq)]
pub struct SafetyViewProps {
    /// The item to scroll to and mark (a search result opened it).
    #[prop_or_default]
    pub selected: Option<SafetyIdx>,
}

#[component]
pub fn SafetyView(props: &SafetyViewProps) -> Html {
    let base = claimbase::get();
    let selector = props
        .selected
        .map(|s| format!("[data-safety=\"{}\"]", base.safety_item(s).id));
    let view = use_scroll_to_selected(selector, ScrollLogicalPosition::Center, None);
    let selected = props.selected.map(|s| base.safety_item(s).id);
    let item = |it: &'static SafetyItem| item(it, selected == Some(it.id));
    let others = SafetyKind::ALL
        .iter()
        .filter(|&&k| k != SafetyKind::RedFlag);
    html! {
        <div ref={view}>
            <p class="mx-intro">{ "Massage is one option for back pain, not a diagnosis. Start here if you are unsure whether massage is right for you." }</p>
            { print_button() }
            <section class="mx-safety mx-safety-red-flag" aria-label={SafetyKind::RedFlag.label()}>
                <h3>{ SafetyKind::RedFlag.label() }</h3>
                { for Tier::ALL.iter().map(|&tier| html! { <Island><TierList {tier} {selected} /></Island> }) }
            </section>
            { for others.map(|&kind| {
                let items: Vec<&'static SafetyItem> = base.safety.iter().filter(|s| s.kind == kind).collect();
                html! {
                    <Island>
                        <section class={classes!("mx-safety", format!("mx-safety-{}", kind.slug()))} aria-label={kind.label()}>
                            <h3>{ kind.label() }</h3>
                            <ul>{ for items.into_iter().map(item) }</ul>
                        </section>
                    </Island>
                }
            }) }
        </div>
    }
}

/// What to do for a tier of warning signs, with the region's numbers.
pub(crate) fn what_to_do(tier: Tier, region: Option<&Region>) -> String {
    match tier {
        Tier::Emergency => format!("{}, or go to an emergency department:", call_now(region)),
        Tier::SameDay => match region.and_then(|r| r.urgent) {
            Some(line) => format!("See a doctor today, or call {line}:"),
            None => "See a doctor today, or call a nurse advice line:".to_string(),
        },
        Tier::Routine => "See your doctor if:".to_string(),
    }
}

#[derive(Properties, PartialEq)]
struct TierProps {
    tier: Tier,
    /// The id of the item to mark.
    selected: Option<&'static str>,
}

#[component]
fn TierList(props: &TierProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let region = ctx.region.map(|r| base.region(r));
    let items = base.safety.iter().filter(|s| s.tier == Some(props.tier));
    html! {
        <div class={classes!("mx-tier", format!("mx-tier-{}", props.tier.slug()))} data-tier={props.tier.slug()}>
            <h4>{ what_to_do(props.tier, region) }</h4>
            <ul>{ for items.map(|it| item(it, props.selected == Some(it.id))) }</ul>
        </div>
    }
}

fn item(item: &'static SafetyItem, selected: bool) -> Html {
    html! {
        <li data-safety={item.id} class={classes!(selected.then_some("mx-selected"))} tabindex={selected.then_some("-1")}>
            <p>{ item.text }</p>
            if let Some(detail) = item.detail { <p class="mx-detail-text">{ detail }</p> }
            if let Some(basis) = item.basis {
                <p class="mx-basis">{ format!("Source: {basis}") }</p>
            }
            { for item.supports.iter().map(|&passage| html! { <Quote {passage} /> }) }
        </li>
    }
}
