//! The "How it helps" and "Techniques" views: a card per mechanism or technique,
//! and a term's detail with every claim about it.

use yew::prelude::*;

use super::claim::ClaimCard;
use super::evidence::{evidence_legend, evidence_spread};
use super::focus::{use_focus_on_mount, use_refocus_on_close};
use super::quote::Quote;
use crate::app::context::use_ctx;
use crate::app::islands::Island;
use crate::app::route::Route;
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::kinds::TermKind;
use crate::claimbase::model::{StudyIdx, TermIdx};
use crate::query::explain;

#[derive(Properties, PartialEq)]
pub struct TermsViewProps {
    /// Mechanism (the "How it helps" view) or Technique.
    pub kind: TermKind,
    pub selected: Option<TermIdx>,
}

fn articles(n: usize) -> String {
    match n {
        0 => "No article".to_string(),
        1 => "1 article".to_string(),
        n => format!("{n} articles"),
    }
}

/// "1 article says so", "3 articles say so".
fn says_so(n: usize) -> String {
    let verb = if n == 1 { "says" } else { "say" };
    format!("{} {verb} so", articles(n))
}

/// Mechanisms or techniques: cards, or one term's detail.
#[component]
pub fn TermsView(props: &TermsViewProps) -> Html {
    let base = claimbase::get();
    let cards = use_refocus_on_close(props.selected, |t| {
        let term = claimbase::get().term(t);
        Some(format!("[data-term=\"{}\"] .mx-card-button", term.id))
    });
    match props.selected {
        // Keyed, so a link to another term mounts a fresh detail that takes focus.
        Some(idx) if base.term(idx).kind == props.kind => {
            html! { <TermDetail key={idx.index()} term={idx} /> }
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
                    if props.kind == TermKind::Mechanism {
                        <Island><PathwayView /></Island>
                    }
                    <Island>
                        <ul class="mx-cards" ref={cards}>
                            { for base.terms_of_kind(props.kind).map(|(idx, _)| html! { <TermCard key={idx.index()} term={idx} /> }) }
                        </ul>
                    </Island>
                    // Where the labels are: each card and each line carries one.
                    { evidence_legend(true) }
                </>
            }
        }
    }
}

/// How massage is said to work, as a picture: drawn when the claim base was
/// built (`draw::pathway`), a wide and a narrow one (the stylesheet shows the
/// one that fits). Its nodes are links holding the app's URL hash of their
/// detail; a click on one opens that screen through the route codec, so the
/// same works inside a host's page, where the widget does not own the hash.
#[component]
fn PathwayView() -> Html {
    let ctx = use_ctx();
    let onclick = Callback::from(move |e: MouseEvent| {
        let link = e
            .target_dyn_into::<web_sys::Element>()
            .and_then(|t| t.closest("a[href^='#']").ok().flatten());
        let href = link.and_then(|a| a.get_attribute("href"));
        if let Some(Ok(route)) = href.map(|h| Route::decode(&h, claimbase::get())) {
            e.prevent_default();
            ctx.dispatch.dispatch(Action::Restore(Box::new(route)));
        }
    });
    let pathway = &claimbase::get().pathway;
    html! {
        <figure class="mx-pathway" {onclick}>
            <figcaption class="mx-figure-title">{ "How the articles say massage works" }</figcaption>
            { Html::from_html_unchecked(pathway.wide.into()) }
            { Html::from_html_unchecked(pathway.narrow.into()) }
            <p class="mx-figure-says">{ "Each line is a claim made in the articles, not a proven link. They say massage changes something in the body, which then changes how your back feels or moves. A line's pattern shows how well research supports the claims, as we rated them: see the key. A line can show a claim that research went against. The numbers in a box count its claims at each level. Open a box for the detail." }</p>
        </figure>
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
    let facts = explain::term_facts(base, props.term);
    let term = facts.term;
    let linked_label = if term.kind == TermKind::Technique {
        "Acts through: "
    } else {
        "Techniques: "
    };
    let linked: Vec<&str> = facts
        .linked
        .iter()
        .map(|&(t, _)| base.term(t).name)
        .collect();
    html! {
        <li class="mx-card" data-term={term.id}>
            <h3 class="mx-card-title">
                <button type="button" class="mx-card-button" onclick={ctx.send(Action::OpenTerm(props.term))}>
                    { term.name }
                </button>
            </h3>
            <p class="mx-card-summary">{ term.summary }</p>
            <p class="mx-card-meta">
                { evidence_spread(&base.evidence_profile(&facts.claims)) }
                <span>{ says_so(facts.sources) }</span>
            </p>
            if !linked.is_empty() {
                <p class="mx-card-linked">
                    <span class="mx-label">{ linked_label }</span>
                    { linked.join(", ") }
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
    let facts = explain::term_facts(base, props.term);
    let term = facts.term;
    let claims = &facts.claims;
    let back = if term.kind == TermKind::Technique {
        "All techniques"
    } else {
        "All mechanisms"
    };
    let count = match claims.len() {
        1 => "1 claim".to_string(),
        n => format!("{n} claims"),
    };
    html! {
        <div class="mx-detail" data-term={term.id}>
            <button type="button" class="mx-back" onclick={ctx.send(Action::CloseDetail)}>{ format!("← {back}") }</button>
            <h2 class="mx-detail-title" tabindex="-1" ref={heading}>{ term.name }</h2>
            <p class="mx-detail-summary">{ term.summary }</p>
            <p class="mx-detail-meta">
                { format!("{} make {count} about this. ", articles(facts.sources)) }
                { evidence_spread(&base.evidence_profile(claims)) }
            </p>
            <h3>{ "What the articles say" }</h3>
            if claims.is_empty() {
                <p class="mx-empty">{ "No article makes a claim about this yet." }</p>
            }
            { for claims.iter().map(|&claim| html! { <ClaimCard key={claim.index()} {claim} /> }) }
            { not_yet_reviewed(props.term) }
            <LinkedTerms kind={term.kind} linked={facts.linked.clone()} />
            { research(&ResearchProps { studies: explain::studies_of(base, claims) }) }
        </div>
    }
}

/// What articles not yet reviewed say about a term: their sentences that mention
/// it, kept apart from the graded claims and carrying no grade.
fn not_yet_reviewed(term: TermIdx) -> Html {
    let base = claimbase::get();
    let said: Vec<_> = base
        .unreviewed
        .iter()
        .filter(|u| u.terms.contains(&term))
        .collect();
    if said.is_empty() {
        return Html::default();
    }
    html! {
        <section class="mx-unreviewed" aria-label="Also said in articles not yet reviewed">
            <h3>{ "Also said in articles not yet reviewed" }</h3>
            <p class="mx-muted">{ "Sentences of articles our editors have not reviewed yet. They are not graded: read them as what the article says, nothing more." }</p>
            { for said.into_iter().map(|u| html! { <Quote passage={u.passage} /> }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LinkedTermsProps {
    /// The kind of the term whose links these are.
    kind: TermKind,
    /// Linked terms, with the number of articles linking each.
    linked: Vec<(TermIdx, usize)>,
}

/// The other axis of a term: techniques said to act through a mechanism, or the
/// effects a technique is linked to, each opening its own detail.
#[component]
fn LinkedTerms(props: &LinkedTermsProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    if props.linked.is_empty() {
        return Html::default();
    }
    let heading = if props.kind == TermKind::Technique {
        "Effects the articles link it to"
    } else {
        "Techniques said to act this way"
    };
    html! {
        <>
            <h3>{ heading }</h3>
            <ul class="mx-chips">
                { for props.linked.iter().map(|&(t, n)| html! {
                    <li><button type="button" class="mx-chip" onclick={ctx.send(Action::OpenTerm(t))}>
                        { format!("{} ({})", base.term(t).name, articles(n).to_ascii_lowercase()) }
                    </button></li>
                }) }
            </ul>
        </>
    }
}

struct ResearchProps {
    studies: Vec<StudyIdx>,
}

/// The identified research behind a term's claims.
fn research(props: &ResearchProps) -> Html {
    let base = claimbase::get();
    if props.studies.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <h3>{ "What the identified research says" }</h3>
            <ul class="mx-research">
                { for props.studies.iter().map(|&s| base.study(s)).map(|study| html! {
                    <li>
                        <strong>{ study.identified.as_ref().map_or(study.label, |p| p.citation) }</strong>
                        { " " }
                        { study.identified.as_ref().map_or(study.quality, |p| p.result) }
                    </li>
                }) }
            </ul>
        </>
    }
}
